namespace PcDarts.Engine.Training;

/// <summary>
/// Where a run keeps its finished epochs and the checkpoint that follows each one: a folder for the CLI,
/// PostgreSQL for platform jobs. The checkpoint holds the epoch it follows, so a run that restarts from
/// <see cref="LoadCheckpoint"/> never repeats a committed epoch.
/// </summary>
public interface IRunStore
{
    /// <summary>The latest committed checkpoint, or null when the run has not finished an epoch yet.</summary>
    byte[]? LoadCheckpoint();

    /// <summary>Persists one finished epoch together with the checkpoint taken after it, atomically.</summary>
    void CommitEpoch(EpochResult epoch, byte[] checkpoint);
}
