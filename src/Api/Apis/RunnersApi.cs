using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;

namespace PcDarts.Api.Apis;

/// <summary>Runner nodes as they report themselves through their heartbeats.</summary>
public static class RunnersApi
{
    /// <summary>A runner whose last heartbeat is older than this is shown as not alive.</summary>
    public static readonly TimeSpan AliveWindow = TimeSpan.FromSeconds(30);

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
            .Select(r => new RunnerDto(r.Name, r.Host, r.Device, r.Queues, r.Workers, r.StartedAt, r.HeartbeatAt, now - r.HeartbeatAt < AliveWindow, r.CurrentExperimentId))
            .ToList());
    }
}
