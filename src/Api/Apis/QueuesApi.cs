using Microsoft.AspNetCore.Http.HttpResults;
using PcDarts.Api.Queues;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;

namespace PcDarts.Api.Apis;

/// <summary>The queues: how many experiments wait on each, since when, and how many live runners serve it.</summary>
public static class QueuesApi
{
    public static RouteGroupBuilder MapQueuesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/queues").WithTags("Runners");
        api.MapGet("/", ListQueues).WithName(nameof(ListQueues));
        return api;
    }

    public static async Task<Ok<IReadOnlyList<QueueDto>>> ListQueues(PcDartsDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await QueueBoard.ListAsync(db, clock.GetUtcNow(), ct));
}
