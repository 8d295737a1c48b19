namespace PcDarts.Core.Specs;

/// <summary>A spec the CLI, the API and a job can check the same way.</summary>
public interface IValidatedSpec
{
    IReadOnlyList<SpecError> Validate();
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

    public void Positive(double value, string field) =>
        Require(value > 0 && double.IsFinite(value), field, $"must be a positive number, got {value}");

    public void NotNegative(double value, string field) =>
        Require(value >= 0 && double.IsFinite(value), field, $"must be 0 or more, got {value}");

    /// <summary>In [0, 1): momentum, drop-path, label smoothing.</summary>
    public void Fraction(double value, string field) =>
        Require(value is >= 0 and < 1, field, $"must be in [0, 1), got {value}");

    /// <summary>What every run spec has: its data, network shape, schedule length, optimizer and placement.</summary>
    public void Common(string dataset, string network, int epochs, int batchSize, int channels, int layers,
        double learningRate, double momentum, double weightDecay, double gradClip, int? inputSize, int? threads, string? queue)
    {
        OneOf(dataset, DatasetNames.All, "dataset", "data set");
        OneOf(network, NetworkShapes.All, "network", "network shape");
        Between(epochs, 1, 10_000, "epochs");
        Between(batchSize, 1, 65_536, "batchSize");
        Between(channels, 1, 1024, "channels");
        Require(layers is >= 3 and <= 100, "layers", $"must be between 3 and 100 (two reduction cells and at least one normal cell), got {layers}");
        Positive(learningRate, "learningRate");
        Fraction(momentum, "momentum");
        NotNegative(weightDecay, "weightDecay");
        Positive(gradClip, "gradClip");
        Between(inputSize, 8, 512, "inputSize");
        Between(threads, 1, 256, "threads");
        Require(queue is null or "cpu" or "gpu", "queue", $"must be 'cpu' or 'gpu', got '{queue}'");
    }
}
