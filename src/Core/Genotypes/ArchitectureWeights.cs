using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PcDarts.Core.Search;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// The architecture parameters of a search as raw (pre-softmax) values: α per edge and primitive, and PC-DARTS' β per edge
/// (docs/pc-darts.md §3; null for plain DARTS). Rows follow the edge order of <see cref="SearchSpace"/>, columns its primitive order.
/// Equality compares the values, not the array references.
/// </summary>
public sealed record ArchitectureWeights
{
    [JsonConstructor]
    public ArchitectureWeights(float[][] alphasNormal, float[][] alphasReduce, float[]? betasNormal = null, float[]? betasReduce = null)
    {
        var nodes = CheckAlphas("alphasNormal", alphasNormal);
        var reduceNodes = CheckAlphas("alphasReduce", alphasReduce);
        if (reduceNodes != nodes)
            throw new ArgumentException($"alphasReduce has {alphasReduce.Length} edges but alphasNormal has {alphasNormal.Length}; both cells must have the same node count");
        CheckBetas("betasNormal", betasNormal, nodes);
        CheckBetas("betasReduce", betasReduce, nodes);
        AlphasNormal = alphasNormal;
        AlphasReduce = alphasReduce;
        BetasNormal = betasNormal;
        BetasReduce = betasReduce;
        Nodes = nodes;
    }

    [JsonPropertyName("alphasNormal")] public float[][] AlphasNormal { get; }
    [JsonPropertyName("alphasReduce")] public float[][] AlphasReduce { get; }
    [JsonPropertyName("betasNormal")] public float[]? BetasNormal { get; }
    [JsonPropertyName("betasReduce")] public float[]? BetasReduce { get; }

    /// <summary>Intermediate nodes per cell, from the edge count (14 edges → 4 nodes).</summary>
    [JsonIgnore] public int Nodes { get; }

    [JsonIgnore] public bool HasBetas => BetasNormal is not null && BetasReduce is not null;

    /// <summary>softmax(α) per edge: the mixed-op weights of each cell (docs/pc-darts.md §1).</summary>
    public (float[][] Normal, float[][] Reduce) SoftmaxAlphas() =>
        (AlphasNormal.Select(row => Softmax(row)).ToArray(), AlphasReduce.Select(row => Softmax(row)).ToArray());

    /// <summary>β softmaxed over each node's incoming edges (docs/pc-darts.md §3). Throws when this search had no β.</summary>
    public (float[] Normal, float[] Reduce) NormalizedBetas()
    {
        if (BetasNormal is null || BetasReduce is null)
            throw new InvalidOperationException("these weights have no betas (betasNormal/betasReduce); edge normalization was off");
        return (NormalizeBetas(BetasNormal, Nodes), NormalizeBetas(BetasReduce, Nodes));
    }

    /// <summary>Softmax over <paramref name="nodes"/> groups: node j's incoming edges [FirstEdgeOf(j), FirstEdgeOf(j + 1)).</summary>
    public static float[] NormalizeBetas(ReadOnlySpan<float> betas, int nodes)
    {
        if (betas.Length != SearchSpace.EdgeCount(nodes))
            throw new ArgumentException($"{betas.Length} betas do not fit a {nodes}-node cell of {SearchSpace.EdgeCount(nodes)} edges");
        var result = new float[betas.Length];
        for (var node = 0; node < nodes; node++)
        {
            var start = SearchSpace.FirstEdgeOf(node);
            var end = SearchSpace.FirstEdgeOf(node + 1);
            Softmax(betas[start..end]).CopyTo(result, start);
        }
        return result;
    }

    /// <summary>Numerically stable softmax, accumulated in double.</summary>
    public static float[] Softmax(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return [];
        double max = values[0];
        foreach (var v in values) max = Math.Max(max, v);
        var exp = new double[values.Length];
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++) sum += exp[i] = Math.Exp(values[i] - max);
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = (float)(exp[i] / sum);
        return result;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The authors' names (model_search.py's `alphas_normal`, …) beside ours: a file exported from their code reads as is.</summary>
    private static readonly (string Authors, string Ours)[] AuthorsNames =
        [("alphas_normal", "alphasNormal"), ("alphas_reduce", "alphasReduce"), ("betas_normal", "betasNormal"), ("betas_reduce", "betasReduce")];

    /// <summary>
    /// Reads <see cref="ToJson"/>'s shape, or the same arrays under the authors' snake_case names; throws
    /// <see cref="JsonException"/> naming the array that does not fit.
    /// </summary>
    public static ArchitectureWeights FromJson(string json)
    {
        try
        {
            if (JsonNode.Parse(json) is JsonObject names)
            {
                foreach (var (authors, ours) in AuthorsNames)
                {
                    if (!names.Remove(authors, out var value)) continue;
                    if (names.ContainsKey(ours)) throw new JsonException($"both {authors} and {ours} are given; keep one");
                    names[ours] = value;
                }
                json = names.ToJsonString();
            }
            return JsonSerializer.Deserialize<ArchitectureWeights>(json, JsonOptions) ?? throw new JsonException("architecture weights cannot be null");
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"invalid architecture weights: {e.Message}", e);
        }
    }

    public bool Equals(ArchitectureWeights? other) =>
        other is not null
        && Same(AlphasNormal, other.AlphasNormal) && Same(AlphasReduce, other.AlphasReduce)
        && Same(BetasNormal, other.BetasNormal) && Same(BetasReduce, other.BetasReduce);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Nodes);
        foreach (var row in AlphasNormal) foreach (var v in row) hash.Add(v);
        return hash.ToHashCode();
    }

    private static bool Same(float[][] a, float[][] b) => a.Length == b.Length && a.Zip(b).All(p => p.First.AsSpan().SequenceEqual(p.Second));

    private static bool Same(float[]? a, float[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static int CheckAlphas(string name, float[][]? alphas)
    {
        if (alphas is null) throw new ArgumentException($"{name} is missing");
        var nodes = NodesFor(alphas.Length)
                    ?? throw new ArgumentException($"{name} has {alphas.Length} edges; expected {ValidEdgeCounts()} (a {SearchSpace.MinNodes}- to {SearchSpace.MaxNodes}-node cell)");
        for (var e = 0; e < alphas.Length; e++)
        {
            var row = alphas[e] ?? throw new ArgumentException($"{name}[{e}] is missing");
            if (row.Length != SearchSpace.Primitives.Count)
                throw new ArgumentException($"{name}[{e}] has {row.Length} values; expected {SearchSpace.Primitives.Count}, one per primitive ({string.Join(", ", SearchSpace.Primitives)})");
            for (var k = 0; k < row.Length; k++)
                if (!float.IsFinite(row[k])) throw new ArgumentException($"{name}[{e}][{k}] is {row[k]}; a diverged search cannot be derived");
        }
        return nodes;
    }

    private static void CheckBetas(string name, float[]? betas, int nodes)
    {
        if (betas is null) return;
        if (betas.Length != SearchSpace.EdgeCount(nodes))
            throw new ArgumentException($"{name} has {betas.Length} values; expected {SearchSpace.EdgeCount(nodes)}, one per edge of the {nodes}-node cell");
        for (var e = 0; e < betas.Length; e++)
            if (!float.IsFinite(betas[e])) throw new ArgumentException($"{name}[{e}] is {betas[e]}; a diverged search cannot be derived");
    }

    /// <summary>The node count whose cell has <paramref name="edges"/> edges, or null.</summary>
    public static int? NodesFor(int edges)
    {
        for (var n = SearchSpace.MinNodes; n <= SearchSpace.MaxNodes; n++)
            if (SearchSpace.EdgeCount(n) == edges) return n;
        return null;
    }

    private static string ValidEdgeCounts() =>
        string.Join(" or ", Enumerable.Range(SearchSpace.MinNodes, SearchSpace.MaxNodes - SearchSpace.MinNodes + 1).Select(SearchSpace.EdgeCount));
}
