using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Estimates;
using PcDarts.Api.Experiments;
using PcDarts.Api.Queues;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Web.Data;

namespace PcDarts.Api.Dashboard;

/// <summary>The queue table and the cost estimates for the dashboard, through the same services as REST (a dry run writes nothing).</summary>
internal sealed class WaitAndCostData(
    IDbContextFactory<PcDartsDbContext> contexts, ExperimentSubmission submission, CostEstimator estimator, TimeProvider clock) : IWaitAndCostData
{
    public async Task<IReadOnlyList<QueueDto>> ListQueuesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await QueueBoard.ListAsync(db, clock.GetUtcNow(), ct);
    }

    public async Task<(CostEstimateDto? Estimate, IReadOnlyDictionary<string, string[]>? Errors)> EstimateSearchAsync(CreateSearchRequest request, CancellationToken ct = default) =>
        Answer(await submission.SubmitSearchAsync(request, ct, dryRun: true));

    public async Task<(CostEstimateDto? Estimate, IReadOnlyDictionary<string, string[]>? Errors)> EstimateRetrainAsync(CreateRetrainRequest request, CancellationToken ct = default) =>
        Answer(await submission.SubmitRetrainAsync(request, ct, dryRun: true));

    public Task<CostComparisonDto?> GetCostAsync(Guid id, CancellationToken ct = default) => estimator.CompareAsync(id, ct);

    private static (CostEstimateDto?, IReadOnlyDictionary<string, string[]>?) Answer(Submission s) => (s.Estimate, s.Errors);
}
