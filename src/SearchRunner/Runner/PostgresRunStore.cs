using System.Globalization;
using PcDarts.Core.Metrics;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Runs;
using PcDarts.Engine.Training;
using PcDarts.SearchRunner.Telemetry;

namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// The engine's run store for platform jobs: each epoch goes to PostgreSQL in one transaction (see <see cref="RunRecorder"/>),
/// followed by a line for the experiment's live log and the runner's run meters.
/// </summary>
public sealed class PostgresRunStore(RunRecorder recorder, int epochs, string kind, int batchSize) : IRunStore
{
    public byte[]? LoadCheckpoint() => recorder.LoadCheckpoint();

    public void CommitEpoch(EpochResult epoch, byte[] checkpoint)
    {
        recorder.CommitEpoch(epoch.Metrics, epoch.Architecture is { } a
            ? new ArchitectureRecord(a.AlphasNormal, a.AlphasReduce, a.BetasNormal, a.BetasReduce, a.Genotype.ToDartsText())
            : null, checkpoint);
        recorder.Log(LogLevels.Info, Describe(epoch.Metrics, epochs));
        PlatformTelemetry.RunnerEpochs.Record(epoch.Metrics, kind, batchSize);
    }

    internal static string Describe(EpochMetrics m, int epochs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"epoch {m.Epoch}/{epochs} done: train loss {m.TrainLoss:F4}, top-1 {m.TrainTop1:F2}%") +
        (m.ValidTop1 is { } valid ? string.Create(CultureInfo.InvariantCulture, $", valid loss {m.ValidLoss:F4}, top-1 {valid:F2}%") : "") +
        string.Create(CultureInfo.InvariantCulture, $" ({m.Seconds:F1} s, {m.ImagesPerSecond:F0} images/s)");
}
