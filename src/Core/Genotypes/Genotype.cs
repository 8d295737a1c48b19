using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using PcDarts.Core.Search;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// A derived architecture: for each of the normal and reduction cell, two kept edges per intermediate node
/// (in node order) and the nodes concatenated into the cell output. The same value type DARTS' genotypes.py holds,
/// with its text form (<see cref="Parse"/>, <see cref="ToDartsText"/>) and a JSON form (<see cref="ToJson"/>).
/// </summary>
[JsonConverter(typeof(GenotypeJsonConverter))]
public sealed class Genotype : IEquatable<Genotype>
{
    /// <summary>Two edges per intermediate node, as in DARTS' derivation.</summary>
    public const int EdgesPerNode = 2;

    /// <summary>
    /// Longest genotype text (DARTS text or JSON) read at all. A published genotype is about 500 characters; this leaves
    /// room for comments and indentation while keeping pasted or posted text from costing more than a glance to reject.
    /// </summary>
    public const int MaxTextLength = 16_384;

    public Genotype(
        IEnumerable<GenotypeEdge> normal, IEnumerable<int> normalConcat,
        IEnumerable<GenotypeEdge> reduce, IEnumerable<int> reduceConcat)
    {
        ArgumentNullException.ThrowIfNull(normal);
        ArgumentNullException.ThrowIfNull(normalConcat);
        ArgumentNullException.ThrowIfNull(reduce);
        ArgumentNullException.ThrowIfNull(reduceConcat);
        var n = normal.ToArray();
        var nc = normalConcat.ToArray();
        var r = reduce.ToArray();
        var rc = reduceConcat.ToArray();
        var error = ValidateCell("normal", n, nc) ?? ValidateCell("reduce", r, rc);
        if (error is null && n.Length != r.Length)
            error = $"normal has {n.Length / EdgesPerNode} nodes but reduce has {r.Length / EdgesPerNode}; both cells must have the same node count";
        if (error is not null) throw new ArgumentException(error);
        Normal = Array.AsReadOnly(n);
        NormalConcat = Array.AsReadOnly(nc);
        Reduce = Array.AsReadOnly(r);
        ReduceConcat = Array.AsReadOnly(rc);
    }

    /// <summary>A genotype whose cells concatenate every intermediate node, as every PC-DARTS search produces.</summary>
    public Genotype(IEnumerable<GenotypeEdge> normal, IEnumerable<GenotypeEdge> reduce)
        : this(normal.ToArray(), reduce.ToArray())
    {
    }

    private Genotype(GenotypeEdge[] normal, GenotypeEdge[] reduce)
        : this(normal, FullConcat(normal.Length / EdgesPerNode), reduce, FullConcat(normal.Length / EdgesPerNode))
    {
    }

    public IReadOnlyList<GenotypeEdge> Normal { get; }
    public IReadOnlyList<int> NormalConcat { get; }
    public IReadOnlyList<GenotypeEdge> Reduce { get; }
    public IReadOnlyList<int> ReduceConcat { get; }

    /// <summary>Intermediate nodes per cell (4 for the paper's 6-node cell).</summary>
    public int Nodes => Normal.Count / EdgesPerNode;

    public IReadOnlyList<GenotypeEdge> Edges(CellKind kind) => kind == CellKind.Normal ? Normal : Reduce;

    public IReadOnlyList<int> Concat(CellKind kind) => kind == CellKind.Normal ? NormalConcat : ReduceConcat;

    /// <summary>range(2, 2 + nodes): the authors' concat, since their multiplier equals the node count.</summary>
    public static int[] FullConcat(int nodes) => Enumerable.Range(2, Math.Max(nodes, 0)).ToArray();

    /// <summary>Why an edge list and concat cannot form a cell, or null when they can. The message names the cell and the edge.</summary>
    public static string? ValidateCell(string cell, IReadOnlyList<GenotypeEdge> edges, IReadOnlyList<int> concat)
    {
        if (edges.Count % EdgesPerNode != 0)
            return $"{cell} has {edges.Count} edges; a cell needs exactly {EdgesPerNode} per intermediate node";
        var nodes = edges.Count / EdgesPerNode;
        if (nodes is < SearchSpace.MinNodes or > SearchSpace.MaxNodes)
            return $"{cell} has {nodes} intermediate nodes ({edges.Count} edges); expected {SearchSpace.MinNodes} to {SearchSpace.MaxNodes}";
        for (var i = 0; i < edges.Count; i++)
        {
            var error = ValidateEdge(edges[i], i / EdgesPerNode);
            if (error is not null) return $"{cell}[{i}]: {error}";
        }
        return ValidateConcat(cell, concat, nodes);
    }

    /// <summary>Why an edge cannot feed intermediate node <paramref name="node"/> (0-based), or null.</summary>
    public static string? ValidateEdge(GenotypeEdge? edge, int node)
    {
        if (edge is null) return "edge is missing";
        if (edge.Op == SearchSpace.None)
            return $"operation '{SearchSpace.None}' cannot be kept in a genotype (derivation skips it)";
        if (SearchSpace.IndexOf(edge.Op) < 0)
            return $"unknown operation '{edge.Op}'; expected one of {string.Join(", ", SearchSpace.Primitives.Skip(1))}";
        if (edge.Input < 0 || edge.Input >= node + 2)
            return $"input {edge.Input} is not a predecessor of node {node + 2}; expected 0 to {node + 1}";
        return null;
    }

    /// <summary>Why a concat list is invalid for a cell of <paramref name="nodes"/> intermediate nodes, or null.</summary>
    public static string? ValidateConcat(string cell, IReadOnlyList<int> concat, int nodes)
    {
        if (concat.Count == 0) return $"{cell}_concat is empty; the cell output needs at least one node";
        var seen = new HashSet<int>();
        foreach (var c in concat)
        {
            if (c < 2 || c > nodes + 1)
                return $"{cell}_concat holds {c}; expected intermediate nodes 2 to {nodes + 1}";
            if (!seen.Add(c)) return $"{cell}_concat holds {c} twice";
        }
        return null;
    }

    public static Genotype Parse(string text) => DartsTextParser.Parse(text);

    public static bool TryParse(string text, [NotNullWhen(true)] out Genotype? genotype, [NotNullWhen(false)] out string? error)
    {
        try
        {
            genotype = DartsTextParser.Parse(text);
            error = null;
            return true;
        }
        catch (GenotypeFormatException e)
        {
            genotype = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>The DARTS text form, as Python 3 prints the namedtuple (concat as range(a, b) when contiguous).</summary>
    public string ToDartsText() => DartsTextWriter.Write(this);

    public string ToJson() => GenotypeJsonConverter.Serialize(this);

    /// <summary>Reads the JSON form; throws <see cref="System.Text.Json.JsonException"/> naming what is wrong.</summary>
    public static Genotype FromJson(string json) => GenotypeJsonConverter.Deserialize(json);

    /// <summary>
    /// JSON (starts with '{'), DARTS text, or a name from <see cref="PublishedGenotypes"/>.
    /// Throws <see cref="FormatException"/> (a <see cref="GenotypeFormatException"/> for DARTS text) with the reason.
    /// </summary>
    public static Genotype ParseAny(string input) => GenotypeInput.Parse(input);

    public static bool TryParseAny(string input, [NotNullWhen(true)] out Genotype? genotype, [NotNullWhen(false)] out string? error)
        => GenotypeInput.TryParse(input, out genotype, out error);

    public bool Equals(Genotype? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Normal.SequenceEqual(other.Normal) && NormalConcat.SequenceEqual(other.NormalConcat)
                && Reduce.SequenceEqual(other.Reduce) && ReduceConcat.SequenceEqual(other.ReduceConcat)));

    public override bool Equals(object? obj) => Equals(obj as Genotype);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var e in Normal) hash.Add(e);
        foreach (var c in NormalConcat) hash.Add(c);
        hash.Add(-1);
        foreach (var e in Reduce) hash.Add(e);
        foreach (var c in ReduceConcat) hash.Add(c);
        return hash.ToHashCode();
    }

    public static bool operator ==(Genotype? a, Genotype? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(Genotype? a, Genotype? b) => !(a == b);

    public override string ToString() => ToDartsText();
}
