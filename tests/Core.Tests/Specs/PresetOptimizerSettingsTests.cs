using PcDarts.Core.Specs;

namespace PcDarts.Core.Tests.Specs;

/// <summary>
/// What each preset hands the optimizers, value by value (docs/pc-darts.md §4, §5); the engine's tests read the same
/// values back from the optimizers the loops build.
/// </summary>
public class PresetOptimizerSettingsTests
{
    [Fact]
    public void Cifar_retrain_is_batch_128_sgd_0_025_momentum_0_9_decay_3e_4_clip_5_without_warm_up()
    {
        var spec = RetrainPresets.Cifar10;
        Assert.Equal((128, 0.025, 0.9, 3e-4, 5.0), (spec.BatchSize, spec.LearningRate, spec.Momentum, spec.WeightDecay, spec.GradClip));
        Assert.Equal((LearningRateSchedules.Cosine, 0, 0.0), (spec.Schedule, spec.LrWarmupEpochs, spec.LabelSmoothing));
    }

    [Fact]
    public void ImageNet_retrain_is_batch_1024_sgd_0_5_momentum_0_9_decay_3e_5_clip_5_linear_with_5_warm_up_epochs()
    {
        var spec = RetrainPresets.ImageNet;
        Assert.Equal((1024, 0.5, 0.9, 3e-5, 5.0), (spec.BatchSize, spec.LearningRate, spec.Momentum, spec.WeightDecay, spec.GradClip));
        Assert.Equal((LearningRateSchedules.Linear, 5, 0.1, 250), (spec.Schedule, spec.LrWarmupEpochs, spec.LabelSmoothing, spec.Epochs));
    }

    [Fact]
    public void Cifar_search_is_sgd_0_1_decay_3e_4_clip_5_and_adam_6e_4_decay_1e_3_without_an_architecture_clip()
    {
        var spec = SearchPresets.Cifar10;
        Assert.Equal((256, 0.1, 0.0, 0.9, 3e-4, 5.0), (spec.BatchSize, spec.LearningRate, spec.LearningRateMin, spec.Momentum, spec.WeightDecay, spec.GradClip));
        Assert.Equal((6e-4, 1e-3, (double?)null), (spec.ArchLearningRate, spec.ArchWeightDecay, spec.ArchGradClip));
    }

    [Fact]
    public void ImageNet_search_is_sgd_0_5_decay_3e_5_clip_5_and_adam_6e_3_decay_1e_3_clipped_at_5()
    {
        var spec = SearchPresets.ImageNet;
        Assert.Equal((1024, 0.5, 0.0, 0.9, 3e-5, 5.0), (spec.BatchSize, spec.LearningRate, spec.LearningRateMin, spec.Momentum, spec.WeightDecay, spec.GradClip));
        Assert.Equal((6e-3, 1e-3, (double?)5.0), (spec.ArchLearningRate, spec.ArchWeightDecay, spec.ArchGradClip));
        Assert.Equal(NetworkShapes.ImageNet, spec.Network);
    }
}
