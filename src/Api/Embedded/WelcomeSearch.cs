using Hangfire;
using PcDarts.Api.Apis;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;
using PcDarts.Persistence;
using PcDarts.Engine.Data;
using Microsoft.EntityFrameworkCore;

namespace PcDarts.Api.Infrastructure;

/// <summary>
/// On the embedded default's first start (an empty database), queues the quick preset's search so that whoever
/// opens the dashboard finds the platform's main job already running: a real PC-DARTS search, live. It uses
/// Fashion-MNIST when Debian's package is installed and the synthetic set otherwise.
/// </summary>
internal sealed class WelcomeSearch(IServiceScopeFactory scopes, ILogger<WelcomeSearch> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
        if (await db.Experiments.AnyAsync(cancellationToken)) return;

        var fashionMnist = File.Exists(Path.Combine(DatasetCatalog.FashionMnistDefaultDir, "train-images-idx3-ubyte.gz"));
        var spec = fashionMnist ? SearchPresets.QuickSearch : SearchPresets.QuickSearch with { Dataset = DatasetNames.Synthetic };
        var request = new CreateSearchRequest($"Welcome: quick {spec.Dataset} search", ["welcome", "quick"], spec);
        var result = await ExperimentsApi.CreateSearch(request, db, scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>(),
            scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
        if (result.Result is Microsoft.AspNetCore.Http.HttpResults.Created<ExperimentDto> created)
            logger.LogInformation("Queued a welcome search on {Dataset}: /experiments/{Id}", spec.Dataset, created.Value!.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
