using PcDarts.Engine.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Data;

public class ImageDatasetTests
{
    [Fact]
    public void Tensors_outlive_the_scope_they_were_made_in()
    {
        ImageDataset data;
        using (NewDisposeScope())
            data = SyntheticDataset.Create(6, 3, 8, 3, seed: 1);

        using (data)
        using (NewDisposeScope())
        {
            Assert.False(data.Images.IsInvalid);
            Assert.Equal(6 * 3 * 8 * 8, data.Images.count_nonzero().item<long>() + data.Images.eq(0).sum().item<long>());
        }
        Assert.True(data.Images.IsInvalid);
    }

    [Fact]
    public void Take_and_slice_select_consecutive_images()
    {
        using var scope = NewDisposeScope();
        using var data = SyntheticDataset.Create(10, 3, 8, 5, seed: 1);
        using var first = data.Take(4);
        using var middle = data.Slice(3, 5);

        Assert.Equal(4, first.Count);
        Assert.True(first.Images.Equals(data.Images[..4]));
        Assert.True(middle.Labels.Equals(data.Labels[3..8]));
        Assert.True(middle.Images.is_contiguous());
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Slice(8, 3));
    }

    [Fact]
    public void Mean_and_std_are_per_channel_on_the_unit_scale()
    {
        using var scope = NewDisposeScope();
        // Channel 0 is all 0 and 255 in equal numbers; channel 1 is all 51.
        var images = stack([full([2, 4, 4], 0, ScalarType.Byte), full([2, 4, 4], 51, ScalarType.Byte)], 1);
        images[1, 0] = full([4, 4], 255, ScalarType.Byte);
        using var data = new ImageDataset("test", images.contiguous(), tensor(new long[] { 0, 1 }), 2);

        Assert.Equal([0.5f, 0.2f], data.Mean, (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal([0.5f, 0f], data.Std, (a, b) => Math.Abs(a - b) < 1e-6);
    }
}
