using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Experiments;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;
using PcDarts.Engine.Data;
using PcDarts.Persistence;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Api.Embedded;

/// <summary>
/// On the embedded default's first start (an empty database), queues the quick preset's search so that whoever
/// opens the dashboard finds the platform's main job already running: a real PC-DARTS search, live. It uses
/// Fashion-MNIST when Debian's package is installed and the synthetic set otherwise.
/// </summary>
internal sealed class WelcomeSearch(
    IDbContextFactory<PcDartsDbContext> contexts, ExperimentSubmission submission, TimeProvider clock, ILogger<WelcomeSearch> logger) : BackgroundService
{
    // In the background, waiting out a database that is not up yet: the host serves meanwhile.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DatabaseOutage.WaitOutAsync(QueueAsync, logger, "Welcome search", clock, stoppingToken);

    private async Task QueueAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            if (await db.Experiments.AnyAsync(cancellationToken)) return;

        var fashionMnist = File.Exists(Path.Combine(DatasetCatalog.FashionMnistDefaultDir, "train-images-idx3-ubyte.gz"));
        var spec = fashionMnist ? SearchPresets.QuickSearch : SearchPresets.QuickSearch with { Dataset = DatasetNames.Synthetic };
        var request = new CreateSearchRequest($"Welcome: quick {spec.Dataset} search", ["welcome", "quick"], spec);
        var queued = await submission.SubmitSearchAsync(request, cancellationToken);
        if (queued.Experiment is { } experiment)
            logger.LogInformation("Queued a welcome search on {Dataset}: /experiments/{Id}", spec.Dataset, experiment.Id);
        else
            logger.LogWarning("The welcome search was refused: {Errors}", string.Join("; ", queued.Errors!.SelectMany(e => e.Value)));
    }
}
