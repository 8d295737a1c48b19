using PcDarts.Core.Search;
using PcDarts.Engine.Operations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// The partial-channel mixed op of one edge (docs/pc-darts.md §2): the first C/K channels go through every primitive
/// (built for C/K channels, non-affine BN), weighted by softmax(α) of the edge; the other channels bypass it — max
/// pooled 2×2 at stride 2 — and the concatenation is channel-shuffled with K groups. K = 1 is the DARTS mixed op.
/// </summary>
/// <remarks>
/// Channel sampling is deterministic (always the first C/K channels), as in the authors' published code (§8).
/// The `none` op is built but not evaluated: its output is zero, so skipping it changes neither the sum nor any
/// gradient (∂/∂w_none of w_none·0 is 0), and it saves three operator calls per edge. The ReLU that the conv ops and
/// the factorized reduce start with is computed once per edge (<see cref="IReluFirst"/>).
/// </remarks>
public sealed class MixedOp : nn.Module<Tensor, Tensor, Tensor>
{
    private static readonly int NoneIndex = SearchSpace.IndexOf(SearchSpace.None);
    private static readonly Scalar One = 1.ToScalar();

    private readonly ModuleList<nn.Module<Tensor, Tensor>> ops;
    private readonly int channels;
    private readonly int opChannels;
    private readonly int stride;
    private readonly int k;

    public MixedOp(int channels, int stride, int k) : base(nameof(MixedOp))
    {
        if (k < 1 || channels % k != 0)
            throw new ArgumentException($"K = {k} must divide the channel count C = {channels}", nameof(k));
        this.channels = channels;
        this.stride = stride;
        this.k = k;
        opChannels = channels / k;
        ops = new ModuleList<nn.Module<Tensor, Tensor>>();
        foreach (var primitive in SearchSpace.Primitives)
        {
            var op = OperationTable.Create(primitive, opChannels, stride, affine: false);
            // The authors follow each pooling op with a non-affine BN in the search network only (§8).
            if (primitive is SearchSpace.MaxPool3x3 or SearchSpace.AvgPool3x3)
                op = nn.Sequential(("pool", op), ("bn", nn.BatchNorm2d(opChannels, affine: false)));
            ops.Add(op);
        }
        RegisterComponents();
    }

    /// <summary>The primitives in <see cref="SearchSpace.Primitives"/> order, each built for C/K channels.</summary>
    internal IList<nn.Module<Tensor, Tensor>> Ops => ops;

    /// <param name="x">B×C×H×W.</param>
    /// <param name="weights">softmax(α) of this edge, one weight per primitive.</param>
    public override Tensor forward(Tensor x, Tensor weights) => Forward(x, weights.unbind());

    /// <summary>The same as <see cref="forward"/> with the weights already split into scalars, once per network pass.</summary>
    internal Tensor Forward(Tensor x, ReadOnlySpan<Tensor> weights)
    {
        using var scope = torch.NewDisposeScope();
        var head = k == 1 ? x : x.narrow(1, 0, opChannels);
        Tensor? sum = null, rectified = null;
        for (var o = 0; o < ops.Count; o++)
        {
            if (o == NoneIndex) continue;
            var op = ops[o];
            var y = op is IReluFirst reluFirst
                ? reluFirst.ForwardRectified(rectified ??= nn.functional.relu(head))
                : op.call(head);
            // In place after the first term: mul and addcmul keep their inputs for backward, never their output.
            sum = sum is null ? y.mul(weights[o]) : sum.addcmul_(y, weights[o], One);
        }
        if (k == 1) return sum!.MoveToOuterDisposeScope();
        var bypass = x.narrow(1, opChannels, channels - opChannels);
        if (stride == 2) bypass = nn.functional.max_pool2d(bypass, 2, 2);
        return ChannelShuffle.Apply(torch.cat([sum!, bypass], 1), k).MoveToOuterDisposeScope();
    }
}
