namespace PcDarts.Core.Specs;

/// <summary>A spec the CLI, the API and a job can check the same way.</summary>
public interface IValidatedSpec
{
    IReadOnlyList<SpecError> Validate();

    /// <summary>The rules, with <paramref name="knownDatasets"/> as the names <c>dataset</c> may take.</summary>
    IReadOnlyList<SpecError> Validate(IReadOnlyList<string> knownDatasets);
}

/// <summary>The rules specs share, each phrased once so every field reports its problem the same way.</summary>
internal sealed class SpecRules : List<SpecError>
{
    public void Require(bool ok, string field, string message)
    {
        if (!ok) Add(new SpecError(field, message));
    }

    public void OneOf(string value, IReadOnlyList<string> allowed, string field, string what) =>
        Require(allowed.Contains(value), field, $"unknown {what} '{value}'; expected one of {string.Join(", ", allowed)}");

    public void Between(int value, int min, int max, string field) =>
        Require(value >= min && value <= max, field, $"must be between {min} and {max}, got {value}");

    public void Between(int? value, int min, int max, string field)
    {
        if (value is { } set) Between(set, min, max, field);
    }

    /// <summary>In (0, max]: learning rates, gradient clips.</summary>
    public void Positive(double value, double max, string field) =>
        Require(value > 0 && value <= max, field, $"must be a positive number up to {max}, got {value}");

    /// <summary>In [0, max]: weight decays, loss weights.</summary>
    public void NotNegative(double value, double max, string field) =>
        Require(value >= 0 && value <= max, field, $"must be between 0 and {max}, got {value}");

    /// <summary>In [0, 1): momentum, drop-path, label smoothing.</summary>
    public void Fraction(double value, string field) =>
        Require(value is >= 0 and < 1, field, $"must be in [0, 1), got {value}");

    /// <summary>A warm-up counted in epochs: 0 or more, and (when <paramref name="inclusive"/>) at most the epochs, else fewer.</summary>
    public void Warmup(int warmup, int epochs, bool inclusive, string field) =>
        Require(warmup >= 0 && (inclusive ? warmup <= epochs : warmup < Math.Max(epochs, 1)), field,
            $"must be 0 or more and {(inclusive ? "at most" : "less than")} epochs ({epochs}), got {warmup}");

    /// <summary>What every run spec has: its data, network shape, schedule length, optimizer and placement.</summary>
    /// <param name="knownDatasets">The data set names this caller can resolve: the built-ins, plus the platform's registered sets where the platform validates.</param>
    public void Common(string dataset, IReadOnlyList<string> knownDatasets, string network, int epochs, int batchSize, int channels, int layers,
        double learningRate, double momentum, double weightDecay, double gradClip, int? inputSize, int? subset, int? threads, string? queue)
    {
        OneOf(dataset, knownDatasets, "dataset", "data set");
        OneOf(network, NetworkShapes.All, "network", "network shape");
        Between(epochs, 1, SpecLimits.MaxEpochs, "epochs");
        Between(batchSize, 1, SpecLimits.MaxBatchSize, "batchSize");
        Between(channels, 1, SpecLimits.MaxChannels, "channels");
        Require(layers is >= SpecLimits.MinLayers and <= SpecLimits.MaxLayers, "layers",
            $"must be between {SpecLimits.MinLayers} and {SpecLimits.MaxLayers} (two reduction cells and at least one normal cell), got {layers}");
        Positive(learningRate, SpecLimits.MaxLearningRate, "learningRate");
        Fraction(momentum, "momentum");
        NotNegative(weightDecay, SpecLimits.MaxWeightDecay, "weightDecay");
        Positive(gradClip, SpecLimits.MaxGradClip, "gradClip");
        Between(inputSize, SpecLimits.MinInputSize, SpecLimits.MaxInputSize, "inputSize");
        Between(subset, 1, SpecLimits.MaxSubset, "subset");
        Between(threads, 1, SpecLimits.MaxThreads, "threads");
        Require(queue is null or "cpu" or "gpu", "queue", $"must be 'cpu' or 'gpu', got '{queue}'");
    }
}
