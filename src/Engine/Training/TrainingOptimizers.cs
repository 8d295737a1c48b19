using PcDarts.Core.Specs;
using TorchSharp;
using TorchSharp.Modules;

namespace PcDarts.Engine.Training;

/// <summary>
/// The optimizers the loops and the step benchmarks train with, built in one place so that a test can read their
/// settings without running anything (docs/pc-darts.md §4, §5).
/// </summary>
public static class TrainingOptimizers
{
    /// <summary>Adam's betas for α/β: (0.5, 0.999), not Adam's usual (0.9, 0.999) — both search scripts pass them.</summary>
    public const double ArchitectureBeta1 = 0.5, ArchitectureBeta2 = 0.999;

    /// <summary>SGD on the search network's weights: the spec's momentum and weight decay (train_search*.py).</summary>
    public static SGD SearchWeights(SearchSpec spec, IEnumerable<Parameter> weights) =>
        torch.optim.SGD(weights, spec.LearningRate, spec.Momentum, weight_decay: spec.WeightDecay);

    /// <summary>Adam on α and β, with the spec's architecture learning rate and weight decay.</summary>
    public static Adam Architecture(SearchSpec spec, IEnumerable<Parameter> alphasAndBetas) =>
        torch.optim.Adam(alphasAndBetas, spec.ArchLearningRate, beta1: ArchitectureBeta1, beta2: ArchitectureBeta2,
            weight_decay: spec.ArchWeightDecay);

    /// <summary>SGD on the evaluation network's weights (train.py, train_imagenet.py).</summary>
    public static SGD RetrainWeights(RetrainSpec spec, IEnumerable<Parameter> weights) =>
        torch.optim.SGD(weights, spec.LearningRate, spec.Momentum, weight_decay: spec.WeightDecay);
}
