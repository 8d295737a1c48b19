using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;

namespace PcDarts.Api.Apis;

/// <summary>An experiment's stored log: the lines its runs and status transitions wrote, after a sequence number.</summary>
public static class ExperimentLogsApi
{
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapExperimentLogsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/logs", GetLogs).WithName(nameof(GetLogs));
        return api;
    }

    /// <summary>Up to <paramref name="limit"/> (default and most <see cref="MaxLimit"/>) lines with a sequence number above <paramref name="after"/> (default 0), in order.</summary>
    public static async Task<Results<Ok<LogPage>, NotFound, ValidationProblem>> GetLogs(
        Guid id, long? after, int? limit, PcDartsDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (after < 0) errors["after"] = [$"must be 0 or more, got {after}"];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"must be between 1 and {MaxLimit}, got {limit}"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        // The status first: a finished status read here means every line of the run is committed (see LogPage).
        var status = await db.Experiments.AsNoTracking().Where(e => e.Id == id).Select(e => e.Status).SingleOrDefaultAsync(ct);
        if (status is null) return TypedResults.NotFound();
        var from = after ?? 0;
        var lines = await db.LogLines.AsNoTracking()
            .Where(l => l.ExperimentId == id && l.Sequence > from)
            .OrderBy(l => l.Sequence).Take(limit ?? MaxLimit)
            .Select(l => new LogLineDto(l.Sequence, l.At, l.Level, l.Text))
            .ToListAsync(ct);
        return TypedResults.Ok(new LogPage(id, status, lines));
    }
}
