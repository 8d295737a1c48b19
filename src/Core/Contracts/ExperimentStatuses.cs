namespace PcDarts.Core.Contracts;

/// <summary>Where an experiment stands: the status field of the REST DTOs, the live events and the database row.</summary>
public static class ExperimentStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Queued, Running, Succeeded, Failed, Cancelled];

    /// <summary>Nothing more will happen to it: no epoch, no status change.</summary>
    public static bool IsFinished(string status) => status is Succeeded or Failed or Cancelled;

    /// <summary>Queued or running: a cancel still has something to stop.</summary>
    public static bool IsActive(string status) => status is Queued or Running;
}

/// <summary>What an experiment runs: a PC-DARTS search, or the retrain of a genotype.</summary>
public static class ExperimentKinds
{
    public const string Search = "search";
    public const string Retrain = "retrain";

    public static IReadOnlyList<string> All { get; } = [Search, Retrain];
}

/// <summary>
/// Why a study holds an experiment beyond its grid (<c>Experiment.Origin</c>, the list's <c>origin</c> filter): its
/// searches and the retrains made from them have none.
/// </summary>
public static class ExperimentOrigins
{
    /// <summary>A retrain of a randomly drawn genotype, part of the study's baseline.</summary>
    public const string Random = "random";

    public static IReadOnlyList<string> All { get; } = [Random];
}

/// <summary>How one execution of an experiment's job on one runner ended (<see cref="JobAttemptDto.Outcome"/>).</summary>
public static class AttemptOutcomes
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    /// <summary>The runner went away (shutdown or crash) before the attempt finished; a later attempt resumes it.</summary>
    public const string Interrupted = "interrupted";
}
