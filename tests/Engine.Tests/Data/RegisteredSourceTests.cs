using PcDarts.Core.Specs;
using PcDarts.Engine.Data;

namespace PcDarts.Engine.Tests.Data;

public class RegisteredSourceTests
{
    [Fact]
    public void A_registered_idx_folder_loads_under_its_own_name_with_its_classes_and_its_own_statistics()
    {
        var source = new DatasetSource("fashion-idx", DatasetFormats.Idx, DatasetCatalog.FashionMnistDefaultDir, 28, 10);
        using var test = DatasetSources.Open(source, DatasetSplit.Test, 28);

        Assert.Equal(("fashion-idx", 10_000, 1, 10), (test.Name, test.Count, test.Channels, test.Classes));
        var augment = DatasetSources.Augment(source, test, cutoutLength: 0, inputSize: 28, colorJitter: false);
        Assert.Equal((2, true, 0), (augment.CropPadding, augment.HorizontalFlip, augment.CutoutLength));
        Assert.Equal(((ImageDataset)test).Mean, augment.Mean);
    }

    [Fact]
    public void A_registered_folder_without_the_files_names_the_set_and_the_folder()
    {
        using var dir = new TempDirectory();
        var source = new DatasetSource("mine", DatasetFormats.Cifar10Binary, dir.Path, 32, 10);

        var error = Assert.Throws<DatasetNotFoundException>(() => DatasetSources.Open(source, DatasetSplit.Train, 32));
        Assert.Contains("mine", error.Message);
        Assert.Contains(dir.Path, error.Message);
        Assert.Contains("data_batch_1.bin", error.Message);
    }
}
