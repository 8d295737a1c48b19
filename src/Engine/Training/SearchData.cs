using PcDarts.Core.Specs;
using PcDarts.Engine.Data;

namespace PcDarts.Engine.Training;

/// <summary>The training set of a search, cut into the weight half and the architecture half (docs/pc-darts.md §4).</summary>
internal sealed class SearchData : IDisposable
{
    public required ImageDataset Images { get; init; }
    public required int[] WeightIndices { get; init; }
    public required int[] ArchitectureIndices { get; init; }
    public required AugmentOptions Augment { get; init; }

    /// <param name="source">Where a registered data set lies; null for a built-in, found by its name.</param>
    public static SearchData Load(SearchSpec spec, DatasetSource? source = null)
    {
        var full = source is null ? DatasetCatalog.Load(spec.Dataset, spec.DataDir, DatasetSplit.Train) : DatasetSourceLoader.Load(source, DatasetSplit.Train);
        var images = full;
        if (spec.Subset is { } subset && subset < full.Count)
        {
            images = full.Take(subset);
            full.Dispose();
        }
        var (weights, architecture) = TrainSplit.Split(images.Count, spec.TrainPortion);
        if (weights.Length == 0 || architecture.Length == 0)
            throw new SpecValidationException([new SpecError("trainPortion",
                $"splitting {images.Count} examples at {spec.TrainPortion} leaves one half empty")]);
        var augment = source is null
            ? AugmentOptions.ForDataset(spec.Dataset, cutout: false) with { ResizeTo = NetworkShapes.InputSize(spec.Network, spec.InputSize, spec.Dataset) }
            : DatasetSourceLoader.Augment(source, images, cutout: false) with { ResizeTo = DatasetSourceLoader.InputSize(source, spec.Network, spec.InputSize) };
        return new SearchData { Images = images, WeightIndices = weights, ArchitectureIndices = architecture, Augment = augment };
    }

    public void Dispose() => Images.Dispose();
}
