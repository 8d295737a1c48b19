using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// The num_batches_tracked of every BN a fused cell runs once per pass, counted in one call: each BN's counter becomes
/// an element of one cell-wide buffer, so checkpoints hold what per-edge BNs would count. One call per cell, not one
/// per BN: the process's peak memory grew by hundreds of MiB with an increment per fused BN.
/// </summary>
internal sealed class BatchCounter(BatchNorm2d[] norms)
{
    private static readonly Scalar One = 1.ToScalar();

    private readonly Tensor?[] bound = new Tensor?[norms.Length];
    private Tensor? counts;

    public void Count()
    {
        Bind();
        using var noGrad = torch.no_grad();
        counts?.add_(One);
    }

    /// <summary>(Re)binds when a counter is not the element handed to it: on first use, after a move or a load.</summary>
    private void Bind()
    {
        var isBound = true;
        for (var n = 0; n < norms.Length && isBound; n++)
            isBound = ReferenceEquals(norms[n].num_batches_tracked, bound[n]);
        if (isBound) return;
        using var noGrad = torch.no_grad();
        counts?.Dispose();
        counts = null;
        // Null only on BNs that track no statistics.
        if (norms.Length == 0 || norms.Any(n => n.num_batches_tracked is null)) return;
        counts = torch.stack(norms.Select(n => n.num_batches_tracked!).ToArray()).DetachFromDisposeScope();
        for (var n = 0; n < norms.Length; n++)
            norms[n].num_batches_tracked = bound[n] = counts[n];
    }
}
