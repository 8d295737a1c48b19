using PcDarts.Persistence.Entities;

namespace PcDarts.Persistence.Runs;

/// <summary>An attempt that began: what the runner needs to run it, and where it resumes.</summary>
public sealed record AttemptStart(Guid ExperimentId, long AttemptId, string Kind, string Spec, string? Genotype, int ResumedAfterEpoch, int AttemptNumber);

/// <summary>What a finished run hands back to be stored.</summary>
public sealed record RunResult(string Genotype, long Parameters, long? MultiplyAdds, byte[] FinalWeights);

/// <summary>
/// The answer to a cancel request: <see cref="Experiment"/> is null when there is no such experiment;
/// <see cref="AlreadyFinished"/> when it had ended before the request (nothing changed).
/// </summary>
public sealed record CancelRequest(Experiment? Experiment, bool AlreadyFinished);
