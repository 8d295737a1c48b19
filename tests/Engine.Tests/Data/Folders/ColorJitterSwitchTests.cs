using PcDarts.Core.Specs;
using PcDarts.Engine.Data;
using PcDarts.Engine.Data.Folders;
using PcDarts.Engine.Training;
using SkiaSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Data.Folders;

/// <summary>
/// train_search_imagenet.py augments with RandomResizedCrop and RandomHorizontalFlip only; train_imagenet.py adds
/// ColorJitter(0.4, 0.4, 0.4, 0.2). The image-folder pipeline follows each script.
/// </summary>
public class ColorJitterSwitchTests
{
    private static readonly SKColor Grey = new(90, 140, 200);

    [Fact]
    public void A_search_on_an_image_folder_does_not_jitter_and_a_retrain_does()
    {
        using var tree = new GeneratedImageFolder(trainPerClass: 4, valPerClass: 2);
        var search = new SearchSpec { Dataset = "bugs", Network = NetworkShapes.Cifar, Channels = 4, Layers = 3, Nodes = 3, K = 2 };
        var retrain = new RetrainSpec { Dataset = "bugs", Channels = 4, Layers = 3 };

        using var searchData = SearchData.Load(search, tree.Source(24));
        using var retrainData = RetrainData.Load(retrain, tree.Source(24));

        Assert.False(searchData.Augment.ColorJitter);
        Assert.True(retrainData.Augment.ColorJitter);
    }

    [Fact]
    public void Without_jitter_every_training_pixel_of_a_one_colour_image_keeps_its_colour_and_with_it_none_need()
    {
        using var folder = new TempDirectory();
        var index = OneColourFolder(folder.Path);
        using var source = new ImageFolderSource("grey", index, 16, workers: 1, depth: 0);
        int[] sameImageFourTimes = [0, 0, 0, 0];

        // A crop, a resize and a flip of one colour are that colour, byte for byte.
        var plain = source.Decoded(new BatchRequest(sameImageFourTimes, 4, 0, SeedBase: 5, Train: true, ColorJitter: false));
        var planes = 16 * 16;
        for (var image = 0; image < 4; image++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                var expected = channel switch { 0 => Grey.Red, 1 => Grey.Green, _ => Grey.Blue };
                var plane = plain.Pixels.AsSpan((image * 3 + channel) * planes, planes);
                Assert.All(plane.ToArray(), b => Assert.Equal(expected, b));
            }
        }

        // The augmenter's switch reaches the decoder: with jitter on, four draws do not all leave the colour alone.
        using var scope = NewDisposeScope();
        var options = new AugmentOptions(0, false, 0, ImageNetAugment.Mean, ImageNetAugment.Std);
        var (unjittered, _) = source.GetBatch(sameImageFourTimes, 4, 0, new BatchAugmenter(options), CPU, train: true, seedBase: 5);
        var (jittered, _) = source.GetBatch(sameImageFourTimes, 4, 0, new BatchAugmenter(options with { ColorJitter = true }), CPU, train: true, seedBase: 5);
        var (evaluation, _) = source.GetBatch(sameImageFourTimes, 4, 0, new BatchAugmenter(options), CPU, train: false, seedBase: 5);
        Assert.True(unjittered.eq(evaluation).all().item<bool>());
        Assert.False(jittered.eq(evaluation).all().item<bool>());
    }

    /// <summary>One 40×30 PNG of a single colour (PNG, so no compression shifts it), in train/grey/.</summary>
    private static ImageFolderIndex OneColourFolder(string root)
    {
        var classFolder = Directory.CreateDirectory(Path.Combine(root, "train", "grey")).FullName;
        using var bitmap = new SKBitmap(40, 30);
        bitmap.Erase(Grey);
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(Path.Combine(classFolder, "grey.png"), png.ToArray());
        return ImageFolderIndex.Read(Path.Combine(root, "train"));
    }
}
