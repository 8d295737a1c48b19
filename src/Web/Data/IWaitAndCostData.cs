using PcDarts.Core.Contracts;

namespace PcDarts.Web.Data;

/// <summary>
/// The queues and cost estimates, in the API's own shapes (the API implements it with its REST handlers' services):
/// the runners page's queue table, the forms' estimate before submitting, the experiment page's estimate vs measured.
/// </summary>
public interface IWaitAndCostData
{
    Task<IReadOnlyList<QueueDto>> ListQueuesAsync(CancellationToken ct = default);
    /// <summary>The estimate of a valid spec, else the field errors (as <c>?dryRun=true</c> answers them); nothing is written.</summary>
    Task<(CostEstimateDto? Estimate, IReadOnlyDictionary<string, string[]>? Errors)> EstimateSearchAsync(CreateSearchRequest request, CancellationToken ct = default);
    Task<(CostEstimateDto? Estimate, IReadOnlyDictionary<string, string[]>? Errors)> EstimateRetrainAsync(CreateRetrainRequest request, CancellationToken ct = default);
    Task<CostComparisonDto?> GetCostAsync(Guid id, CancellationToken ct = default);
}
