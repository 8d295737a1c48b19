using PcDarts.Core.Specs;
using PcDarts.Engine.Data.Folders;

namespace PcDarts.Engine.Data;

/// <summary>
/// Opens a <see cref="DatasetSource"/>: IDX files and CIFAR-10 binary batches with the built-ins' readers (into memory),
/// an image folder as a <see cref="ImageFolderSource"/> that decodes from disk while the loop trains.
/// </summary>
public static class DatasetSources
{
    /// <summary>The image-folder splits: ImageNet's train/ and val/.</summary>
    public const string TrainFolder = "train", ValidationFolder = "val";

    /// <summary>One split; <paramref name="size"/> is the side length an image-folder set decodes to (the network's input).</summary>
    public static ILabelledImages Open(DatasetSource source, DatasetSplit split, int size, int? workers = null)
    {
        ILabelledImages data = source.Format switch
        {
            DatasetFormats.Idx => DatasetCatalog.LoadIdx(source.Name, source.Path, split, source.Classes),
            DatasetFormats.Cifar10Binary => DatasetCatalog.LoadCifar10(source.Name, source.Path, split),
            DatasetFormats.ImageFolder => OpenFolder(source, split, size, workers),
            _ => throw new ArgumentException(
                $"Unknown data format '{source.Format}' of '{source.Name}'; known: {string.Join(", ", DatasetFormats.All)}.", nameof(source)),
        };
        if (data.Classes != source.Classes)
        {
            data.Dispose();
            throw new DataFormatException(source.Path, $"holds {data.Classes} classes, but the data set '{source.Name}' is described with {source.Classes}.");
        }
        return data;
    }

    /// <summary>The training-time pipeline of a source's set: ImageNet's for an image folder (its random part runs at decode
    /// time; colour jitter only with <paramref name="colorJitter"/>, the retrain's), else the CIFAR-style crop and flip
    /// with the set's own channel statistics.</summary>
    public static AugmentOptions Augment(DatasetSource source, ILabelledImages train, int cutoutLength, int inputSize, bool colorJitter)
    {
        if (train is ImageFolderSource)
            return new AugmentOptions(0, false, cutoutLength, ImageNetAugment.Mean, ImageNetAugment.Std, inputSize, colorJitter);
        var memory = (ImageDataset)train;
        var padding = source.Format == DatasetFormats.Idx ? 2 : 4;
        return new AugmentOptions(padding, true, cutoutLength, memory.Mean, memory.Std, inputSize);
    }

    /// <summary>The class folders of a source's training split (what a local run counts as its classes).</summary>
    public static int CountClasses(string format, string path) => format switch
    {
        DatasetFormats.ImageFolder => ImageFolderIndex.ReadClassNames(Path.Combine(path, TrainFolder)).Count,
        DatasetFormats.Idx => FashionMnistReader.ClassNames.Count,
        _ => Cifar10Reader.ClassCount,
    };

    private static ImageFolderSource OpenFolder(DatasetSource source, DatasetSplit split, int size, int? workers)
    {
        var trainFolder = Path.Combine(source.Path, TrainFolder);
        var classes = ImageFolderIndex.ReadClassNames(trainFolder);
        var index = split == DatasetSplit.Train
            ? ImageFolderIndex.Read(trainFolder, classes)
            : ImageFolderIndex.Read(Path.Combine(source.Path, ValidationFolder), classes);
        return new ImageFolderSource(source.Name, index, size, workers);
    }
}
