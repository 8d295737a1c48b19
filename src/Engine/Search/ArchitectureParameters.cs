using PcDarts.Core.Genotypes;
using PcDarts.Core.Search;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// α (edges × primitives) and β (edges) of the normal and reduction cells. Deliberately not a Module: a Parameter
/// field of a Module becomes one of its parameters, and α, β must stay out of the weight optimizer (docs/pc-darts.md §4:
/// they have their own Adam), as DARTS keeps arch_parameters() apart.
/// </summary>
public sealed class ArchitectureParameters : IDisposable
{
    /// <param name="nodes">Intermediate nodes per cell (3–5).</param>
    /// <param name="device">Where the parameters live; the network's device.</param>
    /// <param name="generator">Optional random source for the 1e-3·N(0,1) initialisation.</param>
    /// <param name="dtype">The parameters' element type; float64 serves the equivalence checks that need exact arithmetic.
    /// The initial values are drawn in float32 either way, so one generator gives the same α and β in both.</param>
    public ArchitectureParameters(int nodes, Device device, Generator? generator = null, ScalarType dtype = ScalarType.Float32)
    {
        if (nodes is < SearchSpace.MinNodes or > SearchSpace.MaxNodes)
            throw new ArgumentOutOfRangeException(nameof(nodes), nodes, $"nodes must be {SearchSpace.MinNodes}–{SearchSpace.MaxNodes}");
        Nodes = nodes;
        Edges = SearchSpace.EdgeCount(nodes);
        AlphasNormal = Initial([Edges, Operations], device, generator, dtype);
        AlphasReduce = Initial([Edges, Operations], device, generator, dtype);
        BetasNormal = Initial([Edges], device, generator, dtype);
        BetasReduce = Initial([Edges], device, generator, dtype);
        All = [AlphasNormal, AlphasReduce, BetasNormal, BetasReduce];
    }

    public static int Operations => SearchSpace.Primitives.Count;
    public int Nodes { get; }
    public int Edges { get; }
    public Parameter AlphasNormal { get; }
    public Parameter AlphasReduce { get; }
    public Parameter BetasNormal { get; }
    public Parameter BetasReduce { get; }

    /// <summary>α normal, α reduce, β normal, β reduce: what the architecture optimizer steps.</summary>
    public IReadOnlyList<Parameter> All { get; }

    /// <summary>softmax(α) per edge: edges × primitives.</summary>
    public Tensor OperationWeights(bool reduction) => (reduction ? AlphasReduce : AlphasNormal).softmax(-1);

    /// <summary>β normalized over the edges entering each node (docs/pc-darts.md §3): one weight per edge.</summary>
    public Tensor EdgeWeights(bool reduction) => NormalizeEdges(reduction ? BetasReduce : BetasNormal, Nodes);

    /// <summary>The per-node softmax of β, written once for both cell types.</summary>
    public static Tensor NormalizeEdges(Tensor betas, int nodes)
    {
        var parts = new Tensor[nodes];
        for (var node = 0; node < nodes; node++)
            parts[node] = betas.narrow(0, SearchSpace.FirstEdgeOf(node), node + 2).softmax(0);
        return torch.cat(parts, 0);
    }

    /// <summary>A copy of the raw (unnormalized) values, for checkpoints and genotype derivation.</summary>
    public ArchitectureWeights Snapshot() => new(Rows(AlphasNormal), Rows(AlphasReduce), Flat(BetasNormal), Flat(BetasReduce));

    /// <summary>Overwrites the values in place, so an optimizer holding these parameters keeps working.</summary>
    public void Load(ArchitectureWeights snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Copy(AlphasNormal, snapshot.AlphasNormal, nameof(snapshot.AlphasNormal));
        Copy(AlphasReduce, snapshot.AlphasReduce, nameof(snapshot.AlphasReduce));
        if (snapshot.BetasNormal is null || snapshot.BetasReduce is null)
            throw new ArgumentException("a search's α/β must include betasNormal and betasReduce", nameof(snapshot));
        Copy(BetasNormal, snapshot.BetasNormal, nameof(snapshot.BetasNormal));
        Copy(BetasReduce, snapshot.BetasReduce, nameof(snapshot.BetasReduce));
    }

    public void Dispose()
    {
        foreach (var parameter in All) parameter.Dispose();
    }

    private static Parameter Initial(long[] shape, Device device, Generator? generator, ScalarType dtype)
    {
        using var noGrad = torch.no_grad();
        var values = torch.randn(shape, device: device, generator: generator).mul_(1e-3).to(dtype);
        // The network outlives any dispose scope it is built in.
        return (Parameter)new Parameter(values).DetachFromDisposeScope();
    }

    private float[][] Rows(Tensor alphas)
    {
        var flat = Flat(alphas);
        return Enumerable.Range(0, Edges).Select(e => flat.AsSpan(e * Operations, Operations).ToArray()).ToArray();
    }

    private static float[] Flat(Tensor t)
    {
        using var scope = torch.NewDisposeScope();
        return t.detach().cpu().to(ScalarType.Float32).data<float>().ToArray();
    }

    private void Copy(Tensor target, float[][] rows, string name)
    {
        if (rows.Length != Edges || rows.Any(r => r.Length != Operations))
            throw new ArgumentException($"{name} must be {Edges} rows of {Operations} values", name);
        Copy(target, rows.SelectMany(r => r).ToArray(), name, [Edges, Operations]);
    }

    private void Copy(Tensor target, float[] values, string name, long[]? shape = null)
    {
        if (shape is null && values.Length != Edges)
            throw new ArgumentException($"{name} must have {Edges} values", name);
        target.copy_(torch.tensor(values, shape ?? [Edges]));
    }
}

