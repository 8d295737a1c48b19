namespace PcDarts.Persistence.Entities;

/// <summary>
/// Searches over a grid asked as one question: the grid and the specs as submitted; its members are experiments that
/// point at it (<see cref="Experiment.StudyId"/>). Its status is not stored: it follows from its members'.
/// </summary>
public sealed class Study
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string[] Tags { get; set; } = [];
    /// <summary>Search-spec field names to the values tried, as JSON (jsonb), in the order given.</summary>
    public required string Grid { get; set; }
    /// <summary>The search spec the grid is applied onto (jsonb, camelCase).</summary>
    public required string SearchSpec { get; set; }
    /// <summary>The retrain each succeeded search is followed by (jsonb); null for searches only.</summary>
    public string? RetrainSpec { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Set by a cancel: no retrain is started after it.</summary>
    public DateTimeOffset? CancelRequestedAt { get; set; }

    public List<Experiment> Members { get; set; } = [];
}
