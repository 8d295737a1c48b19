using PcDarts.Core.Contracts;
using PcDarts.Core.Metrics;

namespace PcDarts.Web.Data;

/// <summary>
/// What the dashboard reads and does, in the API's own shapes. The API implements it by calling its endpoint handlers
/// in-process, so a page sees exactly what a REST client sees, and the only validation is the handlers' (the spec records' Validate()).
/// </summary>
public interface IDashboardData
{
    Task<ExperimentPage> ListExperimentsAsync(ExperimentQuery query, CancellationToken ct = default);
    Task<ExperimentDto?> GetExperimentAsync(Guid id, CancellationToken ct = default);
    /// <summary>Epochs after <paramref name="afterEpoch"/>, as REST's ?afterEpoch=N: how a view catches up after (re)subscribing.</summary>
    Task<IReadOnlyList<EpochMetrics>> GetMetricsAsync(Guid id, int afterEpoch = 0, CancellationToken ct = default);
    Task<IReadOnlyList<EpochArchitectureDto>> GetArchitectureAsync(Guid id, int afterEpoch = 0, CancellationToken ct = default);
    Task<SubmitResult> SubmitSearchAsync(CreateSearchRequest request, CancellationToken ct = default);
    Task<SubmitResult> SubmitRetrainAsync(CreateRetrainRequest request, CancellationToken ct = default);
    /// <summary>Null when the cancel was accepted, else why not (also when the user may not cancel it).</summary>
    Task<string?> CancelAsync(Guid id, CancellationToken ct = default);
    /// <summary>Null when deleted, else why not (running, or the user may not delete it).</summary>
    Task<string?> DeleteAsync(Guid id, CancellationToken ct = default);
    /// <summary>Replaces the tags (REST's PUT /{id}/tags): the experiment as saved, or why not (a tag's length or count, the user may not change it).</summary>
    Task<(ExperimentDto? Experiment, string? Error)> SetTagsAsync(Guid id, IReadOnlyList<string> tags, CancellationToken ct = default);
    /// <summary>The compare numbers and diffs, or the reason they cannot be had (validation, unknown id).</summary>
    Task<(CompareDto? Result, string? Error)> CompareAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default);
    Task<IReadOnlyList<RunnerDto>> ListRunnersAsync(CancellationToken ct = default);
}

/// <summary>The list's filters, sort key (<see cref="ExperimentSortKeys"/>, '-' for descending) and page, as REST's query string.</summary>
public sealed record ExperimentQuery(
    string? Status = null, string? Kind = null, string? Tag = null, string? Text = null, int Page = 1, int PageSize = 20,
    string? Sort = null, string? Dataset = null, string? Creator = null, Guid? DerivedFrom = null);

/// <summary>
/// A queued experiment's id, or the field errors under the API's JSON paths ("name", "spec.epochs", "genotype"), or why
/// the platform refused it whatever the fields (the role, the active-experiment cap): the REST 403/409 message.
/// </summary>
public sealed record SubmitResult(Guid? Id, IReadOnlyDictionary<string, string[]> Errors, string? Refusal = null)
{
    public static SubmitResult Refused(string why) => new(null, new Dictionary<string, string[]>(), why);

    public static SubmitResult Created(Guid id) => new(id, new Dictionary<string, string[]>());
}
