using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PcDarts.Api.Archives;
using PcDarts.Api.Auth;
using PcDarts.Api.Experiments;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;

namespace PcDarts.Api.Apis;

/// <summary>Backups and moves: one experiment out as a tar.gz (<see cref="ExperimentArchive"/>), and back in, here or on another platform.</summary>
public static class ExperimentArchiveApi
{
    public static RouteGroupBuilder MapExperimentArchiveApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/export", ExportExperiment).WithName(nameof(ExportExperiment))
            .Produces(StatusCodes.Status200OK, contentType: ExperimentArchive.ContentType);
        var maxImport = api.ServiceProvider().GetRequiredService<IOptions<AbuseLimitsOptions>>().Value.MaxImportBytes;
        api.MapPost("/import", ImportExperiment).WithName(nameof(ImportExperiment))
            .WithMetadata(new RequestSizeLimitAttribute(maxImport));
        return api;
    }

    private static IServiceProvider ServiceProvider(this RouteGroupBuilder api) => ((IEndpointRouteBuilder)api).ServiceProvider;

    /// <summary>A finished experiment as a tar.gz: spec, metrics, α/β history, genotype, log, weights (and checkpoint), lineage.</summary>
    public static async Task<Results<PushStreamHttpResult, NotFound, ProblemHttpResult>> ExportExperiment(
        Guid id, PcDartsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var content = await ExperimentExport.ReadAsync(db, id, clock, ct);
        if (content is null) return TypedResults.NotFound();
        var status = content.Manifest.Experiment.Status;
        if (!ExperimentStatuses.IsFinished(status))
            return TypedResults.Problem($"experiment {id} is {status}: export it once it has finished (or cancel it)", title: "Not finished", statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Stream(stream => ExperimentExport.WriteAsync(content, stream, ct), ExperimentArchive.ContentType, $"{id}.tar.gz");
    }

    /// <summary>
    /// An archive from <see cref="ExportExperiment"/> (the request body, at most PcDarts:Limits:MaxImportBytes) becomes a new
    /// experiment owned by the caller, marked imported. A bad archive is a 400 naming the entry at fault, and nothing is written.
    /// </summary>
    public static async Task<Results<Created<ExperimentDto>, ValidationProblem>> ImportExperiment(
        HttpRequest request, PcDartsDbContext db, RequestLimits limits, IOptions<AbuseLimitsOptions> abuse, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            var content = await ExperimentArchiveReader.ReadAsync(request.Body, abuse.Value.MaxImportBytes, ct);
            var experiment = await ExperimentImport.AddAsync(db, content, limits, clock, ct);
            PcDarts.Persistence.Runs.LeaderboardColumns.Fill(experiment, content.Epochs.Select(e => e.Metrics).ToList());
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/experiments/{experiment.Id}", experiment.ToDto([]));
        }
        catch (ArchiveException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Entry] = [e.Message] }, title: "Not an importable experiment archive");
        }
    }
}
