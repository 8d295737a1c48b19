using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Evaluation;

/// <summary>
/// Drop-path (docs/pc-darts.md §5): zeroes the whole output of an op for a sample with probability p and scales the
/// surviving samples by 1/(1 − p), so the expected output is unchanged. The caller decides when it applies
/// (training mode, p &gt; 0, not on identity edges), as DARTS' cell does.
/// </summary>
public static class DropPath
{
    /// <param name="generator">Where the draws come from: a run's own CPU generator keeps runs reproducible even when
    /// other work in the process draws random numbers too; null uses torch's global generator.</param>
    public static Tensor Apply(Tensor x, double probability, Generator? generator = null)
    {
        if (probability <= 0) return x;
        if (probability >= 1) throw new ArgumentOutOfRangeException(nameof(probability), probability, "drop-path probability must be below 1");
        var keep = 1 - probability;
        // One Bernoulli draw per sample, broadcast over channels and pixels; scaling the small mask, not x.
        var mask = generator is null
            ? torch.empty([x.shape[0], 1, 1, 1], dtype: x.dtype, device: x.device).bernoulli_(keep)
            : torch.empty([x.shape[0], 1, 1, 1], dtype: x.dtype).bernoulli_(keep, generator).to(x.device);
        mask.div_(keep);
        return x.mul(mask);
    }
}
