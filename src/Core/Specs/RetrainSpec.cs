namespace PcDarts.Core.Specs;

/// <summary>
/// Everything that decides the retraining of a found cell from scratch as a full network, except the genotype itself.
/// The defaults are the paper's CIFAR-10 evaluation (docs/pc-darts.md §5); validated in one place for the CLI, API and job.
/// </summary>
public sealed record RetrainSpec : IValidatedSpec
{
    public string Dataset { get; init; } = DatasetNames.Cifar10;
    /// <summary>Folder holding the data set's files; null means its standard place. Local runs only: the API refuses it and platform jobs ignore it.</summary>
    public string? DataDir { get; init; }
    public string Network { get; init; } = NetworkShapes.Cifar;
    public int Epochs { get; init; } = 600;
    /// <summary>The paper states 128; the authors' CIFAR script defaults to 96 (docs/pc-darts.md §8).</summary>
    public int BatchSize { get; init; } = 128;
    public int Channels { get; init; } = 36;
    public int Layers { get; init; } = 20;
    /// <summary>Weight of the auxiliary tower's loss; 0 builds the network without the tower.</summary>
    public double AuxiliaryWeight { get; init; } = 0.4;
    /// <summary>Final drop-path probability, reached linearly over the epochs.</summary>
    public double DropPath { get; init; } = 0.3;
    /// <summary>Cutout square side in pixels; 0 = off.</summary>
    public int Cutout { get; init; } = 16;
    public double LabelSmoothing { get; init; }
    public double LearningRate { get; init; } = 0.025;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; } = 3e-4;
    public double GradClip { get; init; } = 5.0;
    /// <summary>"cosine" (to 0, CIFAR) or "linear" (to 0 after <see cref="LrWarmupEpochs"/>, ImageNet).</summary>
    public string Schedule { get; init; } = LearningRateSchedules.Cosine;
    /// <summary>W: the linear schedule decays over E − W epochs; with a batch over 256 (the authors' rule) the first W
    /// epochs run at learningRate·(e + 1)/W instead of the scheduled value (train_imagenet.py).</summary>
    public int LrWarmupEpochs { get; init; }
    public int? Subset { get; init; }
    public int? InputSize { get; init; }
    public int Seed { get; init; }
    /// <summary>Torch intra-op threads for a local run; null = the library's default. Platform jobs keep their process's own setting.</summary>
    public int? Threads { get; init; }
    public string? Queue { get; init; }

    public IReadOnlyList<SpecError> Validate() => Validate(DatasetNames.All);

    /// <summary>The rules, with <paramref name="knownDatasets"/> as the names <c>dataset</c> may take (the platform adds its registered sets).</summary>
    public IReadOnlyList<SpecError> Validate(IReadOnlyList<string> knownDatasets)
    {
        var rules = new SpecRules();
        rules.Common(Dataset, knownDatasets, Network, Epochs, BatchSize, Channels, Layers, LearningRate, Momentum, WeightDecay, GradClip, InputSize, Subset, Threads, Queue);
        rules.NotNegative(AuxiliaryWeight, SpecLimits.MaxAuxiliaryWeight, "auxiliaryWeight");
        // A data set that is not a built-in has a known size only when the input size is set (as a run with a source sets it).
        if (AuxiliaryWeight > 0 && NetworkShapes.All.Contains(Network) && (DatasetNames.All.Contains(Dataset) || InputSize is not null))
        {
            var input = NetworkShapes.InputSize(Network, InputSize, Dataset);
            var features = NetworkShapes.AuxiliaryFeatureSize(Network, input);
            var needed = NetworkShapes.MinimumAuxiliaryFeatures(Network);
            rules.Require(features >= needed, "auxiliaryWeight",
                $"the auxiliary tower needs {needed}×{needed} features but {input}×{input} inputs give {features}×{features}; set inputSize to at least {needed * (Network == NetworkShapes.ImageNet ? 32 : 4)} or auxiliaryWeight to 0");
        }
        rules.Fraction(DropPath, "dropPath");
        rules.Between(Cutout, 0, SpecLimits.MaxInputSize, "cutout");
        rules.Fraction(LabelSmoothing, "labelSmoothing");
        rules.OneOf(Schedule, LearningRateSchedules.All, "schedule", "schedule");
        rules.Warmup(LrWarmupEpochs, Epochs, inclusive: false, "lrWarmupEpochs");
        return rules;
    }

    public RetrainSpec EnsureValid(IReadOnlyList<string>? knownDatasets = null)
    {
        var errors = Validate(knownDatasets ?? DatasetNames.All);
        return errors.Count == 0 ? this : throw new SpecValidationException(errors);
    }
}

public static class LearningRateSchedules
{
    public const string Cosine = "cosine";
    public const string Linear = "linear";

    public static IReadOnlyList<string> All { get; } = [Cosine, Linear];
}
