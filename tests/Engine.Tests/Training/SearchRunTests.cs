using PcDarts.Core.Genotypes;
using PcDarts.Engine.Training;

namespace PcDarts.Engine.Tests.Training;

[Collection(SequentialCollection.Name)]
public class SearchRunTests
{
    [Fact]
    public void A_search_records_every_epoch_and_keeps_the_architecture_frozen_during_the_warm_up()
    {
        using var folder = new TempDirectory();
        var store = new FileRunStore(folder.Path);
        var spec = TinySearch.Spec with { Epochs = 3, WarmupEpochs = 2 };

        var outcome = SearchRun.Run(spec, store, null, CancellationToken.None);

        Assert.Equal([1, 2, 3], store.History.Select(h => h.Metrics.Epoch));
        Assert.Equal([false, false, true], store.History.Select(h => h.Metrics.ArchitectureUpdated!.Value));
        var first = TinySearch.Comparable(store.History[0]);
        var second = TinySearch.Comparable(store.History[1]);
        var third = TinySearch.Comparable(store.History[2]);
        Assert.Equal(Alphas(first), Alphas(second));
        Assert.NotEqual(Alphas(second), Alphas(third));
        foreach (var epoch in store.History)
        {
            Assert.True(double.IsFinite(epoch.Metrics.TrainLoss) && epoch.Metrics.TrainLoss > 0);
            Assert.InRange(epoch.Metrics.ValidTop1!.Value, 0, 100);
            Assert.True(epoch.Metrics.PeakProcessBytes > 0);
            // What the process held before the run is part of every epoch's peak, and the same for all of them.
            Assert.InRange(epoch.Metrics.HostProcessBytes!.Value, 1, epoch.Metrics.PeakProcessBytes);
            Assert.Equal(store.History[0].Metrics.HostProcessBytes, epoch.Metrics.HostProcessBytes);
            Assert.True(epoch.Metrics.ImagesPerSecond > 0);
            // Softmaxed α rows and each node's β sum to one.
            Assert.All(epoch.Architecture!.AlphasNormal, row => Assert.Equal(1.0, row.Sum(), 4));
            Assert.Equal(3.0, epoch.Architecture.BetasNormal!.Sum(), 4);
        }
        // The cosine schedule starts at lr and falls.
        Assert.Equal(spec.LearningRate, store.History[0].Metrics.LearningRate, 10);
        Assert.True(store.History[2].Metrics.LearningRate < store.History[1].Metrics.LearningRate);
        Assert.Equal(store.History[^1].Architecture!.Genotype, outcome.Genotype);
        Assert.Equal(3, outcome.Genotype.Nodes);
        Assert.Equal(outcome.Genotype, Genotype.Parse(outcome.Genotype.ToDartsText()));
        Assert.Equal(3, File.ReadAllLines(store.MetricsPath).Length);
    }

    [Fact]
    public void Two_searches_with_one_seed_are_identical()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var spec = TinySearch.Spec with { Epochs = 2 };
        var storeA = new FileRunStore(a.Path);
        var storeB = new FileRunStore(b.Path);

        SearchRun.Run(spec, storeA, null, CancellationToken.None);
        SearchRun.Run(spec, storeB, null, CancellationToken.None);

        Assert.Equal(storeA.History.Select(TinySearch.Comparable), storeB.History.Select(TinySearch.Comparable));
    }

    [Fact]
    public void An_interrupted_and_resumed_search_ends_exactly_like_an_uninterrupted_one()
    {
        using var whole = new TempDirectory();
        using var interrupted = new TempDirectory();
        var spec = TinySearch.Spec with { Epochs = 3, WarmupEpochs = 1 };
        var uninterrupted = new FileRunStore(whole.Path);
        var expected = SearchRun.Run(spec, uninterrupted, null, CancellationToken.None);

        using (var stop = new CancellationTokenSource())
        {
            var store = new TinySearch.StopAfter(new FileRunStore(interrupted.Path), 2, stop);
            Assert.ThrowsAny<OperationCanceledException>(() => SearchRun.Run(spec, store, null, stop.Token));
        }
        Assert.Equal(2, new FileRunStore(interrupted.Path).History.Count);
        var resumedStore = new FileRunStore(interrupted.Path);
        var resumed = SearchRun.Run(spec, resumedStore, null, CancellationToken.None);

        Assert.Equal(uninterrupted.History.Select(TinySearch.Comparable), resumedStore.History.Select(TinySearch.Comparable));
        Assert.Equal(expected.Genotype, resumed.Genotype);
        Assert.Equal(File.ReadAllLines(uninterrupted.MetricsPath).Length, File.ReadAllLines(resumedStore.MetricsPath).Length);
    }

    [Fact]
    public void Resuming_with_different_settings_is_refused()
    {
        using var folder = new TempDirectory();
        var spec = TinySearch.Spec with { Epochs = 1 };
        SearchRun.Run(spec, new FileRunStore(folder.Path), null, CancellationToken.None);

        var error = Assert.Throws<CheckpointMismatchException>(() =>
            SearchRun.Run(spec with { Epochs = 2, K = 4 }, new FileRunStore(folder.Path), null, CancellationToken.None));
        Assert.Contains("different settings", error.Message);
    }

    private static string Alphas(object comparable) => (string)comparable.GetType().GetProperty("Alphas")!.GetValue(comparable)!;
}
