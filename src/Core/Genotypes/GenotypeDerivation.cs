using PcDarts.Core.Search;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// Turns architecture weights into a genotype exactly as the authors' <c>Network.genotype()</c> does (model_search.py):
/// per node, rank incoming edges by their strongest non-<c>none</c> weight and keep the top two, strongest first
/// (Python's sorted is stable, so ties keep the lower edge index first); on each kept edge keep the strongest
/// non-<c>none</c> op (a strict '>' scan, so the lower op index wins a tie). With edge normalization each edge's op
/// weights are first multiplied by its node-normalized β, which can change the kept edges but never the kept op (docs/pc-darts.md §3).
/// </summary>
public static class GenotypeDerivation
{
    private static readonly int NoneIndex = SearchSpace.IndexOf(SearchSpace.None);

    /// <summary>From raw α (and β when <paramref name="edgeNormalization"/> is on): softmax, normalize, then derive.</summary>
    public static Genotype Derive(ArchitectureWeights raw, bool edgeNormalization)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var (normal, reduce) = raw.SoftmaxAlphas();
        if (!edgeNormalization) return Derive(normal, reduce, null, null);
        if (!raw.HasBetas)
            throw new ArgumentException("edge normalization needs betasNormal and betasReduce, but these weights have none");
        var (betasNormal, betasReduce) = raw.NormalizedBetas();
        return Derive(normal, reduce, betasNormal, betasReduce);
    }

    /// <summary>
    /// From weights already softmaxed per edge, and optional edge weights already normalized per node
    /// (what the search network computes in its forward pass). The concat is every intermediate node, as the authors'.
    /// </summary>
    public static Genotype Derive(
        IReadOnlyList<IReadOnlyList<float>> normalOpWeights, IReadOnlyList<IReadOnlyList<float>> reduceOpWeights,
        IReadOnlyList<float>? normalEdgeWeights, IReadOnlyList<float>? reduceEdgeWeights) =>
        new(DeriveCell(normalOpWeights, normalEdgeWeights), DeriveCell(reduceOpWeights, reduceEdgeWeights));

    /// <summary>The kept edges of one cell, two per node in node order, strongest first.</summary>
    public static IReadOnlyList<GenotypeEdge> DeriveCell(IReadOnlyList<IReadOnlyList<float>> opWeights, IReadOnlyList<float>? edgeWeights)
    {
        ArgumentNullException.ThrowIfNull(opWeights);
        var nodes = ArchitectureWeights.NodesFor(opWeights.Count)
                    ?? throw new ArgumentException($"{opWeights.Count} edges do not form a {SearchSpace.MinNodes}- to {SearchSpace.MaxNodes}-node cell");
        if (edgeWeights is not null && edgeWeights.Count != opWeights.Count)
            throw new ArgumentException($"{edgeWeights.Count} edge weights for {opWeights.Count} edges");
        var genes = new List<GenotypeEdge>(nodes * Genotype.EdgesPerNode);
        for (var node = 0; node < nodes; node++)
        {
            var start = SearchSpace.FirstEdgeOf(node);
            var inputs = node + 2;
            var weights = new float[inputs][];
            for (var j = 0; j < inputs; j++)
            {
                var row = opWeights[start + j];
                if (row.Count != SearchSpace.Primitives.Count)
                    throw new ArgumentException($"edge {start + j} has {row.Count} op weights; expected {SearchSpace.Primitives.Count}");
                var scale = edgeWeights?[start + j] ?? 1f;
                weights[j] = row.Select(w => w * scale).ToArray();
            }
            // OrderByDescending is a stable sort, like Python's sorted(key=-strength).
            var kept = Enumerable.Range(0, inputs).OrderByDescending(j => Strength(weights[j])).Take(Genotype.EdgesPerNode);
            foreach (var j in kept)
                genes.Add(new GenotypeEdge(SearchSpace.Primitives[BestOp(weights[j])], j));
        }
        return genes;
    }

    private static float Strength(float[] weights)
    {
        var max = float.NegativeInfinity;
        for (var k = 0; k < weights.Length; k++)
            if (k != NoneIndex && weights[k] > max) max = weights[k];
        return max;
    }

    private static int BestOp(float[] weights)
    {
        var best = -1;
        for (var k = 0; k < weights.Length; k++)
            if (k != NoneIndex && (best < 0 || weights[k] > weights[best])) best = k;
        return best;
    }
}
