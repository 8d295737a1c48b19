using static TorchSharp.torch;

namespace PcDarts.Engine.Data;

/// <summary>Per-channel mean and standard deviation of a uint8 N×C×H×W tensor, on the 0..1 scale.</summary>
internal static class ChannelStats
{
    /// <summary>Images per chunk: converting the whole of CIFAR-10 to float64 at once would need 1.2 GB.</summary>
    private const int ChunkSize = 2048;

    public static (float[] Mean, float[] Std) Compute(Tensor images)
    {
        using var scope = NewDisposeScope();
        var n = images.shape[0];
        var channels = (int)images.shape[1];
        var sum = zeros(channels, dtype: ScalarType.Float64);
        var sumSquares = zeros(channels, dtype: ScalarType.Float64);
        for (long start = 0; start < n; start += ChunkSize)
        {
            using var chunkScope = NewDisposeScope();
            var chunk = images.narrow(0, start, Math.Min(ChunkSize, n - start)).to(ScalarType.Float64).div_(255.0);
            sum.add_(chunk.sum([0, 2, 3]));
            sumSquares.add_(chunk.square().sum([0, 2, 3]));
        }

        var pixels = (double)n * images.shape[2] * images.shape[3];
        var mean = sum.div(pixels);
        var variance = sumSquares.div(pixels).sub(mean.square()).clamp_min(0.0);
        return (ToFloats(mean), ToFloats(variance.sqrt()));
    }

    private static float[] ToFloats(Tensor t) => t.to(ScalarType.Float32).data<float>().ToArray();
}
