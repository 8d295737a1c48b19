namespace PcDarts.Core.Specs;

/// <summary>
/// Everything that decides the retraining of a found cell from scratch as a full network, except the genotype itself.
/// The defaults are the paper's CIFAR-10 evaluation (pc-darts.md §5); validated in one place for the CLI, API and job.
/// </summary>
public sealed record RetrainSpec
{
    public string Dataset { get; init; } = DatasetNames.Cifar10;
    public string? DataDir { get; init; }
    public string Network { get; init; } = NetworkShapes.Cifar;
    public int Epochs { get; init; } = 600;
    /// <summary>The paper states 128; the authors' CIFAR script defaults to 96 (pc-darts.md §8).</summary>
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
    public int LrWarmupEpochs { get; init; }
    public int? Subset { get; init; }
    public int? InputSize { get; init; }
    public int Seed { get; init; }
    public int? Threads { get; init; }
    public string? Queue { get; init; }

    public IReadOnlyList<SpecError> Validate()
    {
        var errors = new List<SpecError>();
        void Require(bool ok, string field, string message) { if (!ok) errors.Add(new SpecError(field, message)); }

        Require(DatasetNames.All.Contains(Dataset), "dataset", $"unknown data set '{Dataset}'; expected one of {string.Join(", ", DatasetNames.All)}");
        Require(NetworkShapes.All.Contains(Network), "network", $"unknown network shape '{Network}'; expected one of {string.Join(", ", NetworkShapes.All)}");
        Require(Epochs is >= 1 and <= 10_000, "epochs", $"must be between 1 and 10000, got {Epochs}");
        Require(BatchSize is >= 1 and <= 65_536, "batchSize", $"must be between 1 and 65536, got {BatchSize}");
        Require(Channels is >= 1 and <= 1024, "channels", $"must be between 1 and 1024, got {Channels}");
        Require(Layers is >= 3 and <= 100, "layers", $"must be between 3 and 100, got {Layers}");
        Require(AuxiliaryWeight is >= 0 and <= 10, "auxiliaryWeight", $"must be between 0 and 10, got {AuxiliaryWeight}");
        Require(DropPath is >= 0 and < 1, "dropPath", $"must be in [0, 1), got {DropPath}");
        Require(Cutout is >= 0 and <= 512, "cutout", $"must be between 0 and 512 pixels, got {Cutout}");
        Require(LabelSmoothing is >= 0 and < 1, "labelSmoothing", $"must be in [0, 1), got {LabelSmoothing}");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), "learningRate", $"must be a positive number, got {LearningRate}");
        Require(Momentum is >= 0 and < 1, "momentum", $"must be in [0, 1), got {Momentum}");
        Require(WeightDecay >= 0, "weightDecay", $"must be 0 or more, got {WeightDecay}");
        Require(GradClip > 0, "gradClip", $"must be positive, got {GradClip}");
        Require(LearningRateSchedules.All.Contains(Schedule), "schedule", $"must be one of {string.Join(", ", LearningRateSchedules.All)}, got '{Schedule}'");
        Require(LrWarmupEpochs >= 0 && LrWarmupEpochs < Math.Max(Epochs, 1), "lrWarmupEpochs", $"must be 0 or more and less than epochs, got {LrWarmupEpochs}");
        Require(Subset is null or >= 1, "subset", $"must be at least 1 example, got {Subset}");
        Require(InputSize is null or (>= 8 and <= 512), "inputSize", $"must be between 8 and 512, got {InputSize}");
        Require(Threads is null or (>= 1 and <= 256), "threads", $"must be between 1 and 256, got {Threads}");
        Require(Queue is null or "cpu" or "gpu", "queue", $"must be 'cpu' or 'gpu', got '{Queue}'");
        return errors;
    }

    public RetrainSpec EnsureValid()
    {
        var errors = Validate();
        return errors.Count == 0 ? this : throw new SpecValidationException(errors);
    }
}

public static class LearningRateSchedules
{
    public const string Cosine = "cosine";
    public const string Linear = "linear";

    public static IReadOnlyList<string> All { get; } = [Cosine, Linear];
}
