using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// The non-affine BNs of one layer slot over all edges of a level, applied to the edges' stacked channels in one
/// call. BN is per channel, so this is each edge's BN. The running statistics stay the edges' own buffers: each
/// edge's running_mean/running_var becomes a slice of one level-wide buffer, which the fused call updates in place,
/// so checkpoints, names and eval mode see exactly what per-edge BNs would hold.
/// </summary>
internal sealed class FusedBatchNorm(BatchNorm2d[] edgeNorms)
{
    private readonly Tensor?[] boundMeans = new Tensor?[edgeNorms.Length];
    private readonly Tensor?[] boundVariances = new Tensor?[edgeNorms.Length];
    private Tensor? mean;
    private Tensor? variance;

    /// <param name="scale">Per channel, a factor the normalized value is multiplied by, or null for none. The
    /// architecture weight of each edge's op goes here: w·BN(z) is BN(z) with γ = w, whose backward recomputes the
    /// normalized values from the input BN keeps anyway, where a product after the BN would keep its output as well.</param>
    public Tensor Apply(Tensor x, bool training, Tensor? scale = null)
    {
        BindRunningStatistics();
        var norm = edgeNorms[0];
        return nn.functional.batch_norm(x, mean, variance, scale, null, training, norm.momentum ?? 0.1, norm.eps);
    }

    /// <summary>
    /// The same BN for <paramref name="targets"/> groups of edges that all see the same input (a pooling of the
    /// level's inputs): computed once on that input with the first group's statistics, which are then copied to the
    /// other groups, whose per-edge BNs would have received exactly the same update.
    /// </summary>
    /// <param name="x">Batch × (edges / targets · C/K) × H × W: one group's input.</param>
    public Tensor ApplyShared(Tensor x, int targets, bool training)
    {
        BindRunningStatistics();
        var norm = edgeNorms[0];
        var groupSize = mean!.shape[0] / targets;
        if (!training || targets == 1)
            return nn.functional.batch_norm(x, mean.narrow(0, 0, groupSize), variance!.narrow(0, 0, groupSize), null, null,
                training, norm.momentum ?? 0.1, norm.eps);
        // Updated on copies: the BN's backward checks that the statistics it was given are not modified afterwards.
        using var scope = torch.NewDisposeScope();
        Tensor groupMean, groupVariance;
        using (torch.no_grad())
        {
            groupMean = mean.narrow(0, 0, groupSize).clone();
            groupVariance = variance!.narrow(0, 0, groupSize).clone();
        }
        var y = nn.functional.batch_norm(x, groupMean, groupVariance, null, null, training, norm.momentum ?? 0.1, norm.eps);
        using (torch.no_grad())
        {
            mean.view(targets, groupSize).copy_(groupMean);
            variance.view(targets, groupSize).copy_(groupVariance);
        }
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// (Re)binds whenever an edge's buffer is not the slice handed to it: on first use, and after anything replaced
    /// the buffers (moving the module to another device, loading a state dict).
    /// </summary>
    private void BindRunningStatistics()
    {
        var bound = true;
        for (var e = 0; e < edgeNorms.Length && bound; e++)
            bound = ReferenceEquals(edgeNorms[e].running_mean, boundMeans[e]) && ReferenceEquals(edgeNorms[e].running_var, boundVariances[e]);
        if (bound) return;
        using var noGrad = torch.no_grad();
        mean?.Dispose();
        variance?.Dispose();
        mean = torch.cat(edgeNorms.Select(n => n.running_mean!).ToArray(), 0).DetachFromDisposeScope();
        variance = torch.cat(edgeNorms.Select(n => n.running_var!).ToArray(), 0).DetachFromDisposeScope();
        long offset = 0;
        for (var e = 0; e < edgeNorms.Length; e++)
        {
            var size = edgeNorms[e].running_mean!.shape[0];
            edgeNorms[e].running_mean = boundMeans[e] = mean.narrow(0, offset, size);
            edgeNorms[e].running_var = boundVariances[e] = variance.narrow(0, offset, size);
            offset += size;
        }
    }
}
