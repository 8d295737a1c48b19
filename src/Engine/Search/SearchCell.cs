using PcDarts.Core.Search;
using PcDarts.Engine.Operations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// A search cell (docs/pc-darts.md §1–3): two preprocessed inputs, then intermediate node j = Σ over its incoming edges of
/// (β-normalized edge weight ×) mixed op output; the output concatenates the intermediate nodes.
/// </summary>
public sealed class SearchCell : nn.Module<Tensor, Tensor, Tensor, Tensor?, Tensor>
{
    private static readonly Scalar One = 1.ToScalar();
    private static readonly int OperationCount = SearchSpace.Primitives.Count;

    private readonly nn.Module<Tensor, Tensor> preprocess0;
    private readonly nn.Module<Tensor, Tensor> preprocess1;
    private readonly ModuleList<MixedOp> edges;
    private readonly int nodes;
    private readonly int k;
    private readonly CellLevel[] levels;
    private readonly FusedLevel[] fusedLevels;
    private readonly BatchCounter edgeBatchCounter;

    /// <param name="nodes">Intermediate nodes (3–5).</param>
    /// <param name="prevPrevChannels">Channels of the output of the cell two back.</param>
    /// <param name="prevChannels">Channels of the output of the previous cell.</param>
    /// <param name="channels">Channels of each node of this cell.</param>
    /// <param name="reduction">Stride 2 on the edges leaving the two inputs.</param>
    /// <param name="reductionPrev">The previous cell reduced, so the cell two back is twice as large.</param>
    /// <param name="k">Partial-channel proportion 1/K.</param>
    public SearchCell(int nodes, int prevPrevChannels, int prevChannels, int channels, bool reduction, bool reductionPrev, int k)
        : base(nameof(SearchCell))
    {
        this.nodes = nodes;
        Reduction = reduction;
        preprocess0 = reductionPrev
            ? new FactorizedReduce(prevPrevChannels, channels, affine: false)
            : new ReLUConvBN(prevPrevChannels, channels, 1, 1, 0, affine: false);
        preprocess1 = new ReLUConvBN(prevChannels, channels, 1, 1, 0, affine: false);
        edges = new ModuleList<MixedOp>();
        for (var node = 0; node < nodes; node++)
            for (var input = 0; input < node + 2; input++)
                edges.Add(new MixedOp(channels, reduction && input < 2 ? 2 : 1, k));
        RegisterComponents();
        this.k = k;
        levels = CellLevel.Of(nodes, reduction);
        fusedLevels = levels.Select(level => new FusedLevel(level, edges, channels, k)).ToArray();
        // Every BN of the mixed ops runs once per pass: `none`, the only op skipped, has none.
        edgeBatchCounter = new BatchCounter(edges.SelectMany(e => e.modules()).OfType<BatchNorm2d>().ToArray());
    }

    public bool Reduction { get; }

    /// <summary>The edges grouped by when their inputs are ready, as the fused forward computes them.</summary>
    public IReadOnlyList<CellLevel> Levels => levels;

    /// <param name="opWeights">softmax(α) of this cell type, edges × primitives.</param>
    /// <param name="edgeWeights">Per-node normalized β, one per edge; null sums the edges plainly (no edge normalization).</param>
    public override Tensor forward(Tensor s0, Tensor s1, Tensor opWeights, Tensor? edgeWeights) =>
        Forward(s0, s1, opWeights.flatten().unbind(), edgeWeights is null ? [] : edgeWeights.unbind());

    /// <summary>
    /// The fast path: the same cell, one level of edges at a time (<see cref="FusedLevel"/>), then one channel
    /// shuffle per node. <see cref="Forward"/> edge by edge is the readable reference it is tested against.
    /// </summary>
    /// <param name="weights">Per level, from <see cref="LevelWeights.Gather"/> over this cell type's α and β.</param>
    internal Tensor ForwardFused(Tensor s0, Tensor s1, LevelWeights[] weights)
    {
        using var scope = torch.NewDisposeScope();
        var states = new Tensor[nodes + 2];
        states[0] = preprocess0.call(s0);
        states[1] = preprocess1.call(s1);
        if (training) edgeBatchCounter.Count();
        Tensor? pending = null;
        for (var level = 0; level < levels.Length; level++)
        {
            var share = fusedLevels[level].Forward(states, weights[level], training);
            // Nodes from this level's first target on; the first of them has now received all its edges.
            pending = pending is null ? share : pending.narrow(1, 1, levels[level].Targets).add(share);
            states[level + 2] = ChannelShuffle.Apply(pending.select(1, 0), k);
        }
        return torch.cat(states.AsSpan(2).ToArray(), 1).MoveToOuterDisposeScope();
    }

    /// <param name="opWeights">The edges × primitives weights as scalars, row-major.</param>
    /// <param name="edgeWeights">One scalar per edge, or empty for the plain sum.</param>
    internal Tensor Forward(Tensor s0, Tensor s1, ReadOnlySpan<Tensor> opWeights, ReadOnlySpan<Tensor> edgeWeights)
    {
        // Intermediates live until the cell returns; only the output leaves (autograd keeps what backward needs).
        using var scope = torch.NewDisposeScope();
        var states = new Tensor[nodes + 2];
        states[0] = preprocess0.call(s0);
        states[1] = preprocess1.call(s1);
        for (var node = 0; node < nodes; node++)
        {
            var first = SearchSpace.FirstEdgeOf(node);
            Tensor? sum = null;
            for (var input = 0; input < node + 2; input++)
            {
                var edge = first + input;
                var y = edges[edge].Forward(states[input], opWeights.Slice(edge * OperationCount, OperationCount));
                if (edgeWeights.IsEmpty)
                    sum = sum is null ? y : input == 1 ? sum.add(y) : sum.add_(y);
                else
                    sum = sum is null ? y.mul(edgeWeights[edge]) : sum.addcmul_(y, edgeWeights[edge], One);
            }
            states[node + 2] = sum!;
        }
        return torch.cat(states.AsSpan(2).ToArray(), 1).MoveToOuterDisposeScope();
    }
}
