using PcDarts.Core.Search;

namespace PcDarts.Core.Specs;

/// <summary>
/// Everything that decides a PC-DARTS search. The defaults are the paper's CIFAR-10 setting (docs/pc-darts.md §4);
/// the CLI, the REST API and the queued job all read this one record and validate it with <see cref="Validate"/>.
/// </summary>
public sealed record SearchSpec : IValidatedSpec
{
    public string Dataset { get; init; } = DatasetNames.Cifar10;
    /// <summary>Folder holding the data set's files; null means its standard place. Local runs only: the API refuses it and platform jobs ignore it.</summary>
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
    /// <summary>Search on a seeded random share of every class (then split by <see cref="TrainPortion"/> within each class);
    /// null = all. The paper's ImageNet search: 0.125 with a train portion of 0.8, i.e. 10 % for weights and 2.5 % for α/β.</summary>
    public double? SubsetFraction { get; init; }
    /// <summary>Side length the images are resized to; null = native (224 for the ImageNet shape).</summary>
    public int? InputSize { get; init; }
    public int Seed { get; init; } = 2;
    /// <summary>Torch intra-op threads for a local run; null = the library's default. Platform jobs keep their process's own setting.</summary>
    public int? Threads { get; init; }
    /// <summary>Hangfire queue a platform job runs on: "cpu" or "gpu" (ignored by the CLI).</summary>
    public string? Queue { get; init; }

    /// <summary>Training examples the search draws from before the split: the first <see cref="Subset"/>, a <see cref="SubsetFraction"/> of
    /// every class, or all (a registered data set counts as a built-in one of its size would: its own size is known only to runners).</summary>
    public int ExamplesDrawn()
    {
        var all = DatasetNames.TrainExamples(Dataset);
        return Subset is { } first ? Math.Min(first, all) : SubsetFraction is { } share ? Math.Max(1, (int)Math.Round(all * share)) : all;
    }

    public IReadOnlyList<SpecError> Validate() => Validate(DatasetNames.All);

    /// <summary>The rules, with <paramref name="knownDatasets"/> as the names <c>dataset</c> may take (the platform adds its registered sets).</summary>
    public IReadOnlyList<SpecError> Validate(IReadOnlyList<string> knownDatasets)
    {
        var rules = new SpecRules();
        rules.Common(Dataset, knownDatasets, Network, Epochs, BatchSize, Channels, Layers, LearningRate, Momentum, WeightDecay, GradClip, InputSize, Subset, Threads, Queue);
        rules.Between(Nodes, SearchSpace.MinNodes, SearchSpace.MaxNodes, "nodes");
        rules.Require(K is 1 or 2 or 4 or 8, "k", $"must be 1, 2, 4 or 8, got {K}");
        // A cell's mixed ops see C channels at the first stage, 2C and 4C after the reductions.
        var undivided = new[] { Channels, Channels * 2, Channels * 4 }.FirstOrDefault(c => K is 1 or 2 or 4 or 8 && c > 0 && c % K != 0);
        rules.Require(undivided == 0, "k", $"K = {K} does not divide the {undivided} channels of a cell (channels = {Channels})");
        rules.Warmup(WarmupEpochs, Epochs, inclusive: true, "warmupEpochs");
        rules.Require(LearningRateMin >= 0 && LearningRateMin <= LearningRate, "learningRateMin", $"must be between 0 and learningRate, got {LearningRateMin}");
        rules.Positive(ArchLearningRate, SpecLimits.MaxLearningRate, "archLearningRate");
        rules.NotNegative(ArchWeightDecay, SpecLimits.MaxWeightDecay, "archWeightDecay");
        if (ArchGradClip is { } archClip) rules.Positive(archClip, SpecLimits.MaxGradClip, "archGradClip");
        rules.Require(TrainPortion is > 0 and < 1, "trainPortion", $"must be strictly between 0 and 1, got {TrainPortion}");
        // One example for the weights and one for α/β at the least.
        rules.Require(Subset is not 1, "subset", "must be at least 2 examples, got 1");
        rules.Require(SubsetFraction is null or (> 0 and <= 1), "subsetFraction", $"must be in (0, 1], got {SubsetFraction}");
        rules.Require(SubsetFraction is null || Subset is null, "subsetFraction", "give subset (the first N) or subsetFraction (a share of each class), not both");
        return rules;
    }

    public SearchSpec EnsureValid(IReadOnlyList<string>? knownDatasets = null)
    {
        var errors = Validate(knownDatasets ?? DatasetNames.All);
        return errors.Count == 0 ? this : throw new SpecValidationException(errors);
    }
}
