using PcDarts.Core.Specs;

namespace PcDarts.Core.Tests.Specs;

public class SearchSpecTests
{
    [Fact]
    public void The_defaults_are_the_papers_cifar10_search()
    {
        var spec = new SearchSpec();

        Assert.Empty(spec.Validate());
        Assert.Equal((8, 16, 4, 4, true), (spec.Layers, spec.Channels, spec.Nodes, spec.K, spec.EdgeNormalization));
        Assert.Equal((256, 50, 15), (spec.BatchSize, spec.Epochs, spec.WarmupEpochs));
        Assert.Equal((0.1, 0.0, 0.9, 3e-4, 5.0), (spec.LearningRate, spec.LearningRateMin, spec.Momentum, spec.WeightDecay, spec.GradClip));
        Assert.Equal((6e-4, 1e-3, 0.5), (spec.ArchLearningRate, spec.ArchWeightDecay, spec.TrainPortion));
        Assert.Null(spec.ArchGradClip);
    }

    [Fact]
    public void The_imagenet_preset_follows_the_papers_imagenet_search()
    {
        var spec = SearchPresets.ImageNet;

        Assert.Empty(spec.Validate());
        Assert.Equal((NetworkShapes.ImageNet, 2, 1024, 35), (spec.Network, spec.K, spec.BatchSize, spec.WarmupEpochs));
        Assert.Equal((0.5, 3e-5, 6e-3, 5.0), (spec.LearningRate, spec.WeightDecay, spec.ArchLearningRate, spec.ArchGradClip!.Value));
        // 10 % of every class for the weights and 2.5 % for α/β: 12.5 % per class, split 0.8 / 0.2 within it.
        Assert.Equal((0.125, 0.8), (spec.SubsetFraction, spec.TrainPortion));
        Assert.Equal(0.10, spec.SubsetFraction!.Value * spec.TrainPortion, 10);
        Assert.Equal(0.025, spec.SubsetFraction.Value * (1 - spec.TrainPortion), 10);
        Assert.Null(spec.Subset);
        Assert.All(SearchPresets.Names, name => Assert.Empty(SearchPresets.Find(name)!.Validate()));
    }

    [Theory]
    [InlineData(0.0, null, "must be in (0, 1]")]
    [InlineData(1.5, null, "must be in (0, 1]")]
    [InlineData(0.5, 100, "not both")]
    public void A_share_of_each_class_lies_in_0_to_1_and_excludes_a_first_n_subset(double fraction, int? subset, string message)
    {
        var error = Assert.Single(new SearchSpec { SubsetFraction = fraction, Subset = subset }.Validate());

        Assert.Equal("subsetFraction", error.Field);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(8, 12)]  // stage 1: 12 channels
    [InlineData(8, 2)]   // stage 1: 2 channels
    [InlineData(4, 6)]
    public void K_must_divide_the_channels_of_every_stage_and_the_error_names_both(int k, int channels)
    {
        var error = Assert.Single(new SearchSpec { K = k, Channels = channels }.Validate());

        Assert.Equal("k", error.Field);
        Assert.Contains($"K = {k}", error.Message);
        Assert.Contains(channels.ToString(), error.Message);
    }

    [Fact]
    public void Every_invalid_field_is_reported_by_its_camel_case_name()
    {
        var spec = new SearchSpec
        {
            Dataset = "mnist", Epochs = 0, BatchSize = 0, Nodes = 6, K = 3, TrainPortion = 1, LearningRate = -1,
            Subset = 1, Queue = "tpu", Threads = 0,
        };

        var fields = spec.Validate().Select(e => e.Field).ToHashSet();

        Assert.Equal(new HashSet<string> { "dataset", "epochs", "warmupEpochs", "batchSize", "nodes", "k", "trainPortion", "learningRate", "learningRateMin", "subset", "queue", "threads" }, fields);
        Assert.Throws<SpecValidationException>(() => spec.EnsureValid());
    }

    [Fact]
    public void Retrain_defaults_are_the_papers_cifar10_evaluation_and_bad_fields_are_named()
    {
        var spec = new RetrainSpec();
        Assert.Empty(spec.Validate());
        Assert.Equal((20, 36, 600, 0.025, 0.3, 16, 0.4), (spec.Layers, spec.Channels, spec.Epochs, spec.LearningRate, spec.DropPath, spec.Cutout, spec.AuxiliaryWeight));
        Assert.Equal((48, 14, 0.1, LearningRateSchedules.Linear, 5), (RetrainPresets.ImageNet.Channels, RetrainPresets.ImageNet.Layers,
            RetrainPresets.ImageNet.LabelSmoothing, RetrainPresets.ImageNet.Schedule, RetrainPresets.ImageNet.LrWarmupEpochs));

        var fields = (spec with { DropPath = 1, Schedule = "step", LrWarmupEpochs = 600, Cutout = -1 }).Validate().Select(e => e.Field);
        Assert.Equal(["dropPath", "cutout", "schedule", "lrWarmupEpochs"], fields);
    }
}

public class RetrainSpecAuxiliaryTests
{
    [Fact]
    public void The_auxiliary_tower_on_28_pixel_images_is_refused_with_a_way_out()
    {
        var spec = new RetrainSpec { Dataset = DatasetNames.FashionMnist };

        var error = Assert.Single(spec.Validate());

        Assert.Equal("auxiliaryWeight", error.Field);
        Assert.Contains("28×28", error.Message);
        Assert.Empty((spec with { InputSize = 32 }).Validate());
        Assert.Empty((spec with { AuxiliaryWeight = 0 }).Validate());
        Assert.Empty(RetrainPresets.QuickRetrain.Validate());
    }
}
