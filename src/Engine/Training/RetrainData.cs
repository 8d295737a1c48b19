using PcDarts.Core.Specs;
using PcDarts.Engine.Data;

namespace PcDarts.Engine.Training;

/// <summary>The training set (optionally its first N examples) and the held-out test set of a retrain.</summary>
internal sealed class RetrainData : IDisposable
{
    public required ImageDataset Train { get; init; }
    public required ImageDataset Test { get; init; }
    public required AugmentOptions Augment { get; init; }

    /// <param name="source">Where a registered data set lies; null for a built-in, found by its name.</param>
    public static RetrainData Load(RetrainSpec spec, DatasetSource? source = null)
    {
        ImageDataset Read(DatasetSplit split) =>
            source is null ? DatasetCatalog.Load(spec.Dataset, spec.DataDir, split) : DatasetSourceLoader.Load(source, split);
        var train = Read(DatasetSplit.Train);
        if (spec.Subset is { } subset && subset < train.Count)
        {
            var taken = train.Take(subset);
            train.Dispose();
            train = taken;
        }
        var test = Read(DatasetSplit.Test);
        var inputSize = source is null ? NetworkShapes.InputSize(spec.Network, spec.InputSize, spec.Dataset) : DatasetSourceLoader.InputSize(source, spec.Network, spec.InputSize);
        var augment = (source is null
            ? AugmentOptions.ForDataset(spec.Dataset, cutout: spec.Cutout > 0, cutoutLength: Math.Max(spec.Cutout, 1))
            : DatasetSourceLoader.Augment(source, train, cutout: spec.Cutout > 0, cutoutLength: Math.Max(spec.Cutout, 1))) with { ResizeTo = inputSize };
        return new RetrainData { Train = train, Test = test, Augment = augment };
    }

    /// <summary>The side length the network sees.</summary>
    public int InputSize => Augment.ResizeTo!.Value;

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
