using PcDarts.Core.Specs;

namespace PcDarts.SearchRunner.Cli;

public static class RetrainSpecFlags
{
    public static SpecFlags<RetrainSpec> All { get; } = new SpecFlags<RetrainSpec>()
        .Text("--dataset", "dataset", (s, v) => s with { Dataset = v })
        .Text("--data-dir", "dataDir", (s, v) => s with { DataDir = v })
        .Text("--network", "network", (s, v) => s with { Network = v })
        .Int("--epochs", "epochs", (s, v) => s with { Epochs = v })
        .Int("--batch-size", "batchSize", (s, v) => s with { BatchSize = v })
        .Int("--channels", "channels", (s, v) => s with { Channels = v })
        .Int("--layers", "layers", (s, v) => s with { Layers = v })
        .Double("--auxiliary-weight", "auxiliaryWeight", (s, v) => s with { AuxiliaryWeight = v })
        .Double("--drop-path", "dropPath", (s, v) => s with { DropPath = v })
        .Int("--cutout", "cutout", (s, v) => s with { Cutout = v })
        .Double("--label-smoothing", "labelSmoothing", (s, v) => s with { LabelSmoothing = v })
        .Double("--lr", "learningRate", (s, v) => s with { LearningRate = v })
        .Double("--momentum", "momentum", (s, v) => s with { Momentum = v })
        .Double("--weight-decay", "weightDecay", (s, v) => s with { WeightDecay = v })
        .Double("--grad-clip", "gradClip", (s, v) => s with { GradClip = v })
        .Text("--schedule", "schedule", (s, v) => s with { Schedule = v })
        .Int("--lr-warmup-epochs", "lrWarmupEpochs", (s, v) => s with { LrWarmupEpochs = v })
        .Int("--subset", "subset", (s, v) => s with { Subset = v })
        .Int("--input-size", "inputSize", (s, v) => s with { InputSize = v })
        .Int("--seed", "seed", (s, v) => s with { Seed = v })
        .Int("--threads", "threads", (s, v) => s with { Threads = v })
        .Text("--queue", "queue", (s, v) => s with { Queue = v });

    /// <summary>Retrain options over a preset, by default the paper's CIFAR-10 evaluation.</summary>
    public static RetrainSpec FromArguments(CommandArguments args, RetrainSpec? start = null) =>
        All.FromArguments(args, start ?? RetrainPresets.Cifar10, RetrainPresets.Find);
}
