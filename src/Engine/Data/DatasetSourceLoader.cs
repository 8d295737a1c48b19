using PcDarts.Core.Specs;

namespace PcDarts.Engine.Data;

/// <summary>
/// Loads a data set described by a <see cref="DatasetSource"/> (a platform-registered set) through the readers of its
/// <see cref="DatasetFormats"/> layout, and gives it the augmentation of the built-ins: a random crop with an eighth of
/// the side as padding and a horizontal flip, normalized with the training split's own channel statistics.
/// </summary>
public static class DatasetSourceLoader
{
    public static ImageDataset Load(DatasetSource source, DatasetSplit split) => source.Format switch
    {
        DatasetFormats.Idx => DatasetCatalog.LoadIdx(source.Name, source.Path, split, source.Classes, classNames: null, hint: null),
        DatasetFormats.Cifar10Binary => DatasetCatalog.LoadCifar10(source.Path, split, source.Name),
        _ => throw new NotSupportedException($"data set '{source.Name}': the {source.Format} layout has no reader in this engine"),
    };

    /// <summary>The side length the network sees: the spec's, else 224 for the ImageNet shape, else the registered image size.</summary>
    public static int InputSize(DatasetSource source, string network, int? inputSize) =>
        inputSize ?? (network == NetworkShapes.ImageNet ? 224 : source.ImageSize);

    /// <param name="train">The training split, whose channel statistics normalize both splits.</param>
    public static AugmentOptions Augment(DatasetSource source, ImageDataset train, bool cutout, int cutoutLength = 16) =>
        new(Math.Max(source.ImageSize / 8, 1), HorizontalFlip: true, cutout ? cutoutLength : 0, train.Mean, train.Std);
}
