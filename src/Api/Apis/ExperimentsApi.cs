using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Jobs;
using PcDarts.Core.Specs;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;

namespace PcDarts.Api.Apis;

/// <summary>Experiments: submit searches and retrains, follow them, fetch what they found, cancel and delete them.</summary>
public static class ExperimentsApi
{
    public static RouteGroupBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments").WithTags("Experiments");
        api.MapPost("/search", CreateSearch).WithName(nameof(CreateSearch));
        api.MapPost("/retrain", CreateRetrain).WithName(nameof(CreateRetrain));
        api.MapGet("/", ListExperiments).WithName(nameof(ListExperiments));
        api.MapGet("/{id:guid}", GetExperiment).WithName(nameof(GetExperiment));
        api.MapGet("/{id:guid}/metrics", GetMetrics).WithName(nameof(GetMetrics));
        api.MapGet("/{id:guid}/architecture", GetArchitecture).WithName(nameof(GetArchitecture));
        api.MapGet("/{id:guid}/genotype", GetGenotype).WithName(nameof(GetGenotype))
            .Produces<string>(StatusCodes.Status200OK, "application/json", "text/plain", "image/svg+xml");
        api.MapGet("/{id:guid}/weights", GetWeights).WithName(nameof(GetWeights));
        api.MapPost("/{id:guid}/cancel", CancelExperiment).WithName(nameof(CancelExperiment));
        api.MapDelete("/{id:guid}", DeleteExperiment).WithName(nameof(DeleteExperiment));
        return api;
    }

    public static async Task<Results<Created<ExperimentDto>, ValidationProblem>> CreateSearch(
        CreateSearchRequest request, RequestLimits limits, PcDartsDbContext db, IBackgroundJobClient jobs, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation();
        limits.CheckSubmission(validation, request.Name, request.Tags);
        var spec = request.Spec ?? new SearchSpec();
        limits.CheckSearch(validation, spec);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());

        var experiment = NewExperiment(ExperimentKinds.Search, request.Name!, request.Tags, spec, spec.Seed, spec.Queue, clock);
        var dto = await EnqueueAsync(experiment, db, jobs, ct);
        return TypedResults.Created($"/api/experiments/{experiment.Id}", dto);
    }

    public static async Task<Results<Created<ExperimentDto>, ValidationProblem>> CreateRetrain(
        CreateRetrainRequest request, RequestLimits limits, PcDartsDbContext db, IBackgroundJobClient jobs, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation();
        limits.CheckSubmission(validation, request.Name, request.Tags);
        var spec = request.Spec ?? new RetrainSpec();
        limits.CheckRetrain(validation, spec, request.Genotype);
        PcDarts.Core.Genotypes.Genotype? genotype = null;
        if ((request.Genotype is null) == (request.FromExperimentId is null))
            validation.Add(request.Genotype is null ? "genotype" : "fromExperimentId", "give exactly one of genotype and fromExperimentId");
        else if (request.Genotype is not null && !PcDarts.Core.Genotypes.Genotype.TryParseAny(request.Genotype, out genotype, out var error))
            validation.Add("genotype", error);
        else if (request.FromExperimentId is { } fromId)
        {
            var source = await db.Experiments.AsNoTracking().Where(e => e.Id == fromId).Select(e => new { e.Genotype, e.Kind }).SingleOrDefaultAsync(ct);
            if (source is null) validation.Add("fromExperimentId", $"no experiment {fromId}");
            else if (source.Kind != ExperimentKinds.Search || source.Genotype is null) validation.Add("fromExperimentId", $"experiment {fromId} is not a finished search");
            else genotype = PcDarts.Core.Genotypes.Genotype.Parse(source.Genotype);
        }
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());

        var experiment = NewExperiment(ExperimentKinds.Retrain, request.Name!, request.Tags, spec, spec.Seed, spec.Queue, clock);
        experiment.DerivedFromId = request.FromExperimentId;
        experiment.Genotype = genotype!.ToDartsText();
        var dto = await EnqueueAsync(experiment, db, jobs, ct);
        return TypedResults.Created($"/api/experiments/{experiment.Id}", dto);
    }

    private static Experiment NewExperiment<TSpec>(string kind, string name, string[]? tags, TSpec spec, int seed, string? queue, TimeProvider clock) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        Name = name.Trim(),
        Tags = NormalizeTags(tags),
        Spec = System.Text.Json.JsonSerializer.Serialize(spec, ExperimentMapping.SpecJson),
        Seed = seed,
        Queue = queue ?? JobQueues.Cpu,
        CreatedAt = clock.GetUtcNow(),
    };

    internal static string[] NormalizeTags(string[]? tags) =>
        (tags ?? []).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Stores the experiment, then queues its job and records the job id.</summary>
    internal static async Task<ExperimentDto> EnqueueAsync(Experiment experiment, PcDartsDbContext db, IBackgroundJobClient jobs, CancellationToken ct)
    {
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(ct);
        // Queued after the row is committed: a runner that picks the job up at once must find the experiment.
        experiment.HangfireJobId = jobs.Create<IExperimentJob>(j => j.RunAsync(experiment.Id, CancellationToken.None), new EnqueuedState(experiment.Queue));
        await db.SaveChangesAsync(ct);
        return experiment.ToDto(0, null, []);
    }

    public static async Task<Results<Ok<ExperimentPage>, ValidationProblem>> ListExperiments(
        RequestLimits limits, PcDartsDbContext db, string? status, string? kind, string? tag, string? text, int? page, int? pageSize, CancellationToken ct)
    {
        var validation = new Validation();
        limits.CheckListQuery(validation, status, kind, tag, text, page, pageSize);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());
        var size = pageSize ?? 20;
        var number = page ?? 1;
        var query = db.Experiments.AsNoTracking();
        if (!string.IsNullOrEmpty(status)) query = query.Where(e => e.Status == status);
        if (!string.IsNullOrEmpty(kind)) query = query.Where(e => e.Kind == kind);
        if (!string.IsNullOrEmpty(tag)) query = query.Where(e => e.Tags.Contains(tag));
        if (!string.IsNullOrEmpty(text)) query = query.Where(e => EF.Functions.ILike(e.Name, $"%{text}%"));
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(e => new { Experiment = e, Epochs = e.Epochs.Count, Best = e.Epochs.Max(r => r.ValidTop1) })
            .ToListAsync(ct);
        return TypedResults.Ok(new ExperimentPage(rows.Select(r => r.Experiment.ToSummary(r.Epochs, r.Best)).ToList(), number, size, total));
    }

    public static async Task<Results<Ok<ExperimentDto>, NotFound>> GetExperiment(Guid id, PcDartsDbContext db, CancellationToken ct)
    {
        var row = await db.Experiments.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { Experiment = e, e.Attempts, Epochs = e.Epochs.Count, Best = e.Epochs.Max(r => r.ValidTop1) })
            .SingleOrDefaultAsync(ct);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(row.Experiment.ToDto(row.Epochs, row.Best, row.Attempts));
    }

    /// <summary>Epochs after <paramref name="afterEpoch"/> (all by default); <paramref name="format"/> json (default) or csv.</summary>
    public static async Task<Results<Ok<MetricsDto>, ContentHttpResult, NotFound, ValidationProblem>> GetMetrics(
        Guid id, int? afterEpoch, string? format, PcDartsDbContext db, CancellationToken ct)
    {
        format = (format ?? "json").ToLowerInvariant();
        if (format is not ("json" or "csv"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["must be json or csv"] });
        if (!await db.Experiments.AnyAsync(e => e.Id == id, ct)) return TypedResults.NotFound();
        var after = afterEpoch ?? 0;
        var rows = await db.EpochMetrics.AsNoTracking().Where(r => r.ExperimentId == id && r.Epoch > after).OrderBy(r => r.Epoch).ToListAsync(ct);
        var metrics = rows.Select(r => r.ToMetrics()).ToList();
        return format == "csv"
            ? TypedResults.Text(PcDarts.Core.Metrics.MetricsCsv.Write(metrics), "text/csv")
            : TypedResults.Ok(new MetricsDto(id, metrics));
    }

    /// <summary>α/β and the derived genotype of every epoch after <paramref name="afterEpoch"/> (all by default).</summary>
    public static async Task<Results<Ok<List<EpochArchitectureDto>>, NotFound>> GetArchitecture(Guid id, int? afterEpoch, PcDartsDbContext db, CancellationToken ct)
    {
        if (!await db.Experiments.AnyAsync(e => e.Id == id, ct)) return TypedResults.NotFound();
        var after = afterEpoch ?? 0;
        var rows = await db.EpochArchitectures.AsNoTracking().Where(r => r.ExperimentId == id && r.Epoch > after).OrderBy(r => r.Epoch).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new EpochArchitectureDto(r.Epoch, r.AlphasNormal, r.AlphasReduce, r.BetasNormal, r.BetasReduce, r.Genotype)).ToList());
    }

    /// <summary>The found (search) or trained (retrain) genotype; <paramref name="format"/> json (default), darts or svg, <paramref name="cell"/> normal or reduce for svg.</summary>
    public static async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult, ValidationProblem>> GetGenotype(
        Guid id, string? format, string? cell, PcDartsDbContext db, CancellationToken ct)
    {
        var validation = new Validation();
        format = (format ?? "json").ToLowerInvariant();
        validation.Require(GenotypeResults.Formats.Contains(format), "format", "must be json, darts or svg");
        validation.Require(cell is null or "normal" or "reduce", "cell", "must be normal or reduce");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());

        var experiment = await db.Experiments.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Genotype, e.Status }).SingleOrDefaultAsync(ct);
        if (experiment is null) return TypedResults.NotFound();
        if (experiment.Genotype is null)
            return TypedResults.Problem($"experiment {id} has no genotype yet (it is {experiment.Status})", title: "No genotype", statusCode: StatusCodes.Status404NotFound);
        var kind = cell == "reduce" ? PcDarts.Core.Genotypes.CellKind.Reduce : PcDarts.Core.Genotypes.CellKind.Normal;
        return GenotypeResults.Render(PcDarts.Core.Genotypes.Genotype.Parse(experiment.Genotype), format, kind);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetWeights(Guid id, HttpContext http, PcDartsDbContext db, CancellationToken ct)
    {
        var weights = await db.Artifacts.AsNoTracking()
            .Where(a => a.ExperimentId == id && a.Kind == ArtifactKinds.Weights)
            .Select(a => new { a.Content, a.Sha256 })
            .SingleOrDefaultAsync(ct);
        if (weights is null) return TypedResults.Problem($"experiment {id} has no final weights (not found, or not finished)", title: "No weights", statusCode: StatusCodes.Status404NotFound);
        http.Response.Headers["X-Content-SHA256"] = weights.Sha256;
        return TypedResults.File(weights.Content, "application/octet-stream", $"{id}.weights.bin");
    }

    public static async Task<Results<Accepted<ExperimentDto>, NotFound, ProblemHttpResult>> CancelExperiment(
        Guid id, PcDartsDbContext db, IBackgroundJobClient jobs, TimeProvider clock, CancellationToken ct)
    {
        // One transaction: the NOTIFY below is delivered with the status it announces, never before it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var experiment = await db.Experiments.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (experiment is null) return TypedResults.NotFound();
        if (ExperimentStatuses.IsFinished(experiment.Status))
            return TypedResults.Problem($"experiment {id} is {experiment.Status}", title: "Already finished", statusCode: StatusCodes.Status409Conflict);

        var now = clock.GetUtcNow();
        experiment.CancelRequestedAt ??= now;
        if (experiment.Status == ExperimentStatuses.Queued)
        {
            // Nobody runs it yet: it is cancelled now. A runner that fetched it meanwhile sees the status and stops.
            experiment.Status = ExperimentStatuses.Cancelled;
            experiment.FinishedAt = now;
            await EventPublisher.PublishAsync(db, new ExperimentEvent(id, ExperimentEventKinds.StatusChanged, Status: experiment.Status), ct);
            await EventPublisher.PublishAsync(db, ExperimentEvent.Log(id, LogLevels.Info, "cancelled while queued", now), ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Deleting a processing job fires its CancellationToken on the runner within CancellationCheckInterval.
        if (experiment.HangfireJobId is not null) jobs.Delete(experiment.HangfireJobId);
        return TypedResults.Accepted($"/api/experiments/{id}", experiment.ToDto(0, null, []));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteExperiment(
        Guid id, PcDartsDbContext db, IBackgroundJobClient jobs, CancellationToken ct)
    {
        var experiment = await db.Experiments.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (experiment is null) return TypedResults.NotFound();
        if (experiment.Status == ExperimentStatuses.Running)
            return TypedResults.Problem($"experiment {id} is running: cancel it first", title: "Running", statusCode: StatusCodes.Status409Conflict);
        if (experiment.HangfireJobId is not null) jobs.Delete(experiment.HangfireJobId);
        db.Experiments.Remove(experiment);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
