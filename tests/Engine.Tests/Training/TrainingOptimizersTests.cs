using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Training;

/// <summary>
/// The optimizers the loops really build, read back from TorchSharp's parameter groups (docs/pc-darts.md §4, §5):
/// train_search.py / train_search_imagenet.py for the search, train.py / train_imagenet.py for the retrain.
/// </summary>
[Collection(SequentialCollection.Name)]
public class TrainingOptimizersTests
{
    [Fact]
    public void Cifar_search_loop_trains_alpha_beta_with_adam_6e_4_betas_half_and_0_999_decay_1e_3_and_weights_with_sgd()
    {
        using var data = SearchData.Load(Small(SearchPresets.Cifar10));
        using var loop = new SearchLoop(Small(SearchPresets.Cifar10), data, CPU);

        var adam = AdamOptions(loop.ArchitectureOptimizer);
        Assert.Equal((6e-4, 0.5, 0.999, 1e-3), (adam.LearningRate!.Value, adam.beta1!.Value, adam.beta2!.Value, adam.weight_decay!.Value));
        Assert.Equal(4, Group(loop.ArchitectureOptimizer).Parameters.Count());
        var sgd = SgdOptions(loop.WeightOptimizer);
        Assert.Equal((0.1, 0.9, 3e-4, 0.0, false), (sgd.LearningRate!.Value, sgd.momentum!.Value, sgd.weight_decay!.Value, sgd.dampening!.Value, sgd.nesterov!.Value));
        // train_search.py clips the weights' gradient at 5 and leaves α/β's alone.
        Assert.Equal((5.0, (double?)null), (loop.Steps.WeightGradClip, loop.Steps.ArchitectureGradClip));
    }

    [Fact]
    public void ImageNet_search_loop_trains_alpha_beta_with_adam_6e_3_and_weights_with_sgd_0_5_decay_3e_5_both_clipped_at_5()
    {
        using var data = SearchData.Load(Small(SearchPresets.ImageNet));
        using var loop = new SearchLoop(Small(SearchPresets.ImageNet), data, CPU);

        var adam = AdamOptions(loop.ArchitectureOptimizer);
        Assert.Equal((6e-3, 0.5, 0.999, 1e-3), (adam.LearningRate!.Value, adam.beta1!.Value, adam.beta2!.Value, adam.weight_decay!.Value));
        var sgd = SgdOptions(loop.WeightOptimizer);
        Assert.Equal((0.5, 0.9, 3e-5), (sgd.LearningRate!.Value, sgd.momentum!.Value, sgd.weight_decay!.Value));
        Assert.Equal((5.0, (double?)5.0), (loop.Steps.WeightGradClip, loop.Steps.ArchitectureGradClip));
    }

    [Fact]
    public void Search_weight_optimizer_holds_every_weight_and_no_alpha_or_beta()
    {
        using var data = SearchData.Load(Small(SearchPresets.Cifar10));
        using var loop = new SearchLoop(Small(SearchPresets.Cifar10), data, CPU);

        var weights = Group(loop.WeightOptimizer).Parameters.ToList();
        Assert.Equal(loop.WeightParameterCount, weights.Sum(p => p.numel()));
        var architecture = loop.Network.Architecture.All.Select(p => p.Handle).ToHashSet();
        Assert.DoesNotContain(weights, p => architecture.Contains(p.Handle));
    }

    [Theory]
    [InlineData(SearchPresets.Cifar10Paper, 0.025, 3e-4)]
    [InlineData(SearchPresets.ImageNetPaper, 0.5, 3e-5)]
    public void Retrain_loop_trains_with_sgd_momentum_0_9_the_presets_decay_and_clips_at_5(string preset, double learningRate, double weightDecay)
    {
        // The preset's network, fed the synthetic set: the optimizer does not depend on the images.
        var spec = RetrainPresets.Find(preset)! with { Dataset = DatasetNames.Synthetic, Subset = 16, AuxiliaryWeight = 0, Threads = 1 };
        using var data = RetrainData.Load(spec);
        using var loop = new RetrainLoop(spec, PublishedGenotypes.PC_DARTS_cifar, data, CPU);

        var sgd = SgdOptions(loop.Optimizer);
        Assert.Equal((learningRate, 0.9, weightDecay, 0.0, false), (sgd.LearningRate!.Value, sgd.momentum!.Value, sgd.weight_decay!.Value, sgd.dampening!.Value, sgd.nesterov!.Value));
        Assert.Equal(5.0, loop.GradClip);
    }

    private static SearchSpec Small(SearchSpec preset) => preset with
    {
        Dataset = DatasetNames.Synthetic, Subset = 32, SubsetFraction = null, TrainPortion = 0.5, Threads = 1,
    };

    /// <summary>The optimizer's one parameter group: TorchSharp keeps each group's settings in its Options.</summary>
    private static ParamGroup Group(OptimizerHelper optimizer) => (ParamGroup)optimizer.ParamGroups.Single();

    private static Adam.Options AdamOptions(Adam optimizer) => (Adam.Options)Group(optimizer).Options;

    private static SGD.Options SgdOptions(SGD optimizer) => (SGD.Options)Group(optimizer).Options;
}
