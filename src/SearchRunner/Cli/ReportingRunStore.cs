using PcDarts.Engine.Training;

namespace PcDarts.SearchRunner.Cli;

/// <summary>Tells the reporter about each epoch once the store has committed it.</summary>
internal sealed class ReportingRunStore(IRunStore inner, RunReporter reporter) : IRunStore
{
    public byte[]? LoadCheckpoint() => inner.LoadCheckpoint();

    public void CommitEpoch(EpochResult epoch, byte[] checkpoint)
    {
        inner.CommitEpoch(epoch, checkpoint);
        reporter.Epoch(epoch);
    }
}
