using PcDarts.Engine.Data;
using PcDarts.Engine.Data.Folders;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Data.Folders;

public class ImageFolderSourceTests
{
    private static readonly AugmentOptions Normalize = new(0, false, 0, ImageNetAugment.Mean, ImageNetAugment.Std);

    [Fact]
    public void A_folder_tree_is_read_as_its_sorted_class_folders_with_a_label_per_file()
    {
        using var tree = new GeneratedImageFolder(trainPerClass: 5, valPerClass: 2);
        using var train = (ImageFolderSource)DatasetSources.Open(tree.Source(), DatasetSplit.Train, 24);
        using var val = (ImageFolderSource)DatasetSources.Open(tree.Source(), DatasetSplit.Test, 24);

        Assert.Equal(GeneratedImageFolder.ClassNames, train.ClassNames);
        Assert.Equal(15, train.Count);
        Assert.Equal(6, val.Count);
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2], train.ClassOfEach());
        Assert.Equal(3, train.Channels);
    }

    [Fact]
    public void A_batch_is_the_network_input_size_normalized_and_the_same_for_the_same_seed_whatever_the_workers()
    {
        using var tree = new GeneratedImageFolder();
        var index = ImageFolderIndex.Read(System.IO.Path.Combine(tree.Path, "train"));
        using var fourWorkers = new ImageFolderSource("bugs", index, 24, workers: 4, depth: 3);
        using var oneWorker = new ImageFolderSource("bugs", index, 24, workers: 1, depth: 0);
        var augmenter = new BatchAugmenter(Normalize);
        int[] order = [3, 17, 9, 0, 22, 12, 5];
        using var scope = NewDisposeScope();

        var (images, labels) = fourWorkers.GetBatch(order, 4, 1, augmenter, CPU, train: true, seedBase: 11);
        var (again, _) = oneWorker.GetBatch(order, 4, 1, augmenter, CPU, train: true, seedBase: 11);
        var (otherSeed, _) = oneWorker.GetBatch(order, 4, 1, augmenter, CPU, train: true, seedBase: 12);

        Assert.Equal([3L, 3, 24, 24], images.shape);
        Assert.Equal([2L, 1, 0], labels.data<long>().ToArray());
        Assert.True(images.eq(again).all().item<bool>());
        Assert.False(images.eq(otherSeed).all().item<bool>());
        // Normalized with ImageNet's mean and std: byte 0 maps to -mean/std, byte 255 to (1-mean)/std.
        Assert.InRange(images.min().item<float>(), -2.2f, 0f);
        Assert.InRange(images.max().item<float>(), 0f, 2.7f);
    }

    [Fact]
    public void Evaluation_batches_are_the_centre_crop_and_draw_nothing_at_random()
    {
        using var tree = new GeneratedImageFolder();
        using var val = DatasetSources.Open(tree.Source(), DatasetSplit.Test, 28);
        var augmenter = new BatchAugmenter(Normalize);
        int[] all = Enumerable.Range(0, val.Count).ToArray();
        using var scope = NewDisposeScope();

        var (first, _) = val.GetBatch(all, 6, 0, augmenter, CPU, train: false, seedBase: 1);
        var (second, _) = val.GetBatch(all, 6, 0, augmenter, CPU, train: false, seedBase: 2);

        Assert.True(first.eq(second).all().item<bool>());
    }

    [Fact]
    public void A_large_jpeg_decoded_at_a_reduced_scale_keeps_the_centre_crop_in_place()
    {
        using var folder = new TempDirectory();
        var classFolder = Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "train", "halves")).FullName;
        // 1600×1200, red left of x = 800 and blue right of it: the centre crop's left columns are red, its right columns blue.
        using (var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(1600, 1200)))
        {
            using var red = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Red };
            using var blue = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Blue };
            surface.Canvas.DrawRect(0, 0, 800, 1200, red);
            surface.Canvas.DrawRect(800, 0, 800, 1200, blue);
            using var image = surface.Snapshot();
            using var jpeg = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 95);
            File.WriteAllBytes(System.IO.Path.Combine(classFolder, "big.jpg"), jpeg.ToArray());
        }
        using var source = new ImageFolderSource("halves", ImageFolderIndex.Read(System.IO.Path.Combine(folder.Path, "train")), 32, workers: 1);

        var batch = source.Decoded(new BatchRequest([0], 1, 0, SeedBase: 0, Train: false));

        // Planes R then G then B of a 32×32 image: row 16, columns 2 and 29.
        byte At(int plane, int column) => batch.Pixels[plane * 32 * 32 + 16 * 32 + column];
        Assert.True(At(0, 2) > 200 && At(2, 2) < 60, $"left: R {At(0, 2)}, B {At(2, 2)}");
        Assert.True(At(2, 29) > 200 && At(0, 29) < 60, $"right: R {At(0, 29)}, B {At(2, 29)}");
    }

    [Fact]
    public void A_corrupt_image_is_reported_with_its_file_name()
    {
        using var tree = new GeneratedImageFolder();
        var corrupt = System.IO.Path.Combine(tree.ClassFolder("train", 1), "broken.jpg");
        File.WriteAllBytes(corrupt, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8]);

        var error = BatchError(tree, corrupt);

        Assert.Contains(corrupt, error.Message);
    }

    [Fact]
    public void An_empty_image_file_is_reported_with_its_file_name()
    {
        using var tree = new GeneratedImageFolder();
        var empty = System.IO.Path.Combine(tree.ClassFolder("train", 2), "empty.png");
        File.WriteAllBytes(empty, []);

        var error = BatchError(tree, empty);

        Assert.Contains(empty, error.Message);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void An_empty_class_folder_and_a_missing_train_folder_are_reported_with_their_paths()
    {
        using var tree = new GeneratedImageFolder();
        var emptyClass = System.IO.Path.Combine(tree.Path, "train", "zebras");
        Directory.CreateDirectory(emptyClass);
        var classError = Assert.Throws<DataFormatException>(() => DatasetSources.Open(tree.Source() with { Classes = 4 }, DatasetSplit.Train, 32));
        Assert.Contains(emptyClass, classError.Message);

        var missing = tree.Source() with { Path = System.IO.Path.Combine(tree.Path, "nowhere") };
        var folderError = Assert.Throws<DataFormatException>(() => DatasetSources.Open(missing, DatasetSplit.Train, 32));
        Assert.Contains(System.IO.Path.Combine(missing.Path, "train"), folderError.Message);
    }

    [Fact]
    public void A_source_described_with_another_number_of_classes_is_refused()
    {
        using var tree = new GeneratedImageFolder();
        var error = Assert.Throws<DataFormatException>(() => DatasetSources.Open(tree.Source() with { Classes = 5 }, DatasetSplit.Train, 32));
        Assert.Contains("3 classes", error.Message);
    }

    /// <summary>Decodes every training image in batches of 4 and returns the error that stops it.</summary>
    private static DataFormatException BatchError(GeneratedImageFolder tree, string badFile)
    {
        using var train = DatasetSources.Open(tree.Source(), DatasetSplit.Train, 32);
        var all = Enumerable.Range(0, train.Count).ToArray();
        var augmenter = new BatchAugmenter(Normalize);
        return Assert.Throws<DataFormatException>(() =>
        {
            using var scope = NewDisposeScope();
            for (var b = 0; b < BatchLoader.BatchCount(all.Length, 4); b++)
                train.GetBatch(all, 4, b, augmenter, CPU, train: true, seedBase: 3);
        });
    }
}
