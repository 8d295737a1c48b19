namespace PcDarts.Core.Specs;

/// <summary>
/// The upper bound of every numeric spec field, each written once. They sit well above the paper's settings
/// (pc-darts.md §4 and §5: at most 600 epochs, batch 1024, 48 channels, 20 layers, 224-pixel inputs) and far below what
/// would tie up a runner for years; what a run costs as a whole is bounded by <see cref="SpecCost"/> on top.
/// </summary>
public static class SpecLimits
{
    public const int MaxEpochs = 1_000;
    public const int MaxBatchSize = 4_096;
    public const int MaxChannels = 256;
    /// <summary>Two reduction cells and at least one normal cell.</summary>
    public const int MinLayers = 3;
    public const int MaxLayers = 50;
    public const int MinInputSize = 8;
    public const int MaxInputSize = 512;
    /// <summary>Examples a subset may name: ImageNet's training set holds 1.28 million.</summary>
    public const int MaxSubset = 2_000_000;
    public const int MaxThreads = 256;
    /// <summary>For the weights' and the architecture's learning rates; the paper's largest is 0.5 (ImageNet).</summary>
    public const double MaxLearningRate = 10;
    /// <summary>For weight decay of weights and architecture alike.</summary>
    public const double MaxWeightDecay = 1;
    /// <summary>For the gradient-norm clips of weights and architecture.</summary>
    public const double MaxGradClip = 1_000;
    public const double MaxAuxiliaryWeight = 10;
    /// <summary>Searches one study may expand to: the paper's ablation (4 K values × edge normalization on/off × 3 seeds) is 24.</summary>
    public const int MaxStudyMembers = 64;
    /// <summary>Random-genotype retrains one study may add as its baseline: enough for a 95 % interval that means something, not a second study.</summary>
    public const int MaxRandomBaselines = 16;
}

/// <summary>
/// What a run costs as a whole, in one number: epochs × examples per epoch × layers × channels² × pixels of the first
/// cell. Every cell does about the same work (a reduction halves the side and doubles the channels), and the batch size
/// only regroups the examples, so this grows as the run's compute does. The paper's CIFAR-10 retrain (600 epochs of
/// 50,000 images through 20 cells of 36 channels at 32×32) costs about 8e14; its searches about 5e12.
/// </summary>
public static class SpecCost
{
    /// <summary>The platform's default cap: 2.5 times the paper's CIFAR-10 retrain, the largest preset.</summary>
    public const double DefaultLimit = 2e15;

    public static double Of(SearchSpec spec) =>
        Of(spec.Dataset, spec.Network, spec.InputSize, spec.ExamplesDrawn(), spec.Epochs, spec.Layers, spec.Channels);

    public static double Of(RetrainSpec spec) =>
        Of(spec.Dataset, spec.Network, spec.InputSize, spec.Subset, spec.Epochs, spec.Layers, spec.Channels);

    /// <summary>The error for a spec over <paramref name="limit"/>, or null; for a spec whose fields are already valid.</summary>
    public static string? Check(double cost, double limit) => cost <= limit
        ? null
        : $"costs {cost:0.##e0} (epochs × examples × layers × channels² × first-cell pixels), over the limit of {limit:0.##e0}; "
          + "lower epochs, subset, layers, channels or inputSize";

    private static double Of(string dataset, string network, int? inputSize, int? subset, int epochs, int layers, int channels)
    {
        var examples = Math.Min(subset ?? int.MaxValue, DatasetNames.TrainExamples(dataset));
        var side = NetworkShapes.FirstCellSize(network, NetworkShapes.InputSize(network, inputSize, dataset));
        return (double)epochs * examples * layers * channels * channels * side * side;
    }
}
