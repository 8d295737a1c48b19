using PcDarts.Core.Contracts;
using PcDarts.Core.Search;
using PcDarts.Core.Specs;

namespace PcDarts.Core.Estimates;

/// <summary>
/// The sizes of one training step that memory and time follow, counted per image from the spec alone (no network is
/// built). <see cref="PartialUnits"/>: elements the mixed ops produce on their 1/K share of channels — PC-DARTS'
/// saving (docs/pc-darts.md §2). <see cref="FullUnits"/>: elements every edge keeps at full width (the shuffle, the
/// weighted sums, the node outputs) and, in a retrain, the cell's fixed operations. <see cref="Operations"/>: edges
/// (search) or operations (retrain) over all cells, each a fixed dispatch cost per step that dominates small networks.
/// </summary>
/// <param name="StepsPerEpoch">Weight steps in one epoch (a search also takes one architecture step per weight step after the warm-up).</param>
/// <param name="DataBytes">The training images held in memory (uint8).</param>
public sealed record StepShape(string Kind, double PartialUnits, double FullUnits, int Operations, int BatchSize, int StepsPerEpoch, long DataBytes)
{
    public static StepShape ForSearch(SearchSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var edges = SearchSpace.EdgeCount(spec.Nodes);
        double partial = 0, full = 0;
        foreach (var (channels, side) in Cells(spec.Network, spec.InputSize, spec.Dataset, spec.Channels, spec.Layers))
        {
            var area = (double)side * side;
            partial += edges * area * channels / spec.K;
            full += edges * area * channels;
        }
        var examples = spec.ExamplesDrawn();
        var weightHalf = Math.Max(1, (int)Math.Round(examples * spec.TrainPortion));
        return new StepShape(ExperimentKinds.Search, partial, full, spec.Layers * edges, spec.BatchSize, Steps(weightHalf, spec.BatchSize), StoredBytes(spec.Dataset, examples));
    }

    public static StepShape ForRetrain(RetrainSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // A found cell runs two operations per intermediate node (the paper's four nodes).
        const int operations = 8;
        double full = 0;
        foreach (var (channels, side) in Cells(spec.Network, spec.InputSize, spec.Dataset, spec.Channels, spec.Layers))
            full += operations * (double)side * side * channels;
        var examples = spec.Subset ?? DatasetNames.TrainExamples(spec.Dataset);
        return new StepShape(ExperimentKinds.Retrain, 0, full, spec.Layers * operations, spec.BatchSize, Steps(examples, spec.BatchSize), StoredBytes(spec.Dataset, examples));
    }

    /// <summary>Channels and side length of each cell's output: reductions at 1/3 and 2/3 of the depth double the one and halve the other.</summary>
    private static IEnumerable<(int Channels, int Side)> Cells(string network, int? inputSize, string dataset, int channels, int layers)
    {
        var side = NetworkShapes.FirstCellSize(network, NetworkShapes.InputSize(network, inputSize, dataset));
        for (var layer = 0; layer < layers; layer++)
        {
            if (layer == layers / 3 || layer == 2 * layers / 3)
            {
                channels *= 2;
                side = Math.Max(1, (side + 1) / 2);
            }
            yield return (channels, side);
        }
    }

    private static int Steps(int examples, int batch) => (examples + batch - 1) / batch;

    private static long StoredBytes(string dataset, int examples)
    {
        var channels = dataset == DatasetNames.FashionMnist ? 1 : 3;
        var side = DatasetNames.NativeSize(dataset);
        return (long)examples * channels * side * side;
    }
}
