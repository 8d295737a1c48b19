using PcDarts.Core.Randomness;
using PcDarts.Core.Specs;
using static TorchSharp.torch;

namespace PcDarts.Engine.Data;

/// <summary>
/// A small learnable data set made on the spot, for tests and smoke runs where no real data exists.
/// Each class has a prototype (a background colour and three coloured rectangles); a sample is its
/// class prototype plus uniform pixel noise. Prototypes depend only on the seed, samples on
/// (seed, split), so train and test splits of one seed share classes but not images.
/// Integer arithmetic only: the bytes are identical on every machine.
/// </summary>
public static class SyntheticDataset
{
    private const int RectanglesPerClass = 3;
    private const int NoiseAmplitude = 40;

    public static ImageDataset Create(int count, int channels, int size, int classes, int seed, DatasetSplit split = DatasetSplit.Train)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 4);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);

        var prototypes = Prototypes(channels, size, classes, seed);
        var rng = new SplitMix64(SplitMix64.Derive(seed, split == DatasetSplit.Train ? 1 : 2));
        var labels = BalancedLabels(count, classes, rng);
        var imageBytes = channels * size * size;
        var pixels = new byte[checked((long)count * imageBytes)];
        for (var i = 0; i < count; i++)
        {
            var prototype = prototypes.AsSpan((int)labels[i] * imageBytes, imageBytes);
            var image = pixels.AsSpan(i * imageBytes, imageBytes);
            for (var p = 0; p < imageBytes; p++)
                image[p] = (byte)Math.Clamp(prototype[p] + rng.NextInt(-NoiseAmplitude, NoiseAmplitude), 0, 255);
        }

        using var scope = NewDisposeScope();
        var images = tensor(pixels, [count, channels, size, size], ScalarType.Byte);
        var names = Enumerable.Range(0, classes).Select(c => $"class {c}").ToList();
        return new ImageDataset(DatasetNames.Synthetic, images, tensor(labels), classes, names);
    }

    /// <summary>Class prototypes, C×H×W bytes each, back to back.</summary>
    private static byte[] Prototypes(int channels, int size, int classes, int seed)
    {
        var rng = new SplitMix64(SplitMix64.Derive(seed, 0));
        var plane = size * size;
        var prototypes = new byte[classes * channels * plane];
        for (var k = 0; k < classes; k++)
        {
            var prototype = prototypes.AsSpan(k * channels * plane, channels * plane);
            for (var c = 0; c < channels; c++)
                prototype.Slice(c * plane, plane).Fill((byte)rng.NextInt(256));
            for (var r = 0; r < RectanglesPerClass; r++)
            {
                var h = rng.NextInt(size / 4, size / 2);
                var w = rng.NextInt(size / 4, size / 2);
                var top = rng.NextInt(size - h + 1);
                var left = rng.NextInt(size - w + 1);
                for (var c = 0; c < channels; c++)
                {
                    var colour = (byte)rng.NextInt(256);
                    for (var y = top; y < top + h; y++)
                        prototype.Slice(c * plane + y * size + left, w).Fill(colour);
                }
            }
        }
        return prototypes;
    }

    /// <summary>Every class equally often (±1), in a seeded random order.</summary>
    private static long[] BalancedLabels(int count, int classes, SplitMix64 rng)
    {
        var labels = new long[count];
        for (var i = 0; i < count; i++) labels[i] = i % classes;
        for (var i = count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }
        return labels;
    }
}
