using PcDarts.Core.Contracts;

namespace PcDarts.Persistence.Entities;

/// <summary>One execution of an experiment's Hangfire job on one runner.</summary>
public sealed class JobAttempt
{
    public long Id { get; set; }
    public Guid ExperimentId { get; set; }
    public string? HangfireJobId { get; set; }
    public required string Runner { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string Outcome { get; set; } = AttemptOutcomes.Running;
    /// <summary>The epoch the attempt resumed after (0 = from scratch).</summary>
    public int ResumedAfterEpoch { get; set; }
    public string? Error { get; set; }
}
