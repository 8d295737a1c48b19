using PcDarts.Core.Contracts;
using PcDarts.Core.Metrics;
using PcDarts.Core.Specs;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>
/// The dashboard's data held in memory for a component under test: experiments listed newest first and filtered the way the
/// API filters (status, kind, name contains), each query and deletion recorded; submitting is refused.
/// </summary>
internal sealed class ExperimentStore(params ExperimentDto[] experiments) : IDashboardData
{
    private readonly List<ExperimentDto> _experiments = [.. experiments];

    public List<ExperimentQuery> Queries { get; } = [];
    public List<Guid> Deleted { get; } = [];
    public Dictionary<Guid, IReadOnlyList<EpochArchitectureDto>> Architecture { get; } = [];

    public static ExperimentDto Search(string name, string status, string owner = "owner@example.com", SearchSpec? spec = null) => new(
        Guid.NewGuid(), ExperimentKinds.Search, name, ["tagged"], status, "cpu", 1, spec ?? new SearchSpec(), null,
        DateTimeOffset.UtcNow, null, null, null, null, null, null, null, null, 0, null, [], owner);

    public Task<ExperimentPage> ListExperimentsAsync(ExperimentQuery query, CancellationToken ct = default)
    {
        Queries.Add(query);
        var items = _experiments
            .Where(e => (query.Status is null || e.Status == query.Status) && (query.Kind is null || e.Kind == query.Kind))
            .Where(e => query.Text is null || e.Name.Contains(query.Text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.CreatedAt)
            .Select(e => new ExperimentSummaryDto(e.Id, e.Kind, e.Name, e.Tags, e.Status, e.Queue, e.CreatedAt, e.StartedAt, e.FinishedAt,
                e.EpochsCompleted, e.BestValidTop1, e.Dataset, CreatedBy: e.CreatedBy))
            .ToList();
        return Task.FromResult(new ExperimentPage(items.Take(query.PageSize).ToList(), query.Page, query.PageSize, items.Count));
    }

    public Task<ExperimentDto?> GetExperimentAsync(Guid id, CancellationToken ct = default) =>
        Task.FromResult(_experiments.FirstOrDefault(e => e.Id == id));

    public Task<(ExperimentDto? Experiment, string? Error)> SetTagsAsync(Guid id, IReadOnlyList<string> tags, CancellationToken ct = default)
    {
        var index = _experiments.FindIndex(e => e.Id == id);
        if (index < 0) return Task.FromResult<(ExperimentDto?, string?)>((null, "no such experiment"));
        _experiments[index] = _experiments[index] with { Tags = tags.ToArray() };
        return Task.FromResult<(ExperimentDto?, string?)>((_experiments[index], null));
    }

    public Task<string?> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        Deleted.Add(id);
        _experiments.RemoveAll(e => e.Id == id);
        return Task.FromResult<string?>(null);
    }

    public Task<IReadOnlyList<EpochMetrics>> GetMetricsAsync(Guid id, int afterEpoch = 0, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<EpochMetrics>>([]);
    public Task<IReadOnlyList<EpochArchitectureDto>> GetArchitectureAsync(Guid id, int afterEpoch = 0, CancellationToken ct = default) =>
        Task.FromResult(Architecture.GetValueOrDefault(id) ?? []);
    public Task<SubmitResult> SubmitSearchAsync(CreateSearchRequest request, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<SubmitResult> SubmitRetrainAsync(CreateRetrainRequest request, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<string?> CancelAsync(Guid id, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<(CompareDto? Result, string? Error)> CompareAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<RunnerDto>> ListRunnersAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<RunnerDto>>([]);
}
