using PcDarts.Core.Contracts;

namespace PcDarts.Persistence.Entities;

/// <summary>One search or retrain: what was asked (spec), where it stands (status) and what it found (genotype).</summary>
public sealed class Experiment
{
    /// <summary>Longest name the column holds.</summary>
    public const int MaxNameLength = 200;

    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public string[] Tags { get; set; } = [];
    /// <summary>The full spec as JSON (SearchSpec or RetrainSpec, camelCase), stored as jsonb.</summary>
    public required string Spec { get; set; }
    public int Seed { get; set; }
    public required string Queue { get; set; }
    public string Status { get; set; } = ExperimentStatuses.Queued;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The email of the user who submitted it (null for the embedded default's welcome search).</summary>
    public string? CreatedBy { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? CancelRequestedAt { get; set; }
    public string? Error { get; set; }
    /// <summary>A retrain points at the search whose genotype it trains.</summary>
    public Guid? DerivedFromId { get; set; }
    public Experiment? DerivedFrom { get; set; }
    /// <summary>Set on an experiment imported from an archive: its id where it was exported (it gets a new one here).</summary>
    public Guid? ImportedFromId { get; set; }
    /// <summary>The study this experiment is a member of (its search, the retrain made from that search, or a random-baseline retrain); null for a lone one.</summary>
    public Guid? StudyId { get; set; }
    /// <summary>Why a study holds it beyond its grid (<see cref="ExperimentOrigins"/>: a random-baseline retrain); null for the rest.</summary>
    public string? Origin { get; set; }
    public string? HangfireJobId { get; set; }
    /// <summary>Retrain: the genotype it trains (DARTS text). Search: the genotype it found, once succeeded.</summary>
    public string? Genotype { get; set; }
    public long? Parameters { get; set; }
    public long? MultiplyAdds { get; set; }

    // The leaderboard's sort keys, kept up to date as each epoch commits (RunRecorder) so that sorting a hundred
    // experiments is an index scan, not an aggregate over every epoch row.
    /// <summary>Search: the best architecture-split top-1 of any epoch (null for a retrain).</summary>
    public double? SearchTop1 { get; set; }
    /// <summary>Retrain: the best test top-1 of any epoch (null for a search).</summary>
    public double? RetrainTop1 { get; set; }
    /// <summary>Seconds of compute the committed epochs took, summed (the search cost, for a search).</summary>
    public double ComputeSeconds { get; set; }
    /// <summary>How many epochs are committed.</summary>
    public int EpochsCompleted { get; set; }

    public List<JobAttempt> Attempts { get; set; } = [];
    public List<EpochRecord> Epochs { get; set; } = [];
    public List<EpochArchitecture> Architectures { get; set; } = [];
    public List<Artifact> Artifacts { get; set; } = [];
}
