using PcDarts.Engine.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Interop;

/// <summary>An evaluation network's logits for a batch of images, in eval mode (BN running statistics, no drop-path, no tower).</summary>
public static class Prediction
{
    /// <param name="images">N×C×H×W values in C order, already normalised as in training.</param>
    /// <returns>N×classes logits in C order.</returns>
    public static float[] Logits(EvalNetwork network, float[] images, long[] shape, int batchSize = 64)
    {
        if (shape.Length != 4)
            throw new ArgumentException($"images must be N×C×H×W, got shape ({string.Join(", ", shape)})", nameof(shape));
        if (shape[1] != network.Options.InputChannels)
            throw new ArgumentException($"images have {shape[1]} channels, the network reads {network.Options.InputChannels}", nameof(shape));
        var (count, perImage, classes) = (shape[0], shape[1] * shape[2] * shape[3], network.Options.Classes);
        var device = network.parameters().First().device;
        var logits = new float[count * classes];
        network.eval();
        using var _ = no_grad();
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var size = Math.Min(batchSize, count - start);
            var batch = tensor(images.AsSpan((int)(start * perImage), (int)(size * perImage)).ToArray(), [size, shape[1], shape[2], shape[3]]);
            var (output, _) = network.call(batch.to(device));
            output.cpu().data<float>().CopyTo(logits, (int)(start * classes));
        }
        return logits;
    }
}
