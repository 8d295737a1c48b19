using PcDarts.Core.Specs;

namespace PcDarts.Engine.Data;

/// <summary>Finds and loads a data set by its name in <see cref="DatasetNames"/>.</summary>
public static class DatasetCatalog
{
    public const string FashionMnistDefaultDir = "/usr/share/datasets/fashion-mnist";
    /// <summary>CIFAR-10 cannot be installed from a package here; relative to the working directory.</summary>
    public const string Cifar10DefaultDir = "data/cifar10";
    /// <summary>The folder cifar-10-binary.tar.gz unpacks to; looked for inside the data folder too.</summary>
    public const string Cifar10ArchiveFolder = "cifar-10-batches-bin";

    public const int SyntheticChannels = 3;
    public const int SyntheticSize = 32;
    public const int SyntheticClasses = 10;
    public const int SyntheticTrainCount = DatasetNames.SyntheticTrainExamples;
    public const int SyntheticTestCount = 512;
    /// <summary>One seed for both splits: they share class prototypes (see <see cref="SyntheticDataset"/>).</summary>
    public const int SyntheticSeed = 20190101;

    public static ImageDataset Load(string name, string? dataDir, DatasetSplit split, int? syntheticCount = null) => name switch
    {
        DatasetNames.FashionMnist => LoadIdx(DatasetNames.FashionMnist, dataDir ?? FashionMnistDefaultDir, split),
        DatasetNames.Cifar10 => LoadCifar10(DatasetNames.Cifar10, dataDir ?? Cifar10DefaultDir, split),
        DatasetNames.Synthetic => SyntheticDataset.Create(
            syntheticCount ?? (split == DatasetSplit.Train ? SyntheticTrainCount : SyntheticTestCount),
            SyntheticChannels, SyntheticSize, SyntheticClasses, SyntheticSeed, split),
        _ => throw new ArgumentException($"Unknown data set '{name}'; known: {string.Join(", ", DatasetNames.All)}.", nameof(name)),
    };

    /// <summary>IDX files named as MNIST and Fashion-MNIST ship them, in <paramref name="dir"/>; <paramref name="classes"/> is
    /// a registered set's class count (labels are checked against it), null for Fashion-MNIST's ten named classes.</summary>
    internal static ImageDataset LoadIdx(string name, string dir, DatasetSplit split, int? classes = null)
    {
        var prefix = split == DatasetSplit.Train ? "train" : "t10k";
        string[] expected = [$"{prefix}-images-idx3-ubyte.gz", $"{prefix}-labels-idx1-ubyte.gz"];
        // Accept the files gzipped, as distributed, or already unpacked.
        var found = expected.Select(f => FirstExisting(Path.Combine(dir, f), Path.Combine(dir, f[..^3]))).ToArray();
        if (found.Any(f => f is null))
            throw new DatasetNotFoundException(name, dir, expected, classes is not null ? null :
                "Install it with `apt-get install dataset-fashion-mnist` (files go to /usr/share/datasets/fashion-mnist), or pass the folder holding them.");
        return classes is { } count
            ? FashionMnistReader.Read(name, found[0]!, found[1]!, count, null)
            : FashionMnistReader.Read(found[0]!, found[1]!);
    }

    /// <summary>CIFAR-10's binary batches in <paramref name="dir"/> or its archive's subfolder.</summary>
    internal static ImageDataset LoadCifar10(string name, string dir, DatasetSplit split)
    {
        var expected = split == DatasetSplit.Train ? Cifar10Reader.TrainBatchFiles : Cifar10Reader.TestBatchFiles;
        foreach (var folder in new[] { dir, Path.Combine(dir, Cifar10ArchiveFolder) })
        {
            var files = expected.Select(f => Path.Combine(folder, f)).ToList();
            if (files.All(File.Exists))
                return Cifar10Reader.Read(files);
        }
        throw new DatasetNotFoundException(name, dir, expected,
            $"Download the binary version (cifar-10-binary.tar.gz) from https://www.cs.toronto.edu/~kriz/cifar.html and unpack it there (a '{Cifar10ArchiveFolder}' subfolder is fine).");
    }

    private static string? FirstExisting(params string[] paths) => paths.FirstOrDefault(File.Exists);
}
