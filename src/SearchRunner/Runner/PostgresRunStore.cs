using PcDarts.Persistence.Runs;
using PcDarts.SearchRunner.Training;

namespace PcDarts.SearchRunner.Runner;

/// <summary>The engine's run store for platform jobs: each epoch goes to PostgreSQL in one transaction (see <see cref="RunRecorder"/>).</summary>
public sealed class PostgresRunStore(RunRecorder recorder) : IRunStore
{
    public byte[]? LoadCheckpoint() => recorder.LoadCheckpoint();

    public void CommitEpoch(EpochResult epoch, byte[] checkpoint) =>
        recorder.CommitEpoch(epoch.Metrics, epoch.Architecture is { } a
            ? new ArchitectureRecord(a.AlphasNormal, a.AlphasReduce, a.BetasNormal, a.BetasReduce, a.Genotype.ToDartsText())
            : null, checkpoint);
}
