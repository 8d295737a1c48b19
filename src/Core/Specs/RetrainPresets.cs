namespace PcDarts.Core.Specs;

public static class RetrainPresets
{
    /// <summary>docs/pc-darts.md §5, CIFAR-10 column: the record's defaults.</summary>
    public static RetrainSpec Cifar10 { get; } = new();

    /// <summary>docs/pc-darts.md §5, ImageNet (mobile setting), with the authors' choices of §8: no drop-path, label smoothing 0.1.</summary>
    public static RetrainSpec ImageNet { get; } = new()
    {
        Network = NetworkShapes.ImageNet,
        Epochs = 250,
        BatchSize = 1024,
        Channels = 48,
        Layers = 14,
        DropPath = 0,
        Cutout = 0,
        LabelSmoothing = 0.1,
        LearningRate = 0.5,
        WeightDecay = 3e-5,
        Schedule = LearningRateSchedules.Linear,
        LrWarmupEpochs = 5,
    };

    /// <summary>A retrain that finishes in minutes on two CPU cores, on Fashion-MNIST.</summary>
    public static RetrainSpec QuickRetrain { get; } = new()
    {
        Dataset = DatasetNames.FashionMnist,
        Epochs = 4,
        BatchSize = 64,
        Channels = 8,
        Layers = 5,
        DropPath = 0.1,
        Cutout = 8,
        LearningRate = 0.05,
        Subset = 4000,
        // Fashion-MNIST's 28×28 would leave the auxiliary tower 7×7 features, one short of what it needs.
        InputSize = 32,
    };

    public static RetrainSpec? Find(string name) => name switch
    {
        SearchPresets.Cifar10Paper => Cifar10,
        SearchPresets.ImageNetPaper => ImageNet,
        SearchPresets.Quick => QuickRetrain,
        _ => null,
    };
}
