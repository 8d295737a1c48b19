using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Metrics;
using PcDarts.Persistence;
using PcDarts.Persistence.Runs;

namespace PcDarts.Bench.LiveLatency;

/// <summary>
/// Epochs as a runner commits them (metrics, a paper-sized α/β record, a checkpoint), without training: the payload
/// of a real CIFAR search epoch, so the row read and the message sizes are the ones users see.
/// </summary>
internal static class SyntheticEpochs
{
    private const int Edges = 14; // 4 intermediate nodes: 2 + 3 + 4 + 5
    private const int Operations = 8;

    public static RunRecorder Recorder(string connectionString, Guid experimentId) =>
        new(new ContextFactory(connectionString), experimentId, TimeProvider.System);

    public static void Commit(RunRecorder recorder, int epoch) =>
        recorder.CommitEpoch(new EpochMetrics
        {
            Epoch = epoch,
            TrainLoss = 2.3 / epoch,
            TrainTop1 = Math.Min(99, 10 + epoch),
            ValidLoss = 2.4 / epoch,
            ValidTop1 = Math.Min(99, 9 + epoch),
            LearningRate = 0.1,
            Seconds = 60,
            ImagesPerSecond = 400,
            PeakProcessBytes = 1L << 30,
            ArchitectureUpdated = true,
        }, Architecture, new byte[64 * 1024]);

    private static readonly ArchitectureRecord Architecture = new(
        Uniform(Edges, Operations), Uniform(Edges, Operations),
        Enumerable.Repeat(0.5f, Edges).ToArray(), Enumerable.Repeat(0.5f, Edges).ToArray(),
        PublishedGenotypes.Get("PC_DARTS_cifar").ToDartsText());

    private static float[][] Uniform(int rows, int columns) =>
        Enumerable.Range(0, rows).Select(_ => Enumerable.Repeat(1f / columns, columns).ToArray()).ToArray();

    private sealed class ContextFactory(string connectionString) : IDbContextFactory<PcDartsDbContext>
    {
        public PcDartsDbContext CreateDbContext() => PersistenceExtensions.CreateContext(connectionString);
    }
}
