using PcDarts.Engine.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Data;

public class BatchAugmenterTests
{
    private static readonly AugmentOptions Everything = AugmentOptions.ForDataset(PcDarts.Core.Specs.DatasetNames.Cifar10, cutout: true);

    /// <summary>Mean 0 and std 1 make the output the pre-normalization 0..1 tensor.</summary>
    private static AugmentOptions Identity(int crop = 0, bool flip = false, int cutout = 0, int? resize = null) =>
        new(crop, flip, cutout, [0f, 0f, 0f], [1f, 1f, 1f], resize);

    private static Tensor RandomBytes(long batch, long size = 32, long seed = 1) =>
        randint(0, 256, [batch, 3, size, size], ScalarType.Byte, generator: new Generator((ulong)seed));

    [Fact]
    public void Eval_mode_only_normalizes()
    {
        using var scope = NewDisposeScope();
        var bytes = RandomBytes(4);
        var output = new BatchAugmenter(Everything).Apply(bytes, seed: 3, CPU, train: false);

        Assert.Equal(ScalarType.Float32, output.dtype);
        Assert.Equal(bytes.shape, output.shape);
        var b = bytes[2, 1, 5, 7].item<byte>();
        Assert.Equal((b / 255f - Everything.Mean[1]) / Everything.Std[1], output[2, 1, 5, 7].item<float>(), 5);
        var expected = bytes.to(ScalarType.Float32).div(255f)
            .sub(tensor(Everything.Mean).view(1, 3, 1, 1)).div(tensor(Everything.Std).view(1, 3, 1, 1));
        Assert.True(output.allclose(expected, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Same_seed_gives_the_same_batch_and_another_seed_another()
    {
        using var scope = NewDisposeScope();
        var bytes = RandomBytes(16);
        var augmenter = new BatchAugmenter(Everything);

        var first = augmenter.Apply(bytes, seed: 42, CPU, train: true);
        var again = augmenter.Apply(bytes, seed: 42, CPU, train: true);
        var other = augmenter.Apply(bytes, seed: 43, CPU, train: true);

        Assert.True(first.Equals(again));
        Assert.False(first.Equals(other));
        Assert.False(first.Equals(augmenter.Apply(bytes, seed: 42, CPU, train: false)));
    }

    [Fact]
    public void Flip_primitive_mirrors_columns()
    {
        using var scope = NewDisposeScope();
        var x = arange(2 * 3 * 4 * 5, ScalarType.Float32).view(2, 3, 4, 5);
        var none = zeros([2], ScalarType.Int64);

        var output = BatchAugmenter.ShiftAndFlip(x, none, none, tensor(new[] { true, false }));

        Assert.True(output[0].Equals(x[0].flip(2)));
        Assert.True(output[1].Equals(x[1]));
        Assert.Equal(x[0, 1, 2, 4].item<float>(), output[0, 1, 2, 0].item<float>());
    }

    [Fact]
    public void Training_flips_about_half_the_images_and_only_flips_them()
    {
        using var scope = NewDisposeScope();
        var bytes = RandomBytes(64);
        var output = new BatchAugmenter(Identity(flip: true)).Apply(bytes, seed: 9, CPU, train: true);
        var plain = bytes.to(ScalarType.Float32).div(255f);

        var flipped = 0;
        for (var i = 0; i < 64; i++)
        {
            if (output[i].Equals(plain[i].flip(2))) flipped++;
            else Assert.True(output[i].Equals(plain[i]), $"image {i} is neither itself nor its mirror");
        }
        Assert.InRange(flipped, 16, 48);
    }

    [Fact]
    public void Shift_primitive_moves_content_and_fills_with_zeros()
    {
        using var scope = NewDisposeScope();
        var x = arange(1, 1 + 3 * 6 * 6, dtype: ScalarType.Float32).view(1, 3, 6, 6);

        // out[y, x] = in[y + 1, x - 2]: content moves up one row and right two columns.
        var output = BatchAugmenter.ShiftAndFlip(x, tensor(new long[] { 1 }), tensor(new long[] { -2 }), tensor(new[] { false }));

        Assert.Equal(x[0, 2, 1, 0].item<float>(), output[0, 2, 0, 2].item<float>());
        Assert.Equal(x[0, 0, 5, 3].item<float>(), output[0, 0, 4, 5].item<float>());
        Assert.Equal(0f, output[0, .., 5, ..].abs().sum().item<float>());
        Assert.Equal(0f, output[0, .., .., ..2].abs().sum().item<float>());
        Assert.Equal(3 * 5 * 4, output.count_nonzero().item<long>());
    }

    [Fact]
    public void Training_crop_shifts_by_at_most_the_padding()
    {
        using var scope = NewDisposeScope();
        var white = full([32, 3, 32, 32], 255, ScalarType.Byte);
        var output = new BatchAugmenter(Identity(crop: 4)).Apply(white, seed: 5, CPU, train: true);

        var shifted = 0;
        for (var i = 0; i < 32; i++)
        {
            // What is left of a white image after a shift (dy, dx) is a (32-|dy|)×(32-|dx|) rectangle.
            var rows = output[i, 0].amax(1).count_nonzero().item<long>();
            var cols = output[i, 0].amax(0).count_nonzero().item<long>();
            Assert.InRange(rows, 28, 32);
            Assert.InRange(cols, 28, 32);
            Assert.Equal(3 * rows * cols, output[i].count_nonzero().item<long>());
            if (rows * cols < 32 * 32) shifted++;
        }
        Assert.True(shifted > 16, $"only {shifted} of 32 images were shifted");
    }

    [Fact]
    public void Cutout_primitive_zeroes_a_clipped_square()
    {
        using var scope = NewDisposeScope();
        var x = ones(2, 3, 10, 10);

        var output = BatchAugmenter.Cutout(x, tensor(new long[] { 5, 0 }), tensor(new long[] { 5, 9 }), length: 4);

        // Centre (5, 5): rows and columns 3..6. Centre (0, 9): rows 0..1, columns 7..9.
        Assert.Equal(0f, output[0, .., 3..7, 3..7].sum().item<float>());
        Assert.Equal(3 * (100 - 16), output[0].count_nonzero().item<long>());
        Assert.Equal(0f, output[1, .., 0..2, 7..10].sum().item<float>());
        Assert.Equal(3 * (100 - 6), output[1].count_nonzero().item<long>());
    }

    [Fact]
    public void Training_cutout_zeroes_one_square_per_image()
    {
        using var scope = NewDisposeScope();
        var white = full([16, 3, 32, 32], 255, ScalarType.Byte);
        var output = new BatchAugmenter(Identity(cutout: 16)).Apply(white, seed: 8, CPU, train: true);

        for (var i = 0; i < 16; i++)
        {
            var hole = output[i, 0].eq(0);
            var rows = hole.any(1).count_nonzero().item<long>();
            var cols = hole.any(0).count_nonzero().item<long>();
            Assert.InRange(rows, 8, 16);
            Assert.InRange(cols, 8, 16);
            Assert.Equal(rows * cols, hole.count_nonzero().item<long>());
            Assert.True(output[i].eq(0).all(0).Equals(hole), "the hole must cover every channel");
        }
    }

    [Fact]
    public void Resize_gives_the_requested_size()
    {
        using var scope = NewDisposeScope();
        var grey = full([2, 3, 32, 32], 51, ScalarType.Byte);
        var output = new BatchAugmenter(Identity(resize: 64)).Apply(grey, seed: 0, CPU, train: false);

        Assert.Equal([2L, 3, 64, 64], output.shape);
        Assert.True(output.allclose(full([2, 3, 64, 64], 0.2f)));
    }
}
