using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Studies;

/// <summary>
/// How much the genotypes found with different seeds agree, edge by edge: an edge of the first genotype counts as agreed
/// when every other genotype keeps the same operation from the same input at the same node of the same cell (the two
/// edges of a node are a set: their order is the order of their weights, not part of the architecture).
/// </summary>
public static class EdgeAgreement
{
    /// <summary>The fraction of edges all genotypes agree on, in [0, 1]; null with fewer than two genotypes or with different node counts.</summary>
    public static double? Of(IReadOnlyList<Genotype> genotypes)
    {
        if (genotypes.Count < 2 || genotypes.Any(g => g.Nodes != genotypes[0].Nodes)) return null;
        var first = genotypes[0];
        var agreed = 0;
        var total = 0;
        foreach (var kind in new[] { CellKind.Normal, CellKind.Reduce })
            for (var node = 0; node < first.Nodes; node++)
                foreach (var edge in NodeEdges(first, kind, node))
                {
                    total++;
                    if (genotypes.Skip(1).All(g => NodeEdges(g, kind, node).Contains(edge))) agreed++;
                }
        return (double)agreed / total;
    }

    /// <summary>The genotypes that occur more than once, most frequent first, with their count (same DARTS text up to edge order within a node).</summary>
    public static IReadOnlyList<(Genotype Genotype, int Count)> Recurring(IEnumerable<Genotype> genotypes) =>
        genotypes.GroupBy(Canonical).Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).Select(g => (g.First(), g.Count())).ToList();

    private static GenotypeEdge[] NodeEdges(Genotype genotype, CellKind kind, int node) =>
        genotype.Edges(kind).Skip(node * Genotype.EdgesPerNode).Take(Genotype.EdgesPerNode).ToArray();

    private static string Canonical(Genotype genotype) => string.Join("|",
        new[] { CellKind.Normal, CellKind.Reduce }.SelectMany(kind => Enumerable.Range(0, genotype.Nodes)
            .Select(node => string.Join(",", NodeEdges(genotype, kind, node).Select(e => e.ToString()).Order(StringComparer.Ordinal)))));
}
