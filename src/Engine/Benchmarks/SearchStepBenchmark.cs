using PcDarts.Core.Specs;
using PcDarts.Engine.Search;
using PcDarts.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Benchmarks;

/// <summary>One search step benchmark: the paper's CIFAR search network by default (3×32×32, 10 classes).</summary>
/// <param name="FusedCells">Off measures the per-edge reference path.</param>
/// <param name="ResidentAtSteps">Timed steps (1-based) after which to record resident memory.</param>
public sealed record SearchStepBenchmarkOptions(
    int K = 4, int BatchSize = 32, int Steps = 10, int WarmupSteps = 2, int Channels = 16, int Layers = 8, int Nodes = 4,
    bool FusedCells = true, IReadOnlyList<int>? ResidentAtSteps = null);

/// <summary>
/// Times search steps — a first-order architecture step then a weight step, on random batches, with the paper's
/// optimizer settings — exactly as the search loop runs them (<see cref="SearchSteps"/>). Run one K per process if
/// peaks are to be compared: the allocator keeps what an earlier K freed.
/// </summary>
public static class SearchStepBenchmark
{
    public static StepBenchmarkResult Run(SearchStepBenchmarkOptions options, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        device ??= ComputeDevice.Select();
        torch.manual_seed(0);
        var spec = SearchPresets.Cifar10;
        using var network = SearchNetwork.Create(new SearchNetworkOptions(NetworkShapes.Cifar, options.Channels, options.Layers,
            options.Nodes, options.K, EdgeNormalization: true, InputChannels: 3, Classes: 10), device);
        network.FusedCells = options.FusedCells;
        var weights = network.WeightParameters().ToArray();
        using var sgd = TrainingOptimizers.SearchWeights(spec, weights);
        using var adam = TrainingOptimizers.Architecture(spec, network.Architecture.All);
        var steps = new SearchSteps(network, weights, sgd, adam, spec.GradClip, spec.ArchGradClip);
        network.train();
        return StepLoop.Run(() =>
            {
                var images = torch.randn(options.BatchSize, 3, 32, 32, device: device);
                var labels = torch.randint(0, 10, [options.BatchSize], dtype: int64, device: device);
                steps.Architecture(images, labels);
                steps.Weights(images, labels);
            },
            device, options.WarmupSteps, options.Steps, options.BatchSize, weights.Sum(p => p.numel()), options.ResidentAtSteps ?? []);
    }
}
