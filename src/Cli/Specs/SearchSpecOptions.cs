using PcDarts.Core.Search;
using PcDarts.Core.Specs;

namespace PcDarts.Cli.Specs;

/// <summary>The options of a search spec, shared by `pcdarts-runner search` and `pcdarts submit search`.</summary>
public static class SearchSpecOptions
{
    /// <summary>A fresh set of options (an option belongs to one command).</summary>
    public static SpecOptions<SearchSpec> Create() => new SpecOptions<SearchSpec>(SearchPresets.Find,
            "start from a preset: the paper's CIFAR-10 or ImageNet search, or a quick Fashion-MNIST one")
        .Text("--dataset", "dataset", "the data set", (s, v) => s with { Dataset = v }, string.Join('|', DatasetNames.All))
        .Text("--data-dir", "dataDir", "folder of the data set's files (default: its standard place)", (s, v) => s with { DataDir = v }, "DIR")
        .Text("--network", "network", "the network's shape (stem and reductions)", (s, v) => s with { Network = v }, string.Join('|', NetworkShapes.All))
        .Int("--epochs", "epochs", "search epochs", (s, v) => s with { Epochs = v })
        .Int("--batch-size", "batchSize", "images per step", (s, v) => s with { BatchSize = v })
        .Int("--channels", "channels", "initial channels C", (s, v) => s with { Channels = v }, "C")
        .Int("--layers", "layers", "cells in the network", (s, v) => s with { Layers = v })
        .Int("--nodes", "nodes", $"intermediate nodes per cell ({SearchSpace.MinNodes}..{SearchSpace.MaxNodes})", (s, v) => s with { Nodes = v })
        .Int("--k", "k", "partial channels: 1/K of them enter the mixed op (1 is plain DARTS)", (s, v) => s with { K = v }, "1|2|4|8")
        .Switch("--edge-norm", "edgeNormalization", "edge normalization with β", (s, v) => s with { EdgeNormalization = v })
        .Int("--warmup-epochs", "warmupEpochs", "epochs with α/β frozen", (s, v) => s with { WarmupEpochs = v })
        .Number("--lr", "learningRate", "weights' learning rate", (s, v) => s with { LearningRate = v })
        .Number("--lr-min", "learningRateMin", "weights' final learning rate (cosine)", (s, v) => s with { LearningRateMin = v })
        .Number("--momentum", "momentum", "weights' SGD momentum", (s, v) => s with { Momentum = v })
        .Number("--weight-decay", "weightDecay", "weights' weight decay", (s, v) => s with { WeightDecay = v })
        .Number("--grad-clip", "gradClip", "weights' gradient-norm clip", (s, v) => s with { GradClip = v })
        .Number("--arch-lr", "archLearningRate", "α/β learning rate (Adam)", (s, v) => s with { ArchLearningRate = v })
        .Number("--arch-weight-decay", "archWeightDecay", "α/β weight decay", (s, v) => s with { ArchWeightDecay = v })
        .Number("--arch-grad-clip", "archGradClip", "α/β gradient-norm clip (default none)", (s, v) => s with { ArchGradClip = v })
        .Number("--train-portion", "trainPortion", "share of the training set for the weights (the rest trains α/β)", (s, v) => s with { TrainPortion = v })
        .Int("--subset", "subset", "search on the first N training examples", (s, v) => s with { Subset = v })
        .Number("--subset-fraction", "subsetFraction", "search on this seeded random share of every class (0.125 with --train-portion 0.8: the paper's ImageNet 10 % + 2.5 %)",
            (s, v) => s with { SubsetFraction = v })
        .Int("--input-size", "inputSize", "resize images to N×N", (s, v) => s with { InputSize = v })
        .Int("--seed", "seed", "random seed", (s, v) => s with { Seed = v })
        .Int("--threads", "threads", "torch threads", (s, v) => s with { Threads = v })
        .Text("--queue", "queue", "the runners' queue on the platform (default cpu)", (s, v) => s with { Queue = v }, "cpu|gpu");
}
