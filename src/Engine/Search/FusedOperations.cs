using PcDarts.Engine.Operations;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>sep_conv_k×k of every edge of a level, on the edges' stacked rectified heads (see <see cref="SepConv"/>).</summary>
internal sealed class FusedSepConv(SepConv[] edges)
{
    private readonly FusedConv depthwise1 = new(edges.Select(e => e.Layers.Depthwise1).ToArray(), depthwise: true);
    private readonly FusedConv pointwise1 = new(edges.Select(e => e.Layers.Pointwise1).ToArray(), depthwise: false);
    private readonly FusedBatchNorm norm1 = new(edges.Select(e => e.Layers.Norm1).ToArray());
    private readonly FusedConv depthwise2 = new(edges.Select(e => e.Layers.Depthwise2).ToArray(), depthwise: true);
    private readonly FusedConv pointwise2 = new(edges.Select(e => e.Layers.Pointwise2).ToArray(), depthwise: false);
    private readonly FusedBatchNorm norm2 = new(edges.Select(e => e.Layers.Norm2).ToArray());

    /// <param name="scale">Per output channel, the edge's architecture weight for this op (see <see cref="FusedBatchNorm.Apply"/>).</param>
    public Tensor Forward(Tensor rectified, bool training, Tensor scale)
    {
        using var scope = torch.NewDisposeScope();
        var y = norm1.Apply(pointwise1.Apply(depthwise1.Apply(rectified)), training);
        return norm2.Apply(pointwise2.Apply(depthwise2.Apply(nn.functional.relu(y, inplace: true))), training, scale).MoveToOuterDisposeScope();
    }
}

/// <summary>dil_conv_k×k of every edge of a level (see <see cref="DilConv"/>).</summary>
internal sealed class FusedDilConv(DilConv[] edges)
{
    private readonly FusedConv depthwise = new(edges.Select(e => e.Layers.Depthwise).ToArray(), depthwise: true);
    private readonly FusedConv pointwise = new(edges.Select(e => e.Layers.Pointwise).ToArray(), depthwise: false);
    private readonly FusedBatchNorm norm = new(edges.Select(e => e.Layers.Norm).ToArray());

    /// <param name="scale">Per output channel, the edge's architecture weight for this op (see <see cref="FusedBatchNorm.Apply"/>).</param>
    public Tensor Forward(Tensor rectified, bool training, Tensor scale)
    {
        using var scope = torch.NewDisposeScope();
        return norm.Apply(pointwise.Apply(depthwise.Apply(rectified)), training, scale).MoveToOuterDisposeScope();
    }
}

/// <summary>skip_connect at stride 2 of every edge of a level (see <see cref="FactorizedReduce"/>).</summary>
internal sealed class FusedReduce(FactorizedReduce[] edges)
{
    private readonly FusedConv conv1 = new(edges.Select(e => e.Layers.Conv1).ToArray(), depthwise: false);
    private readonly FusedConv conv2 = new(edges.Select(e => e.Layers.Conv2).ToArray(), depthwise: false);
    private readonly FusedBatchNorm norm = new(edges.Select(e => e.Layers.Norm).ToArray());

    /// <param name="scale">Per output channel, the edge's architecture weight for this op (see <see cref="FusedBatchNorm.Apply"/>).</param>
    public Tensor Forward(Tensor rectified, bool training, Tensor scale)
    {
        using var scope = torch.NewDisposeScope();
        var shifted = rectified.narrow(2, 1, rectified.shape[2] - 1).narrow(3, 1, rectified.shape[3] - 1);
        var first = conv1.Apply(rectified);
        var second = conv2.Apply(shifted);
        // Per edge, its conv1 half then its conv2 half, as FactorizedReduce concatenates them.
        long batch = first.shape[0], height = first.shape[2], width = first.shape[3], half = first.shape[1] / edges.Length;
        var joined = torch.cat([first.view(batch, edges.Length, half, height, width), second.view(batch, edges.Length, half, height, width)], 2);
        return norm.Apply(joined.view(batch, -1, height, width), training, scale).MoveToOuterDisposeScope();
    }
}
