using PcDarts.Core.Contracts;
using PcDarts.Core.Metrics;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>The dashboard's data for a component under test: one experiment (or none) with no epochs yet; every change refused.</summary>
internal sealed class ReadOnlyDashboardData(ExperimentDto? experiment = null) : IDashboardData
{
    public Task<ExperimentPage> ListExperimentsAsync(ExperimentQuery query, CancellationToken ct = default) => Task.FromResult(new ExperimentPage([], 1, 20, 0));
    public Task<ExperimentDto?> GetExperimentAsync(Guid id, CancellationToken ct = default) => Task.FromResult(id == experiment?.Id ? experiment : null);
    public Task<IReadOnlyList<EpochMetrics>> GetMetricsAsync(Guid id, int afterEpoch = 0, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<EpochMetrics>>([]);
    public Task<IReadOnlyList<EpochArchitectureDto>> GetArchitectureAsync(Guid id, int afterEpoch = 0, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<EpochArchitectureDto>>([]);
    public Task<SubmitResult> SubmitSearchAsync(CreateSearchRequest request, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<SubmitResult> SubmitRetrainAsync(CreateRetrainRequest request, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<string?> CancelAsync(Guid id, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<string?> DeleteAsync(Guid id, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<(ExperimentDto? Experiment, string? Error)> SetTagsAsync(Guid id, IReadOnlyList<string> tags, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<(CompareDto? Result, string? Error)> CompareAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<RunnerDto>> ListRunnersAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<RunnerDto>>([]);
}
