namespace PcDarts.Core.Specs;

/// <summary>The on-disk layouts a data set can have besides the built-ins' own.</summary>
public static class DatasetFormats
{
    /// <summary>One folder per class holding JPEG or PNG files, under <c>train/</c> and <c>val/</c> (the ImageNet layout).</summary>
    public const string ImageFolder = "image-folder";
    /// <summary>CIFAR-10's binary batches (data_batch_1..5.bin, test_batch.bin).</summary>
    public const string Cifar10Binary = "cifar10-binary";
    /// <summary>IDX files as MNIST and Fashion-MNIST ship them (train-/t10k- images and labels, gzipped or not).</summary>
    public const string Idx = "idx";

    public static IReadOnlyList<string> All { get; } = [ImageFolder, Cifar10Binary, Idx];
}

/// <summary>
/// Where a run's images come from when they are not a built-in set: a name, a layout from <see cref="DatasetFormats"/>,
/// the folder as the runner node sees it, the side length images are used at and the number of classes.
/// A spec's <c>dataset</c> names either a built-in (<see cref="DatasetNames"/>) or a registered source; a platform job
/// resolves the name and hands the source to the engine, a local run builds one from its flags.
/// </summary>
public sealed record DatasetSource(string Name, string Format, string Path, int ImageSize, int Classes);
