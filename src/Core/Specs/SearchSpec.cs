using PcDarts.Core.Search;

namespace PcDarts.Core.Specs;

/// <summary>
/// Everything that decides a PC-DARTS search. The defaults are the paper's CIFAR-10 setting (pc-darts.md §4);
/// the CLI, the REST API and the queued job all read this one record and validate it with <see cref="Validate"/>.
/// </summary>
public sealed record SearchSpec
{
    public string Dataset { get; init; } = DatasetNames.Cifar10;
    /// <summary>Folder holding the data set's files; null means its standard place.</summary>
    public string? DataDir { get; init; }
    public string Network { get; init; } = NetworkShapes.Cifar;
    public int Epochs { get; init; } = 50;
    public int BatchSize { get; init; } = 256;
    public int Channels { get; init; } = 16;
    public int Layers { get; init; } = 8;
    /// <summary>Intermediate nodes per cell: 4 is the paper's 6-node cell.</summary>
    public int Nodes { get; init; } = 4;
    /// <summary>1/K of the channels enter the mixed op; K = 1 is plain DARTS.</summary>
    public int K { get; init; } = 4;
    public bool EdgeNormalization { get; init; } = true;
    /// <summary>Epochs during which α and β stay frozen (the authors' `epoch >= 15`).</summary>
    public int WarmupEpochs { get; init; } = 15;
    public double LearningRate { get; init; } = 0.1;
    public double LearningRateMin { get; init; } = 0.0;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; } = 3e-4;
    public double GradClip { get; init; } = 5.0;
    public double ArchLearningRate { get; init; } = 6e-4;
    public double ArchWeightDecay { get; init; } = 1e-3;
    /// <summary>Gradient-norm clip for α/β; null = none (CIFAR search), 5 in the ImageNet search.</summary>
    public double? ArchGradClip { get; init; }
    /// <summary>Share of the training set for weights; the rest updates α/β.</summary>
    public double TrainPortion { get; init; } = 0.5;
    /// <summary>Search on the first N examples of the training set only (null = all).</summary>
    public int? Subset { get; init; }
    /// <summary>Side length the images are resized to; null = native (224 for the ImageNet shape).</summary>
    public int? InputSize { get; init; }
    public int Seed { get; init; } = 2;
    /// <summary>Torch intra-op threads; null = the library's default.</summary>
    public int? Threads { get; init; }
    /// <summary>Hangfire queue a platform job runs on: "cpu" or "gpu" (ignored by the CLI).</summary>
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
        Require(Layers is >= 3 and <= 100, "layers", $"must be between 3 and 100 (two reduction cells and at least one normal cell), got {Layers}");
        Require(Nodes is >= SearchSpace.MinNodes and <= SearchSpace.MaxNodes, "nodes", $"must be between {SearchSpace.MinNodes} and {SearchSpace.MaxNodes} intermediate nodes, got {Nodes}");
        Require(K is 1 or 2 or 4 or 8, "k", $"must be 1, 2, 4 or 8, got {K}");
        if (K is 1 or 2 or 4 or 8 && Channels >= 1)
        {
            // A normal cell's mixed ops see C channels at the first stage, 2C and 4C after the reductions.
            foreach (var stageChannels in new[] { Channels, Channels * 2, Channels * 4 })
                if (stageChannels % K != 0)
                {
                    errors.Add(new SpecError("k", $"K = {K} does not divide the {stageChannels} channels of a cell (channels = {Channels})"));
                    break;
                }
        }
        Require(WarmupEpochs >= 0, "warmupEpochs", $"must be 0 or more, got {WarmupEpochs}");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), "learningRate", $"must be a positive number, got {LearningRate}");
        Require(LearningRateMin >= 0 && LearningRateMin <= LearningRate, "learningRateMin", $"must be between 0 and learningRate, got {LearningRateMin}");
        Require(Momentum is >= 0 and < 1, "momentum", $"must be in [0, 1), got {Momentum}");
        Require(WeightDecay >= 0, "weightDecay", $"must be 0 or more, got {WeightDecay}");
        Require(GradClip > 0, "gradClip", $"must be positive, got {GradClip}");
        Require(ArchLearningRate > 0 && double.IsFinite(ArchLearningRate), "archLearningRate", $"must be a positive number, got {ArchLearningRate}");
        Require(ArchWeightDecay >= 0, "archWeightDecay", $"must be 0 or more, got {ArchWeightDecay}");
        Require(ArchGradClip is null or > 0, "archGradClip", $"must be positive when set, got {ArchGradClip}");
        Require(TrainPortion is > 0 and < 1, "trainPortion", $"must be strictly between 0 and 1, got {TrainPortion}");
        Require(Subset is null or >= 2, "subset", $"must be at least 2 examples, got {Subset}");
        Require(InputSize is null or (>= 8 and <= 512), "inputSize", $"must be between 8 and 512, got {InputSize}");
        Require(Threads is null or (>= 1 and <= 256), "threads", $"must be between 1 and 256, got {Threads}");
        Require(Queue is null or "cpu" or "gpu", "queue", $"must be 'cpu' or 'gpu', got '{Queue}'");
        return errors;
    }

    public SearchSpec EnsureValid()
    {
        var errors = Validate();
        return errors.Count == 0 ? this : throw new SpecValidationException(errors);
    }
}
