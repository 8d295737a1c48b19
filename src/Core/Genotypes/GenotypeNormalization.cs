namespace PcDarts.Core.Genotypes;

/// <summary>
/// One text per architecture. Derivation lists a node's two kept edges strongest first, so two searches that keep the
/// same edges can write them in either order; the normal form orders each node's edges by input, then operation.
/// </summary>
public static class GenotypeNormalization
{
    public static Genotype Normalize(this Genotype genotype) =>
        new(Sorted(genotype.Normal), genotype.NormalConcat, Sorted(genotype.Reduce), genotype.ReduceConcat);

    /// <summary>The normal form's DARTS text of <paramref name="text"/>, or null when it does not parse.</summary>
    public static string? NormalText(string? text) =>
        text is not null && Genotype.TryParse(text, out var genotype, out _) ? genotype.Normalize().ToDartsText() : null;

    private static List<GenotypeEdge> Sorted(IReadOnlyList<GenotypeEdge> edges) =>
        edges.Chunk(Genotype.EdgesPerNode)
            .SelectMany(node => node.OrderBy(e => e.Input).ThenBy(e => e.Op, StringComparer.Ordinal))
            .ToList();
}
