using PcDarts.Core.Search;
using PcDarts.Engine.Operations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// All mixed ops of one <see cref="CellLevel"/> computed together: the edges' C/K-channel heads are stacked along
/// the channel axis, and every primitive is per channel (pooling, ReLU, depthwise convs, non-affine BN) or per edge
/// (pointwise convs as grouped convs), so one call per layer computes that layer for every edge. The result is what
/// the per-edge <see cref="MixedOp"/>s give, summed into their target nodes, before the channel shuffle: the shuffle
/// is a permutation, so the cell shuffles each node once instead of each edge.
/// </summary>
internal sealed class FusedLevel
{
    private static readonly Scalar One = 1.ToScalar();

    private readonly CellLevel level;
    private readonly int channels;
    private readonly int opChannels;
    private readonly int k;
    private readonly FusedBatchNorm maxPoolNorm, avgPoolNorm;
    private readonly FusedReduce? reduce;
    private readonly FusedSepConv sep3, sep5;
    private readonly FusedDilConv dil3, dil5;

    public FusedLevel(CellLevel level, IList<MixedOp> edges, int channels, int k)
    {
        this.level = level;
        this.channels = channels;
        this.k = k;
        opChannels = channels / k;
        var mixed = level.Edges.Select(e => edges[e]).ToArray();
        T[] Each<T>(string primitive) => mixed.Select(m => (T)(object)m.Ops[SearchSpace.IndexOf(primitive)]).ToArray();
        maxPoolNorm = new FusedBatchNorm(Each<nn.Module>(SearchSpace.MaxPool3x3).Select(PoolNorm).ToArray());
        avgPoolNorm = new FusedBatchNorm(Each<nn.Module>(SearchSpace.AvgPool3x3).Select(PoolNorm).ToArray());
        if (level.Stride == 2) reduce = new FusedReduce(Each<FactorizedReduce>(SearchSpace.SkipConnect));
        sep3 = new FusedSepConv(Each<SepConv>(SearchSpace.SepConv3x3));
        sep5 = new FusedSepConv(Each<SepConv>(SearchSpace.SepConv5x5));
        dil3 = new FusedDilConv(Each<DilConv>(SearchSpace.DilConv3x3));
        dil5 = new FusedDilConv(Each<DilConv>(SearchSpace.DilConv5x5));
    }

    /// <returns>Batch × Targets × C × H × W: each target node's share of this level, not yet channel-shuffled.</returns>
    public Tensor Forward(Tensor[] states, LevelWeights weights, bool training)
    {
        using var scope = torch.NewDisposeScope();
        var heads = level.Inputs.Select(i => k == 1 ? states[i] : states[i].narrow(1, 0, opChannels)).ToArray();
        // The level's distinct inputs, once each: the ops without weights (pooling, identity) need no more, since
        // every edge out of one input sees the same values; they broadcast over the targets below.
        var distinct = heads.Length == 1 ? heads[0] : torch.cat(heads, 1);
        var rectifiedOnce = nn.functional.relu(distinct);
        // The conv ops have weights of their own per edge: one copy of the rectified input per target.
        // Concatenated copies rather than repeat, which would lay the copy out channels-first (see ChannelsLast).
        var rectified = level.Targets == 1 ? rectifiedOnce : torch.cat(Enumerable.Repeat(rectifiedOnce, level.Targets).ToArray(), 1);
        var stride = level.Stride;
        var targets = level.Targets;

        Tensor? sum = null;
        // The ops without weights of their own, shared by every target: weighted after the fact, broadcast over targets.
        // The first term is a shared one, so the broadcast makes the sum full size from the start.
        void AddShared(Tensor y, string primitive)
        {
            var edgewise = y.reshape(y.shape[0], 1, level.InputsPerTarget, opChannels, y.shape[2], y.shape[3]);
            var w = weights.Operations[SearchSpace.IndexOf(primitive)];
            // In place after the first term, as in MixedOp: mul and addcmul keep their inputs, never their output.
            sum = sum is null ? edgewise.mul(w) : sum.addcmul_(edgewise, w, One);
        }
        // The conv ops end in a non-affine BN, which takes each edge's weight as its scale: nothing extra is kept.
        void AddScaled(Func<Tensor, Tensor> op, string primitive)
        {
            var y = op(ChannelScale(weights.Operations[SearchSpace.IndexOf(primitive)]));
            sum!.add_(y.view(y.shape[0], targets, level.InputsPerTarget, opChannels, y.shape[2], y.shape[3]));
        }
        // `none` is skipped as in MixedOp: its output is zero.
        AddShared(maxPoolNorm.ApplyShared(nn.functional.max_pool2d(distinct, 3, stride, 1), targets, training), SearchSpace.MaxPool3x3);
        AddShared(avgPoolNorm.ApplyShared(nn.functional.avg_pool2d(distinct, 3, stride, 1, ceil_mode: false, count_include_pad: false), targets, training),
            SearchSpace.AvgPool3x3);
        if (reduce is null) AddShared(distinct, SearchSpace.SkipConnect);
        else AddScaled(scale => reduce.Forward(rectified, training, scale), SearchSpace.SkipConnect);
        AddScaled(scale => sep3.Forward(rectified, training, scale), SearchSpace.SepConv3x3);
        AddScaled(scale => sep5.Forward(rectified, training, scale), SearchSpace.SepConv5x5);
        AddScaled(scale => dil3.Forward(rectified, training, scale), SearchSpace.DilConv3x3);
        AddScaled(scale => dil5.Forward(rectified, training, scale), SearchSpace.DilConv5x5);

        var (batch, height, width) = (sum!.shape[0], sum.shape[4], sum.shape[5]);
        // Each target's edges are summed per part before the parts are joined: the join copies half as much on level 0.
        // An add, not sum(2): a reduction lays its output out channels-first (see ChannelsLast).
        var perTarget = level.InputsPerTarget == 1 ? sum.squeeze(2) : sum.select(2, 0).add(sum.select(2, 1));
        if (k > 1) perTarget = torch.cat([perTarget, Bypass(states, weights, batch, height, width)], 2);
        return perTarget.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Per target, the sum over its edges of the channels past C/K of each edge's input (max pooled at stride 2),
    /// each weighted by β when normalized: Batch × Targets × (C − C/K) × H × W.
    /// </summary>
    private Tensor Bypass(Tensor[] states, LevelWeights weights, long batch, long height, long width)
    {
        var rest = channels - opChannels;
        var parts = level.Inputs.Select(i =>
        {
            var part = states[i].narrow(1, opChannels, rest);
            return level.Stride == 2 ? nn.functional.max_pool2d(part, 2, 2) : part;
        }).ToArray();
        var inputs = level.InputsPerTarget;
        var bypass = (parts.Length == 1 ? parts[0] : torch.cat(parts, 1)).reshape(batch, inputs, rest * height * width);
        // Σ_i β_ti·x_i for every target t at once: Targets × Inputs times Batch × Inputs × (the rest).
        var summed = weights.Bypass is null
            ? bypass.sum(1, keepdim: true).expand(batch, level.Targets, rest * height * width)
            : weights.Bypass.reshape(level.Targets, inputs).matmul(bypass);
        return summed.view(batch, level.Targets, rest, height, width);
    }

    /// <summary>An op's weight on each edge of the level (1×Targets×Inputs×1×1×1), repeated over the edge's C/K channels.</summary>
    private Tensor ChannelScale(Tensor edgeWeights) =>
        edgeWeights.reshape(level.EdgeCount, 1).expand(level.EdgeCount, opChannels).reshape(level.EdgeCount * opChannels);

    private static BatchNorm2d PoolNorm(nn.Module pool) => pool.children().OfType<BatchNorm2d>().Single();
}
