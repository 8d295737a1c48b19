using PcDarts.Core.Genotypes;
using PcDarts.Engine.Operations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Evaluation;

/// <summary>
/// A cell of the evaluation network built from a genotype (DARTS model.py): each intermediate node adds the outputs of
/// its two kept edges, each edge one operation with affine BN; the output concatenates the genotype's concat nodes.
/// </summary>
public sealed class EvalCell : nn.Module<Tensor, Tensor, double, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> preprocess0;
    private readonly nn.Module<Tensor, Tensor> preprocess1;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> ops;
    private readonly int[] inputs;
    private readonly int[] concat;

    /// <param name="genotype">The architecture; its cell of this kind is built.</param>
    /// <param name="prevPrevChannels">Channels of the output of the cell two back.</param>
    /// <param name="prevChannels">Channels of the output of the previous cell.</param>
    /// <param name="channels">Channels of each node.</param>
    /// <param name="reduction">A reduction cell: stride 2 on the edges reading the two inputs.</param>
    /// <param name="reductionPrev">The previous cell reduced, so the input two back is factorized down.</param>
    public EvalCell(Genotype genotype, int prevPrevChannels, int prevChannels, int channels, bool reduction, bool reductionPrev)
        : base(nameof(EvalCell))
    {
        ArgumentNullException.ThrowIfNull(genotype);
        Reduction = reduction;
        var kind = reduction ? CellKind.Reduce : CellKind.Normal;
        preprocess0 = reductionPrev
            ? new FactorizedReduce(prevPrevChannels, channels, affine: true)
            : new ReLUConvBN(prevPrevChannels, channels, 1, 1, 0, affine: true);
        preprocess1 = new ReLUConvBN(prevChannels, channels, 1, 1, 0, affine: true);
        ops = new ModuleList<nn.Module<Tensor, Tensor>>();
        foreach (var edge in genotype.Edges(kind))
            ops.Add(OperationTable.Create(edge.Op, channels, reduction && edge.Input < 2 ? 2 : 1, affine: true));
        inputs = genotype.Edges(kind).Select(e => e.Input).ToArray();
        concat = genotype.Concat(kind).ToArray();
        OutputChannels = concat.Length * channels;
        RegisterComponents();
    }

    public bool Reduction { get; }

    /// <summary>The generator drop-path draws from; set by the network before each forward.</summary>
    public Generator? DropPathGenerator { get; set; }

    /// <summary>Concat length × channels: what the next cells read.</summary>
    public int OutputChannels { get; }

    /// <param name="dropPathProbability">Applied in training mode only, never to identity edges (DARTS).</param>
    public override Tensor forward(Tensor s0, Tensor s1, double dropPathProbability)
    {
        // Intermediates live until the cell returns; only the output leaves (autograd keeps what backward needs).
        using var scope = torch.NewDisposeScope();
        var states = new Tensor[2 + ops.Count / Genotype.EdgesPerNode];
        states[0] = preprocess0.call(s0);
        states[1] = preprocess1.call(s1);
        var drop = training && dropPathProbability > 0;
        for (var node = 0; node < ops.Count / Genotype.EdgesPerNode; node++)
        {
            var first = Edge(2 * node, states, drop, dropPathProbability);
            var second = Edge(2 * node + 1, states, drop, dropPathProbability);
            states[node + 2] = first.add(second);
        }
        var outputs = new Tensor[concat.Length];
        for (var i = 0; i < concat.Length; i++) outputs[i] = states[concat[i]];
        return torch.cat(outputs, 1).MoveToOuterDisposeScope();
    }

    private Tensor Edge(int index, Tensor[] states, bool drop, double probability)
    {
        var op = ops[index];
        var y = op.call(states[inputs[index]]);
        return drop && op is not Operations.Identity ? DropPath.Apply(y, probability, DropPathGenerator) : y;
    }
}
