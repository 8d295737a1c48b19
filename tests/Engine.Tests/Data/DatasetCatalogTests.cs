using PcDarts.Core.Specs;
using PcDarts.Engine.Data;
using TorchSharp;

namespace PcDarts.Engine.Tests.Data;

public class DatasetCatalogTests
{
    [Fact]
    public void Missing_fashion_mnist_names_the_folder_the_files_and_the_package()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<DatasetNotFoundException>(() => DatasetCatalog.Load(DatasetNames.FashionMnist, dir.Path, DatasetSplit.Test));

        Assert.Contains(DatasetNames.FashionMnist, error.Message);
        Assert.Contains(dir.Path, error.Message);
        Assert.Contains("t10k-images-idx3-ubyte.gz", error.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
        Assert.IsAssignableFrom<FileNotFoundException>(error);
    }

    [Fact]
    public void Missing_cifar10_names_the_folder_and_the_batches()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<DatasetNotFoundException>(() => DatasetCatalog.Load(DatasetNames.Cifar10, dir.Path, DatasetSplit.Train));

        Assert.Contains(dir.Path, error.Message);
        Assert.Contains("data_batch_5.bin", error.Message);
    }

    [Fact]
    public void Cifar10_is_found_inside_the_archive_folder()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File(DatasetCatalog.Cifar10ArchiveFolder));
        File.WriteAllBytes(Path.Combine(dir.File(DatasetCatalog.Cifar10ArchiveFolder), "test_batch.bin"), new byte[2 * Cifar10Reader.RecordBytes]);

        using var scope = torch.NewDisposeScope();
        using var data = DatasetCatalog.Load(DatasetNames.Cifar10, dir.Path, DatasetSplit.Test);
        Assert.Equal(2, data.Count);
    }

    [Fact]
    public void Synthetic_splits_have_the_documented_sizes()
    {
        using var scope = torch.NewDisposeScope();
        using var train = DatasetCatalog.Load(DatasetNames.Synthetic, null, DatasetSplit.Train);
        using var small = DatasetCatalog.Load(DatasetNames.Synthetic, null, DatasetSplit.Test, syntheticCount: 20);

        Assert.Equal((2048, 3, 32, 32, 10), (train.Count, train.Channels, train.Height, train.Width, train.Classes));
        Assert.Equal(20, small.Count);
    }

    [Fact]
    public void Unknown_names_are_rejected_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => DatasetCatalog.Load("mnist", null, DatasetSplit.Train));
        Assert.Contains(DatasetNames.Cifar10, error.Message);
    }
}
