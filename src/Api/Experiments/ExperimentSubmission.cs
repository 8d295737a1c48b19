using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Apis;
using PcDarts.Api.Estimates;
using PcDarts.Api.Infrastructure;
using PcDarts.Api.Recovery;
using PcDarts.Core.Contracts;
using PcDarts.Core.Estimates;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Jobs;
using PcDarts.Core.Specs;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Experiments;

/// <summary>
/// A submission's answer: the queued experiment, or the field errors that refused it (nothing was written), or for a
/// dry run the valid spec's cost estimate (nothing was written either).
/// </summary>
public sealed record Submission(ExperimentDto? Experiment, Dictionary<string, string[]>? Errors, CostEstimateDto? Estimate = null);

/// <summary>
/// Validates and queues searches and retrains: the one path for REST, the dashboard and the embedded default's welcome
/// search. Each call uses a DbContext of its own, so callers outside a request (a Blazor circuit, a hosted service) can use it.
/// </summary>
public sealed class ExperimentSubmission(
    IDbContextFactory<PcDartsDbContext> contexts, JobDispatcher dispatcher, DatabaseGate gate, TimeProvider clock, RequestLimits limits,
    CostEstimator estimator)
{
    /// <param name="dryRun">Validate and estimate the cost only: nothing is stored or queued.</param>
    public async Task<Submission> SubmitSearchAsync(CreateSearchRequest request, CancellationToken ct = default, bool dryRun = false)
    {
        var validation = new Validation();
        limits.CheckSubmission(validation, request.Name, request.Tags);
        var spec = request.Spec ?? new SearchSpec();
        await using var db = await contexts.CreateDbContextAsync(ct);
        limits.CheckSearch(validation, spec, await DatasetsApi.KnownNamesAsync(db, ct));
        if (!validation.IsValid) return new Submission(null, validation.ToDictionary());
        if (dryRun) return new Submission(null, null, await estimator.EstimateAsync(StepShape.ForSearch(spec), spec.Queue ?? JobQueues.Cpu, ct));

        var experiment = NewExperiment(ExperimentKinds.Search, request.Name!, request.Tags, spec, spec.Seed, spec.Queue);
        return new Submission(await EnqueueAsync(experiment, db, ct), null);
    }

    /// <param name="dryRun">Validate and estimate the cost only: nothing is stored or queued.</param>
    public async Task<Submission> SubmitRetrainAsync(CreateRetrainRequest request, CancellationToken ct = default, bool dryRun = false)
    {
        var validation = new Validation();
        limits.CheckSubmission(validation, request.Name, request.Tags);
        var spec = request.Spec ?? new RetrainSpec();
        await using var db = await contexts.CreateDbContextAsync(ct);
        limits.CheckRetrain(validation, spec, request.Genotype, await DatasetsApi.KnownNamesAsync(db, ct));
        Genotype? genotype = null;
        if ((request.Genotype is null) == (request.FromExperimentId is null))
            validation.Add(request.Genotype is null ? "genotype" : "fromExperimentId", "give exactly one of genotype and fromExperimentId");
        else if (request.Genotype is not null && !Genotype.TryParseAny(request.Genotype, out genotype, out var error))
            validation.Add("genotype", error);
        else if (request.FromExperimentId is { } fromId)
        {
            var source = await db.Experiments.AsNoTracking().Where(e => e.Id == fromId).Select(e => new { e.Genotype, e.Kind }).SingleOrDefaultAsync(ct);
            if (source is null) validation.Add("fromExperimentId", $"no experiment {fromId}");
            else if (source.Kind != ExperimentKinds.Search || source.Genotype is null) validation.Add("fromExperimentId", $"experiment {fromId} is not a finished search");
            else genotype = Genotype.Parse(source.Genotype);
        }
        if (!validation.IsValid) return new Submission(null, validation.ToDictionary());
        if (dryRun) return new Submission(null, null, await estimator.EstimateAsync(StepShape.ForRetrain(spec), spec.Queue ?? JobQueues.Cpu, ct));

        var experiment = NewExperiment(ExperimentKinds.Retrain, request.Name!, request.Tags, spec, spec.Seed, spec.Queue);
        experiment.DerivedFromId = request.FromExperimentId;
        experiment.Genotype = genotype!.ToDartsText();
        return new Submission(await EnqueueAsync(experiment, db, ct), null);
    }

    /// <summary>A new row for a search or retrain, not yet stored: the one place an experiment's fields are filled from a spec.</summary>
    internal Experiment NewExperiment<TSpec>(string kind, string name, string[]? tags, TSpec spec, int seed, string? queue) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        Name = name.Trim(),
        Tags = ExperimentMapping.NormalTags(tags),
        Spec = System.Text.Json.JsonSerializer.Serialize(spec, ExperimentMapping.SpecJson),
        Seed = seed,
        Queue = queue ?? JobQueues.Cpu,
        CreatedAt = clock.GetUtcNow(),
    };

    /// <summary>
    /// Stores the experiment with no job id (the row is its own outbox), then creates its job and stores the id. A crash
    /// between the two leaves a queued row that the <see cref="JobDispatcher"/> gives a job seconds later; the job is
    /// created after the row is committed, so a runner that picks it up at once finds the experiment.
    /// </summary>
    private async Task<ExperimentDto> EnqueueAsync(Experiment experiment, PcDartsDbContext db, CancellationToken ct)
    {
        using var slot = await gate.EnterAsync(ct);
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(ct);
        await dispatcher.DispatchAsync(experiment, ct);
        return experiment.ToDto([]);
    }
}
