namespace PcDarts.Core.Genotypes;

public enum DiagramNodeRole
{
    Input,
    Intermediate,
    Output,
}

/// <summary>A box of the cell drawing. <see cref="Layer"/> is its column (longest path from the inputs), <see cref="Row"/> its place in that column.</summary>
public sealed record DiagramNode(string Id, DiagramNodeRole Role, int Layer, int Row);

/// <summary>
/// An arrow of the cell drawing: a kept genotype edge (<see cref="Op"/>, <see cref="Node"/>, <see cref="Slot"/> set)
/// or an unlabelled concat edge into c_{k} (all three null).
/// </summary>
public sealed record DiagramEdge(string From, string To, string? Op, int? Node, int? Slot)
{
    public bool IsConcat => Op is null;
}

/// <summary>
/// The graph DARTS' plot_genotype draws for one cell: inputs c_{k-2} and c_{k-1}, intermediate nodes 0..n-1, output c_{k},
/// laid out in left-to-right layers. Pure data, so the web page and <see cref="ToSvg"/> draw the same thing.
/// </summary>
public sealed class CellDiagram
{
    public const string PreviousPrevious = "c_{k-2}";
    public const string Previous = "c_{k-1}";
    public const string Output = "c_{k}";

    private CellDiagram(CellKind kind, IReadOnlyList<DiagramNode> nodes, IReadOnlyList<DiagramEdge> edges)
    {
        Kind = kind;
        Nodes = nodes;
        Edges = edges;
    }

    public CellKind Kind { get; }
    public IReadOnlyList<DiagramNode> Nodes { get; }
    /// <summary>The genotype's edges in its order, then the concat edges in concat order.</summary>
    public IReadOnlyList<DiagramEdge> Edges { get; }
    public int Layers => Nodes.Max(n => n.Layer) + 1;

    /// <summary>The drawing's id for a genotype input index: 0 and 1 are the cell inputs, 2.. the intermediate nodes 0..</summary>
    public static string NodeId(int input) => input switch
    {
        0 => PreviousPrevious,
        1 => Previous,
        _ => (input - 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static CellDiagram Build(Genotype genotype, CellKind kind)
    {
        ArgumentNullException.ThrowIfNull(genotype);
        var genes = genotype.Edges(kind);
        var layers = new int[genotype.Nodes + 2];
        for (var node = 0; node < genotype.Nodes; node++)
        {
            var a = genes[Genotype.EdgesPerNode * node].Input;
            var b = genes[Genotype.EdgesPerNode * node + 1].Input;
            layers[node + 2] = 1 + Math.Max(layers[a], layers[b]);
        }
        var outputLayer = layers.Max() + 1;

        var nodes = new List<DiagramNode>();
        var rows = new Dictionary<int, int>();
        int NextRow(int layer) => rows[layer] = rows.GetValueOrDefault(layer, -1) + 1;
        for (var i = 0; i < layers.Length; i++)
        {
            var role = i < 2 ? DiagramNodeRole.Input : DiagramNodeRole.Intermediate;
            nodes.Add(new DiagramNode(NodeId(i), role, layers[i], NextRow(layers[i])));
        }
        nodes.Add(new DiagramNode(Output, DiagramNodeRole.Output, outputLayer, 0));

        var edges = new List<DiagramEdge>();
        for (var i = 0; i < genes.Count; i++)
        {
            var node = i / Genotype.EdgesPerNode;
            edges.Add(new DiagramEdge(NodeId(genes[i].Input), NodeId(node + 2), genes[i].Op, node, i % Genotype.EdgesPerNode));
        }
        foreach (var c in genotype.Concat(kind))
            edges.Add(new DiagramEdge(NodeId(c), Output, null, null, null));
        return new CellDiagram(kind, nodes, edges);
    }

    /// <summary>A standalone SVG of one cell; <paramref name="highlight"/> holds (node, slot) pairs to draw bold, e.g. a diff's changes.</summary>
    public static string ToSvg(Genotype genotype, CellKind kind, ISet<(int Node, int Slot)>? highlight = null) =>
        CellDiagramSvg.Render(Build(genotype, kind), highlight);
}
