using PcDarts.Core.Specs;
using PcDarts.Engine.Data;

namespace PcDarts.Engine.Tests.Data;

public class DatasetSourceLoaderTests
{
    [Fact]
    public void A_registered_idx_folder_loads_under_its_own_name_with_its_classes_and_its_own_statistics()
    {
        var source = new DatasetSource("fashion-idx", DatasetFormats.Idx, DatasetCatalog.FashionMnistDefaultDir, 28, 10);
        using var test = DatasetSourceLoader.Load(source, DatasetSplit.Test);

        Assert.Equal(("fashion-idx", 10_000, 1, 28, 10), (test.Name, test.Count, test.Channels, test.Height, test.Classes));
        var augment = DatasetSourceLoader.Augment(source, test, cutout: false);
        Assert.Equal((3, true, 0), (augment.CropPadding, augment.HorizontalFlip, augment.CutoutLength));
        Assert.Equal(test.Mean, augment.Mean);
        Assert.Equal(28, DatasetSourceLoader.InputSize(source, NetworkShapes.Cifar, inputSize: null));
        Assert.Equal(224, DatasetSourceLoader.InputSize(source, NetworkShapes.ImageNet, inputSize: null));
    }

    [Fact]
    public void A_registered_folder_without_the_files_names_the_set_and_the_folder()
    {
        using var dir = new TempDirectory();
        var source = new DatasetSource("mine", DatasetFormats.Cifar10Binary, dir.Path, 32, 10);

        var error = Assert.Throws<DatasetNotFoundException>(() => DatasetSourceLoader.Load(source, DatasetSplit.Train));
        Assert.Contains("mine", error.Message);
        Assert.Contains(dir.Path, error.Message);
        Assert.Contains("data_batch_1.bin", error.Message);
    }
}
