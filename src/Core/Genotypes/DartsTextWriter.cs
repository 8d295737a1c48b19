using System.Text;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// Prints a genotype exactly as Python 3 prints DARTS' namedtuple, so text pasted from the authors' logs
/// and text we print compare equal character for character.
/// </summary>
internal static class DartsTextWriter
{
    public static string Write(Genotype g)
    {
        var sb = new StringBuilder("Genotype(normal=");
        WriteEdges(sb, g.Normal);
        sb.Append(", normal_concat=");
        WriteConcat(sb, g.NormalConcat);
        sb.Append(", reduce=");
        WriteEdges(sb, g.Reduce);
        sb.Append(", reduce_concat=");
        WriteConcat(sb, g.ReduceConcat);
        return sb.Append(')').ToString();
    }

    private static void WriteEdges(StringBuilder sb, IReadOnlyList<GenotypeEdge> edges)
    {
        sb.Append('[');
        for (var i = 0; i < edges.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append("('").Append(edges[i].Op).Append("', ").Append(edges[i].Input).Append(')');
        }
        sb.Append(']');
    }

    // The authors' concat is a range object (Python 3 prints `range(2, 6)`); older genotypes hold a list.
    private static void WriteConcat(StringBuilder sb, IReadOnlyList<int> concat)
    {
        if (IsContiguous(concat))
        {
            sb.Append("range(").Append(concat[0]).Append(", ").Append(concat[^1] + 1).Append(')');
            return;
        }
        sb.Append('[').AppendJoin(", ", concat).Append(']');
    }

    private static bool IsContiguous(IReadOnlyList<int> concat)
    {
        if (concat.Count == 0) return false;
        for (var i = 1; i < concat.Count; i++)
            if (concat[i] != concat[i - 1] + 1) return false;
        return true;
    }
}
