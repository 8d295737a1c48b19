using PcDarts.Core.Specs;
using PcDarts.Engine.Data;

namespace PcDarts.Engine.Training;

/// <summary>The training set of a search, cut into the weight half and the architecture half (docs/pc-darts.md §4).</summary>
internal sealed class SearchData : IDisposable
{
    public required ILabelledImages Images { get; init; }
    public required int[] WeightIndices { get; init; }
    public required int[] ArchitectureIndices { get; init; }
    public required AugmentOptions Augment { get; init; }

    /// <summary>The built-in named by the spec, or <paramref name="source"/> when given.</summary>
    public static SearchData Load(SearchSpec spec, DatasetSource? source = null)
    {
        var inputSize = RunInput.Size(spec.Network, spec.InputSize, spec.Dataset, source);
        var images = RunInput.Train(spec.Dataset, spec.DataDir, source, inputSize, spec.Subset);
        var (weights, architecture) = spec.SubsetFraction is { } fraction
            ? ClassSampling.Split(images.ClassOfEach(), fraction, spec.TrainPortion, EpochSeeds.For(spec.Seed, 0, EpochSeeds.SearchSubset))
            : TrainSplit.Split(images.Count, spec.TrainPortion);
        if (weights.Length == 0 || architecture.Length == 0)
        {
            images.Dispose();
            throw new SpecValidationException([new SpecError(spec.SubsetFraction is null ? "trainPortion" : "subsetFraction",
                $"splitting {images.Count} examples at {spec.TrainPortion} leaves one half empty")]);
        }
        var augment = source is null
            ? AugmentOptions.ForDataset(spec.Dataset, cutout: false) with { ResizeTo = inputSize }
            // train_search_imagenet.py crops and flips but does not colour-jitter (train_imagenet.py does).
            : DatasetSources.Augment(source, images, cutoutLength: 0, inputSize, colorJitter: false);
        return new SearchData { Images = images, WeightIndices = weights, ArchitectureIndices = architecture, Augment = augment };
    }

    public void Dispose() => Images.Dispose();
}
