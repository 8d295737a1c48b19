using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Tests.Data.Folders;
using PcDarts.Engine.Training;

namespace PcDarts.Engine.Tests.Training;

/// <summary>Search and retrain on a generated image-folder tree, decoded from disk as an ImageNet-sized set would be.</summary>
[Collection(SequentialCollection.Name)]
public class ImageFolderRunTests
{
    private static readonly SearchSpec Search = TinySearch.Spec with { Dataset = "bugs", Subset = null, Epochs = 1, WarmupEpochs = 0, BatchSize = 8 };

    [Fact]
    public void A_search_runs_end_to_end_on_an_image_folder_and_samples_each_class()
    {
        using var tree = new GeneratedImageFolder(trainPerClass: 16);
        using var folder = new TempDirectory();
        var store = new FileRunStore(folder.Path);

        var outcome = SearchRun.Run(Search with { SubsetFraction = 0.75 }, store, null, CancellationToken.None, tree.Source(24));

        var epoch = Assert.Single(store.History);
        Assert.True(double.IsFinite(epoch.Metrics.TrainLoss) && epoch.Metrics.TrainLoss > 0);
        Assert.True(epoch.Metrics.ArchitectureUpdated);
        Assert.Equal(3, outcome.Genotype.Nodes);
        Assert.Equal(outcome.Genotype, Genotype.Parse(outcome.Genotype.ToDartsText()));
    }

    [Fact]
    public void A_retrain_runs_end_to_end_on_an_image_folder_and_tests_on_its_val_folder()
    {
        using var tree = new GeneratedImageFolder();
        using var folder = new TempDirectory();
        var store = new FileRunStore(folder.Path);
        var spec = new RetrainSpec
        {
            Dataset = "bugs", BatchSize = 8, Channels = 4, Layers = 3, Epochs = 1, LearningRate = 0.05, Seed = 3, Threads = 1,
        };

        var outcome = RetrainRun.Run(spec, PublishedGenotypes.PC_DARTS_cifar, store, null, CancellationToken.None, tree.Source());

        var epoch = Assert.Single(store.History).Metrics;
        Assert.True(double.IsFinite(epoch.TrainLoss) && epoch.TrainLoss > 0);
        Assert.InRange(epoch.ValidTop1!.Value, 0, 100);
        // Three classes: top-5 of the 12 val images is all of them.
        Assert.Equal(100, epoch.ValidTop5!.Value, 6);
        Assert.True(outcome.Parameters > 0);
    }

    [Fact]
    public void A_search_interrupted_within_an_epoch_resumes_exactly_like_an_uninterrupted_one()
    {
        using var tree = new GeneratedImageFolder(trainPerClass: 12);
        using var whole = new TempDirectory();
        using var interrupted = new TempDirectory();
        var spec = Search with { Epochs = 2, SubsetFraction = 1.0 };
        var uninterrupted = new FileRunStore(whole.Path);
        var expected = SearchRun.Run(spec, uninterrupted, null, CancellationToken.None, tree.Source(24));

        using (var stop = new CancellationTokenSource())
        {
            // Killed at the second step of epoch 2: epoch 1's checkpoint is all that survives.
            var progress = new StopAt(2, 2, stop);
            Assert.ThrowsAny<OperationCanceledException>(() =>
                SearchRun.Run(spec, new FileRunStore(interrupted.Path), progress, stop.Token, tree.Source(24)));
        }
        Assert.Single(new FileRunStore(interrupted.Path).History);
        var resumedStore = new FileRunStore(interrupted.Path);
        var resumed = SearchRun.Run(spec, resumedStore, null, CancellationToken.None, tree.Source(24));

        Assert.Equal(uninterrupted.History.Select(TinySearch.Comparable), resumedStore.History.Select(TinySearch.Comparable));
        Assert.Equal(expected.Genotype, resumed.Genotype);
    }

    [Fact]
    public void A_source_must_carry_the_name_of_the_spec_data_set()
    {
        using var tree = new GeneratedImageFolder();
        using var folder = new TempDirectory();
        var error = Assert.Throws<ArgumentException>(() =>
            SearchRun.Run(Search with { Dataset = "other" }, new FileRunStore(folder.Path), null, CancellationToken.None, tree.Source()));
        Assert.Contains("bugs", error.Message);
    }

    private sealed class StopAt(int epoch, int step, CancellationTokenSource stop) : IProgress<StepProgress>
    {
        public void Report(StepProgress value)
        {
            if (value.Epoch == epoch && value.Step == step) stop.Cancel();
        }
    }
}
