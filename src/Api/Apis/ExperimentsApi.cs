using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Api.Experiments;
using PcDarts.Api.Infrastructure;
using PcDarts.Api.Queues;
using PcDarts.Engine.Interop;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Runs;

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
        api.MapPut("/{id:guid}/tags", SetTags).WithName(nameof(SetTags));
        api.MapPost("/{id:guid}/cancel", CancelExperiment).WithName(nameof(CancelExperiment));
        api.MapDelete("/{id:guid}", DeleteExperiment).WithName(nameof(DeleteExperiment));
        api.MapExperimentLogsApi();
        api.MapExperimentArchiveApi();
        return api;
    }

    /// <summary>Queues a search; with <paramref name="dryRun"/>, validates it and answers its cost estimate without storing anything.</summary>
    public static async Task<Results<Created<ExperimentDto>, Ok<CostEstimateDto>, ValidationProblem>> CreateSearch(
        CreateSearchRequest request, ExperimentSubmission submission, CancellationToken ct, bool? dryRun = null) =>
        Answer(await submission.SubmitSearchAsync(request, ct, dryRun ?? false));

    /// <summary>Queues a retrain; with <paramref name="dryRun"/>, validates it and answers its cost estimate without storing anything.</summary>
    public static async Task<Results<Created<ExperimentDto>, Ok<CostEstimateDto>, ValidationProblem>> CreateRetrain(
        CreateRetrainRequest request, ExperimentSubmission submission, CancellationToken ct, bool? dryRun = null) =>
        Answer(await submission.SubmitRetrainAsync(request, ct, dryRun ?? false));

    private static Results<Created<ExperimentDto>, Ok<CostEstimateDto>, ValidationProblem> Answer(Submission submission) => submission switch
    {
        { Experiment: { } experiment } => TypedResults.Created($"/api/experiments/{experiment.Id}", experiment),
        { Estimate: { } estimate } => TypedResults.Ok(estimate),
        _ => TypedResults.ValidationProblem(submission.Errors!),
    };

    /// <summary>Sorted, filtered and paged: see <see cref="ExperimentListQuery"/>; an unknown sort key or filter bound is a 400 naming it.</summary>
    public static async Task<Results<Ok<ExperimentPage>, ValidationProblem>> ListExperiments(
        [AsParameters] ExperimentListQuery query, RequestLimits limits, PcDartsDbContext db, CancellationToken ct)
    {
        var validation = new Validation();
        limits.CheckListQuery(validation, query);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());
        return TypedResults.Ok(await ExperimentListing.PageAsync(db, query, ct));
    }

    /// <summary>One experiment; a queued one also says its place in its queue and why it waits.</summary>
    public static async Task<Results<Ok<ExperimentDto>, NotFound>> GetExperiment(Guid id, PcDartsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.Experiments.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { Experiment = e, e.Attempts })
            .SingleOrDefaultAsync(ct);
        if (row is null) return TypedResults.NotFound();
        return TypedResults.Ok(await QueueBoard.WithWaitAsync(row.Experiment.ToDto(row.Attempts), db, clock.GetUtcNow(), ct));
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
        var metrics = rows.Select(r => r.Metrics).ToList();
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

    /// <summary>
    /// The final weights: as stored (<paramref name="format"/> pcdarts, the default), or for a retrain as a PyTorch
    /// state_dict under the authors' model.py names (pytorch), which their NetworkCIFAR / NetworkImageNet load strictly.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> GetWeights(
        Guid id, string? format, HttpContext http, PcDartsDbContext db, CancellationToken ct)
    {
        format = (format ?? WeightFormats.PcDarts).ToLowerInvariant();
        if (!WeightFormats.All.Contains(format))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [$"must be {string.Join(" or ", WeightFormats.All)}"] });
        var weights = await (
            from a in db.Artifacts.AsNoTracking()
            where a.ExperimentId == id && a.Kind == ArtifactKinds.Weights
            join e in db.Experiments.AsNoTracking() on a.ExperimentId equals e.Id
            select new { a.Content, a.Sha256, e.Kind, e.Genotype }).SingleOrDefaultAsync(ct);
        if (weights is null) return TypedResults.Problem($"experiment {id} has no final weights (not found, or not finished)", title: "No weights", statusCode: StatusCodes.Status404NotFound);
        if (format == WeightFormats.PcDarts)
        {
            http.Response.Headers["X-Content-SHA256"] = weights.Sha256;
            return TypedResults.File(weights.Content, "application/octet-stream", $"{id}.weights.bin");
        }
        if (weights.Kind != ExperimentKinds.Retrain || weights.Genotype is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = ["pytorch is offered for a retrain's network (the authors' NetworkCIFAR / NetworkImageNet); a search's supernet has no such layout"],
            });
        byte[] converted;
        try
        {
            converted = NetworkWeights.ToPyTorch(weights.Content, PcDarts.Core.Genotypes.Genotype.Parse(weights.Genotype));
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException)
        {
            // The API image carries no LibTorch (docker/api.Dockerfile): the conversion builds the network, which needs it.
            return TypedResults.Problem("this API host has no LibTorch to convert weights with; download format=pcdarts and run "
                + "`pcdarts-runner export --weights FILE --format pytorch --genotype G --out FILE.pt` on a runner node",
                title: "Conversion unavailable here", statusCode: StatusCodes.Status501NotImplemented);
        }
        http.Response.Headers["X-Content-SHA256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(converted));
        return TypedResults.File(converted, "application/octet-stream", $"{id}.pt");
    }

    /// <summary>Replaces the tags: the owner's way to file a finished experiment under a study or a question after the fact.</summary>
    public static async Task<Results<Ok<ExperimentDto>, NotFound, ValidationProblem>> SetTags(
        Guid id, SetTagsRequest request, RequestLimits limits, PcDartsDbContext db, CancellationToken ct)
    {
        var validation = new Validation();
        validation.Require(request.Tags is not null, "tags", "is required (an empty list removes every tag)");
        limits.CheckTags(validation, request.Tags);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());
        var experiment = await db.Experiments.Include(e => e.Attempts).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (experiment is null) return TypedResults.NotFound();
        experiment.Tags = ExperimentMapping.NormalTags(request.Tags);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(experiment.ToDto(experiment.Attempts));
    }

    public static async Task<Results<Accepted<ExperimentDto>, NotFound, ProblemHttpResult>> CancelExperiment(
        Guid id, ExperimentLifecycle lifecycle, IBackgroundJobClient jobs, CancellationToken ct)
    {
        var request = await lifecycle.RequestCancelAsync(id, ct);
        if (request.Experiment is not { } experiment) return TypedResults.NotFound();
        if (request.AlreadyFinished)
            return TypedResults.Problem($"experiment {id} is {experiment.Status}", title: "Already finished", statusCode: StatusCodes.Status409Conflict);
        // Deleting a processing job fires its CancellationToken on the runner within CancellationCheckInterval.
        if (experiment.HangfireJobId is not null) jobs.Delete(experiment.HangfireJobId);
        return TypedResults.Accepted($"/api/experiments/{id}", experiment.ToDto([]));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteExperiment(
        Guid id, PcDartsDbContext db, IBackgroundJobClient jobs, CancellationToken ct)
    {
        var experiment = await db.Experiments.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (experiment is null) return TypedResults.NotFound();
        if (experiment.Status == ExperimentStatuses.Running)
            return TypedResults.Problem($"experiment {id} is running: cancel it first", title: "Running", statusCode: StatusCodes.Status409Conflict);
        ExperimentRemoval.Remove(db, jobs, experiment);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
