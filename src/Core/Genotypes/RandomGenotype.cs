using PcDarts.Core.Randomness;
using PcDarts.Core.Search;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// The random-search baseline's architecture: each node reads two distinct predecessors chosen uniformly, each edge an op
/// chosen uniformly from the seven non-<c>none</c> primitives. A seed names the same genotype on every machine and .NET version.
/// </summary>
public static class RandomGenotype
{
    public static Genotype Sample(int seed, int nodes = 4)
    {
        if (nodes is < SearchSpace.MinNodes or > SearchSpace.MaxNodes)
            throw new ArgumentOutOfRangeException(nameof(nodes), nodes, $"expected {SearchSpace.MinNodes} to {SearchSpace.MaxNodes} intermediate nodes");
        var rng = new SplitMix64(unchecked((ulong)seed));
        var normal = SampleCell(rng, nodes);
        var reduce = SampleCell(rng, nodes);
        return new Genotype(normal, reduce);
    }

    // Draw order per node (part of the seed contract): first input, second input, first op, second op.
    private static List<GenotypeEdge> SampleCell(SplitMix64 rng, int nodes)
    {
        var ops = SearchSpace.Primitives.Where(p => p != SearchSpace.None).ToArray();
        var edges = new List<GenotypeEdge>(nodes * Genotype.EdgesPerNode);
        for (var node = 0; node < nodes; node++)
        {
            var predecessors = node + 2;
            var first = rng.NextInt(predecessors);
            var second = rng.NextInt(predecessors - 1);
            if (second >= first) second++;
            edges.Add(new GenotypeEdge(ops[rng.NextInt(ops.Length)], first));
            edges.Add(new GenotypeEdge(ops[rng.NextInt(ops.Length)], second));
        }
        return edges;
    }
}
