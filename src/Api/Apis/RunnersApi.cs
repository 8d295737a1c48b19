using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Persistence.Runs;

namespace PcDarts.Api.Apis;

/// <summary>Runner nodes as they report themselves through their heartbeats.</summary>
public static class RunnersApi
{
    public static RouteGroupBuilder MapRunnersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/runners").WithTags("Runners");
        api.MapGet("/", ListRunners).WithName(nameof(ListRunners));
        return api;
    }

    public static async Task<Ok<List<RunnerDto>>> ListRunners(PcDartsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var runners = await db.Runners.AsNoTracking().OrderByDescending(r => r.HeartbeatAt).ToListAsync(ct);
        return TypedResults.Ok(runners
            // A runner past RunnerLiveness' limit is shown offline, with no current experiment: the reaper resumes it elsewhere.
            .Select(r => (RunnerLiveness.IsAlive(r.HeartbeatAt, now)
                ? new RunnerDto(r.Name, r.Host, r.Device, r.Queues, r.Workers, r.StartedAt, r.HeartbeatAt, Alive: true, r.CurrentExperimentId)
                : new RunnerDto(r.Name, r.Host, r.Device, r.Queues, r.Workers, r.StartedAt, r.HeartbeatAt, Alive: false, CurrentExperimentId: null))
            with { Datasets = r.ReadableDatasets })
            .ToList());
    }
}
