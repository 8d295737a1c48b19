using PcDarts.Core.Specs;

namespace PcDarts.Cli.Specs;

/// <summary>The options of a retrain spec, shared by `pcdarts-runner train` and `pcdarts submit retrain`.</summary>
public static class RetrainSpecOptions
{
    /// <summary>A fresh set of options (an option belongs to one command).</summary>
    public static SpecOptions<RetrainSpec> Create() => new SpecOptions<RetrainSpec>(RetrainPresets.Find,
            "start from a preset: the paper's CIFAR-10 or ImageNet evaluation, or a quick Fashion-MNIST one")
        .Text("--dataset", "dataset", "the data set", (s, v) => s with { Dataset = v }, string.Join('|', DatasetNames.All))
        .Text("--data-dir", "dataDir", "folder of the data set's files (default: its standard place)", (s, v) => s with { DataDir = v }, "DIR")
        .Text("--network", "network", "the network's shape (stem and reductions)", (s, v) => s with { Network = v }, string.Join('|', NetworkShapes.All))
        .Int("--epochs", "epochs", "training epochs", (s, v) => s with { Epochs = v })
        .Int("--batch-size", "batchSize", "images per step", (s, v) => s with { BatchSize = v })
        .Int("--channels", "channels", "initial channels C", (s, v) => s with { Channels = v }, "C")
        .Int("--layers", "layers", "cells in the network", (s, v) => s with { Layers = v })
        .Number("--auxiliary-weight", "auxiliaryWeight", "weight of the auxiliary tower's loss (0 = no tower)", (s, v) => s with { AuxiliaryWeight = v })
        .Number("--drop-path", "dropPath", "final drop-path probability", (s, v) => s with { DropPath = v })
        .Int("--cutout", "cutout", "cutout square side (0 = off)", (s, v) => s with { Cutout = v }, "PIXELS")
        .Number("--label-smoothing", "labelSmoothing", "label smoothing", (s, v) => s with { LabelSmoothing = v })
        .Number("--lr", "learningRate", "learning rate", (s, v) => s with { LearningRate = v })
        .Number("--momentum", "momentum", "SGD momentum", (s, v) => s with { Momentum = v })
        .Number("--weight-decay", "weightDecay", "weight decay", (s, v) => s with { WeightDecay = v })
        .Number("--grad-clip", "gradClip", "gradient-norm clip", (s, v) => s with { GradClip = v })
        .Text("--schedule", "schedule", "learning-rate schedule", (s, v) => s with { Schedule = v }, string.Join('|', LearningRateSchedules.All))
        .Int("--lr-warmup-epochs", "lrWarmupEpochs", "epochs of learning-rate warm-up (batches over 256 only, as the authors)", (s, v) => s with { LrWarmupEpochs = v })
        .Int("--subset", "subset", "train on the first N training examples", (s, v) => s with { Subset = v })
        .Int("--input-size", "inputSize", "resize images to N×N", (s, v) => s with { InputSize = v })
        .Int("--seed", "seed", "random seed", (s, v) => s with { Seed = v })
        .Int("--threads", "threads", "torch threads", (s, v) => s with { Threads = v })
        .Text("--queue", "queue", "the runners' queue on the platform (default cpu)", (s, v) => s with { Queue = v }, "cpu|gpu");
}
