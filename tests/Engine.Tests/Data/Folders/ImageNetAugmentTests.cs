using PcDarts.Core.Randomness;
using PcDarts.Engine.Data.Folders;

namespace PcDarts.Engine.Tests.Data.Folders;

public class ImageNetAugmentTests
{
    [Fact]
    public void Random_resized_crops_stay_inside_the_image_within_the_scale_and_ratio_ranges()
    {
        var random = new SplitMix64(9);
        for (var draw = 0; draw < 2000; draw++)
        {
            var (left, top, width, height) = ImageNetAugment.RandomCrop(500, 375, random);
            Assert.InRange(left, 0, 500 - width);
            Assert.InRange(top, 0, 375 - height);
            var area = (double)width * height / (500 * 375);
            // Rounding each side to whole pixels moves the area and ratio slightly past the drawn bounds.
            Assert.InRange(area, 0.075, 1.0);
            Assert.InRange((double)width / height, 0.72, 1.36);
        }
    }

    [Fact]
    public void A_crop_of_an_image_too_narrow_for_any_draw_is_its_centre_at_the_nearest_ratio()
    {
        var crop = ImageNetAugment.RandomCrop(1000, 10, new SplitMix64(1));
        Assert.Equal((493, 0, 13, 10), crop);
    }

    [Fact]
    public void Evaluation_resizes_the_shorter_side_to_256_and_takes_the_central_224()
    {
        // 500×375: scaled by 256/375 the crop of 224 is 328.1 source pixels, centred.
        var (left, top, width, height) = ImageNetAugment.CentreCrop(500, 375, 224);
        Assert.Equal(224 * 375 / 256f, width, 3);
        Assert.Equal(width, height);
        Assert.Equal((500 - width) / 2, left, 3);
        Assert.Equal((375 - height) / 2, top, 3);
        // Other input sizes keep the 256:224 proportion.
        Assert.Equal(112 * 375 / 128f, ImageNetAugment.CentreCrop(500, 375, 112).Width, 3);
    }

    [Fact]
    public void Colour_jitter_factors_lie_in_the_authors_ranges_and_use_every_adjustment_once()
    {
        var random = new SplitMix64(3);
        for (var draw = 0; draw < 500; draw++)
        {
            var jitter = ImageNetAugment.Jitter(random);
            Assert.Equal([0, 1, 2, 3], jitter.Order.Order());
            Assert.InRange(jitter.Brightness, 0.6f, 1.4f);
            Assert.InRange(jitter.Contrast, 0.6f, 1.4f);
            Assert.InRange(jitter.Saturation, 0.6f, 1.4f);
            Assert.InRange(jitter.Hue, -0.2f, 0.2f);
        }
    }
}
