using Microsoft.AspNetCore.Http.HttpResults;
using PcDarts.Api.Estimates;
using PcDarts.Core.Contracts;

namespace PcDarts.Api.Apis;

/// <summary>An experiment's cost estimate beside what it measured (the estimate before submitting is the submit endpoints' <c>?dryRun=true</c>).</summary>
public static class CostApi
{
    public static RouteGroupBuilder MapCostApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments").WithTags("Experiments");
        api.MapGet("/{id:guid}/cost", GetCost).WithName(nameof(GetCost));
        return api;
    }

    public static async Task<Results<Ok<CostComparisonDto>, NotFound>> GetCost(Guid id, CostEstimator estimator, CancellationToken ct) =>
        await estimator.CompareAsync(id, ct) is { } comparison ? TypedResults.Ok(comparison) : TypedResults.NotFound();
}
