namespace PcDarts.Core.Genotypes;

/// <summary>
/// One edge slot compared between two genotypes. <see cref="Node"/> is the 0-based intermediate node (genotype input index − 2),
/// <see cref="Slot"/> 0 for the node's stronger kept edge and 1 for the other. A or B is null where that genotype has fewer nodes.
/// </summary>
public sealed record EdgeSlotDiff(CellKind Cell, int Node, int Slot, GenotypeEdge? A, GenotypeEdge? B)
{
    public bool Same => A == B;
}

/// <summary>Slot-by-slot comparison for the compare page: the same op from the same input in the same slot counts as the same.</summary>
public static class GenotypeDiff
{
    /// <summary>Every slot of both cells, normal first, in node and slot order; filter on <see cref="EdgeSlotDiff.Same"/> for the changes.</summary>
    public static IReadOnlyList<EdgeSlotDiff> Compare(Genotype a, Genotype b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var diffs = new List<EdgeSlotDiff>();
        foreach (var kind in new[] { CellKind.Normal, CellKind.Reduce })
        {
            var (ea, eb) = (a.Edges(kind), b.Edges(kind));
            for (var i = 0; i < Math.Max(ea.Count, eb.Count); i++)
                diffs.Add(new EdgeSlotDiff(kind, i / Genotype.EdgesPerNode, i % Genotype.EdgesPerNode,
                    i < ea.Count ? ea[i] : null, i < eb.Count ? eb[i] : null));
        }
        return diffs;
    }
}
