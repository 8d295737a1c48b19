using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Training;

namespace PcDarts.Engine.Tests.Training;

[Collection(SequentialCollection.Name)]
public class RetrainRunTests
{
    private static readonly RetrainSpec Tiny = new()
    {
        Dataset = DatasetNames.Synthetic,
        Subset = 256,
        BatchSize = 32,
        Channels = 4,
        Layers = 3,
        Epochs = 3,
        DropPath = 0.2,
        Cutout = 8,
        LearningRate = 0.05,
        Seed = 3,
        Threads = 1,
    };

    private static readonly Genotype Cell = PublishedGenotypes.PC_DARTS_cifar;

    [Fact]
    public void Training_on_synthetic_data_lowers_the_loss_and_reports_the_test_set()
    {
        using var folder = new TempDirectory();
        var store = new FileRunStore(folder.Path);

        var outcome = RetrainRun.Run(Tiny, Cell, store, null, CancellationToken.None);

        var epochs = store.History.Select(h => h.Metrics).ToList();
        Assert.Equal([1, 2, 3], epochs.Select(m => m.Epoch));
        Assert.True(epochs[^1].TrainLoss < epochs[0].TrainLoss, $"loss {epochs[0].TrainLoss} → {epochs[^1].TrainLoss}");
        Assert.All(epochs, m => Assert.True(m.ValidTop5 >= m.ValidTop1));
        // Drop-path ramps from 0 by epoch: 0, p/3, 2p/3.
        Assert.Equal([0, 0.2 / 3, 0.4 / 3], epochs.Select(m => Math.Round(m.DropPathProbability!.Value, 10)), new RoundedComparer());
        Assert.True(epochs[1].LearningRate < epochs[0].LearningRate);
        Assert.Equal(Cell, outcome.Genotype);
        Assert.True(outcome.Parameters > 0);
        Assert.True(outcome.MultiplyAdds > 0);
        Assert.NotEmpty(outcome.FinalWeights);
    }

    [Fact]
    public void An_interrupted_and_resumed_retrain_ends_exactly_like_an_uninterrupted_one()
    {
        using var whole = new TempDirectory();
        using var interrupted = new TempDirectory();
        var spec = Tiny with { Epochs = 2, Subset = 128 };
        var uninterrupted = new FileRunStore(whole.Path);
        var expected = RetrainRun.Run(spec, Cell, uninterrupted, null, CancellationToken.None);

        using (var stop = new CancellationTokenSource())
        {
            var store = new TinySearch.StopAfter(new FileRunStore(interrupted.Path), 1, stop);
            Assert.ThrowsAny<OperationCanceledException>(() => RetrainRun.Run(spec, Cell, store, null, stop.Token));
        }
        var resumedStore = new FileRunStore(interrupted.Path);
        var resumed = RetrainRun.Run(spec, Cell, resumedStore, null, CancellationToken.None);

        static object Key(EpochResult r) => (r.Metrics.Epoch, r.Metrics.TrainLoss, r.Metrics.TrainTop1, r.Metrics.ValidLoss, r.Metrics.ValidTop1, r.Metrics.ValidTop5);
        Assert.Equal(uninterrupted.History.Select(Key), resumedStore.History.Select(Key));
        Assert.Equal(expected.FinalWeights, resumed.FinalWeights);
    }

    [Fact]
    public void A_checkpoint_of_one_genotype_is_not_resumed_with_another()
    {
        using var folder = new TempDirectory();
        var spec = Tiny with { Epochs = 1, Subset = 64 };
        RetrainRun.Run(spec, Cell, new FileRunStore(folder.Path), null, CancellationToken.None);

        Assert.Throws<CheckpointMismatchException>(() =>
            RetrainRun.Run(spec with { Epochs = 2 }, PublishedGenotypes.DARTS_V2, new FileRunStore(folder.Path), null, CancellationToken.None));
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;
        public int GetHashCode(double obj) => 0;
    }
}
