using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Metrics;
using PcDarts.Persistence;
using PcDarts.Persistence.Runs;

namespace PcDarts.Api.Tests.Live;

/// <summary>A runner's epoch commit through the real <see cref="RunRecorder"/> (rows, checkpoint and NOTIFY in one transaction), without training.</summary>
internal static class RecordedEpochs
{
    public static RunRecorder Recorder(string connectionString, Guid experimentId) =>
        new(new Factory(connectionString), experimentId, TimeProvider.System);

    public static void CommitEpoch(string connectionString, Guid experimentId, int epoch) =>
        CommitEpoch(Recorder(connectionString, experimentId), epoch);

    public static void CommitEpoch(RunRecorder recorder, int epoch) =>
        recorder.CommitEpoch(Metrics(epoch), Architecture(), new byte[1024]);

    private static EpochMetrics Metrics(int epoch) => new()
    {
        Epoch = epoch,
        TrainLoss = 2.3 / epoch,
        TrainTop1 = 10 + epoch,
        ValidLoss = 2.4 / epoch,
        ValidTop1 = 9 + epoch,
        LearningRate = 0.1,
        Seconds = 1,
        ImagesPerSecond = 64,
        PeakProcessBytes = 1 << 20,
        ArchitectureUpdated = true,
    };

    /// <summary>A 3-node cell's 9 edges × 8 ops, uniform.</summary>
    private static ArchitectureRecord Architecture()
    {
        float[][] alphas = Enumerable.Range(0, 9).Select(_ => Enumerable.Repeat(0.125f, 8).ToArray()).ToArray();
        return new ArchitectureRecord(alphas, alphas, null, null,
            PcDarts.Core.Genotypes.PublishedGenotypes.Get("PC_DARTS_cifar").ToDartsText());
    }

    private sealed class Factory(string connectionString) : IDbContextFactory<PcDartsDbContext>
    {
        public PcDartsDbContext CreateDbContext() => PersistenceExtensions.CreateContext(connectionString);
    }
}
