namespace PcDarts.Persistence.Entities;

/// <summary>
/// One stored line of an experiment's log. <see cref="Sequence"/> counts from 1 per experiment, dense and in commit
/// order (see <see cref="Logs.ExperimentLog"/>), so "the lines after N" never misses one committed later.
/// </summary>
public sealed class LogLine
{
    public Guid ExperimentId { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Level { get; set; }
    public required string Text { get; set; }
}
