using System.Text.Json.Serialization;
using PcDarts.Core.Metrics;
using PcDarts.Core.Specs;

namespace PcDarts.Core.Contracts;

/// <summary>A search to queue: <paramref name="Spec"/> takes the CLI's options as camelCase fields; omitted ones keep their defaults.</summary>
public sealed record CreateSearchRequest(string? Name, string[]? Tags, SearchSpec? Spec);

/// <summary>A retrain to queue: the genotype as DARTS text, JSON or a published name, or <paramref name="FromExperimentId"/> (a finished search).</summary>
public sealed record CreateRetrainRequest(string? Name, string[]? Tags, string? Genotype, Guid? FromExperimentId, RetrainSpec? Spec);

/// <summary>An experiment's new tags (they replace the old ones); its creator or an admin may set them at any time.</summary>
public sealed record SetTagsRequest(string[]? Tags);

/// <summary>
/// One experiment. <paramref name="ImportedFromId"/> marks one imported from an archive (its id where it was exported).
/// Exactly one of <paramref name="Search"/> and <paramref name="Retrain"/> is set, as <paramref name="Kind"/> says:
/// the full spec it runs, defaults filled in. A queued experiment also carries its 1-based <paramref name="QueuePosition"/>
/// in its queue and, in words, why it waits (<paramref name="WaitingReason"/>, see <see cref="PcDarts.Core.Queues.QueueWait"/>).
/// </summary>
public sealed record ExperimentDto(
    Guid Id,
    string Kind,
    string Name,
    string[] Tags,
    string Status,
    string Queue,
    int Seed,
    SearchSpec? Search,
    RetrainSpec? Retrain,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? CancelRequestedAt,
    string? Error,
    Guid? DerivedFromId,
    string? Genotype,
    long? Parameters,
    long? MultiplyAdds,
    int EpochsCompleted,
    double? BestValidTop1,
    IReadOnlyList<JobAttemptDto> Attempts,
    string? CreatedBy = null,
    Guid? ImportedFromId = null,
    Guid? StudyId = null,
    int? QueuePosition = null,
    string? WaitingReason = null,
    string? Origin = null)
{
    /// <summary>The epochs the spec asks for, whichever the kind.</summary>
    [JsonIgnore] public int Epochs => Search?.Epochs ?? Retrain?.Epochs ?? 0;

    [JsonIgnore] public string? Dataset => Search?.Dataset ?? Retrain?.Dataset;
}

/// <summary>
/// A row of the experiments list; <paramref name="Dataset"/> and <paramref name="K"/> come from the spec (K is null for a retrain).
/// <paramref name="SearchTop1"/> is a search's best architecture-split accuracy, <paramref name="RetrainTop1"/> a retrain's
/// best test accuracy (each null for the other kind); <paramref name="ComputeSeconds"/> sums the committed epochs.
/// </summary>
public sealed record ExperimentSummaryDto(
    Guid Id, string Kind, string Name, string[] Tags, string Status, string Queue,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int EpochsCompleted, double? BestValidTop1,
    string? Dataset = null, int? K = null, long? Parameters = null, string? CreatedBy = null,
    double? SearchTop1 = null, double? RetrainTop1 = null, long? MultiplyAdds = null, double ComputeSeconds = 0, Guid? DerivedFromId = null,
    string? Origin = null);

/// <summary>One page of the list: <paramref name="Offset"/> rows were skipped; <paramref name="Page"/> is 1-based in <paramref name="PageSize"/>s.</summary>
public sealed record ExperimentPage(IReadOnlyList<ExperimentSummaryDto> Items, int Page, int PageSize, int Total, int Offset = 0);

public sealed record JobAttemptDto(long Id, string? HangfireJobId, string Runner, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Outcome, int ResumedAfterEpoch, string? Error);

public sealed record EpochArchitectureDto(int Epoch, float[][] AlphasNormal, float[][] AlphasReduce, float[]? BetasNormal, float[]? BetasReduce, string Genotype);

/// <param name="Device">In words: "NVIDIA H200, 139.8 GiB" or "CPU, 16 cores, 125.6 GiB RAM".</param>
/// <param name="DeviceKind">"cuda" or "cpu" (<see cref="DeviceKinds"/>); null from a runner that does not report it.</param>
/// <param name="DeviceMemoryBytes">Memory a run can use there: the GPU's, else the machine's (or container's) RAM.</param>
public sealed record RunnerDto(string Name, string Host, string Device, string[] Queues, int Workers, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt, bool Alive, Guid? CurrentExperimentId,
    string? DeviceKind = null, long? DeviceMemoryBytes = null)
{
    /// <summary>The registered data sets whose folders this runner could read at its last check.</summary>
    public string[] Datasets { get; init; } = [];
}

/// <summary>The kinds of device a runner computes on.</summary>
public static class DeviceKinds
{
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";
}

/// <summary>The metrics rows of one experiment, in epoch order.</summary>
public sealed record MetricsDto(Guid ExperimentId, IReadOnlyList<EpochMetrics> Epochs);

/// <summary>One stored line of an experiment's log; <paramref name="Sequence"/> counts from 1 and orders the lines.</summary>
public sealed record LogLineDto(long Sequence, DateTimeOffset At, string Level, string Text);

/// <summary>
/// Stored log lines after a sequence number, in order. <paramref name="Status"/> was read before the lines: when it is
/// finished and fewer than the limit came back, the log is complete (a run's last line commits with its final status).
/// </summary>
public sealed record LogPage(Guid ExperimentId, string Status, IReadOnlyList<LogLineDto> Lines);
