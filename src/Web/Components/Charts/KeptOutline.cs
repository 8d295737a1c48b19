namespace PcDarts.Web.Components.Charts;

/// <summary>
/// Which kept ops a heatmap outlines: only those that lead their edge's runner-up by more than a margin. After the
/// warm-up every α is near 1/8, and outlining the "winner" of noise would read as a decision the search has not made.
/// </summary>
public static class KeptOutline
{
    /// <summary>The default margin, in softmax(α) units (probability): the one that counts an edge as decided.</summary>
    public const double DefaultMargin = PcDarts.Core.Genotypes.DecidedEdges.Margin;

    /// <summary>
    /// The (row, column) cells of <paramref name="kept"/> whose value exceeds every other value of its row, except the
    /// <paramref name="ignoredColumn"/> (the "none" op, which derivation never keeps), by more than <paramref name="margin"/>.
    /// </summary>
    public static HashSet<(int Row, int Column)> Decided(
        IReadOnlyList<float[]> values, IEnumerable<(int Row, int Column)> kept, double margin, int? ignoredColumn = null)
    {
        var decided = new HashSet<(int, int)>();
        foreach (var (row, column) in kept)
        {
            if (row >= values.Count || column >= values[row].Length) continue;
            var runnerUp = values[row].Where((_, c) => c != column && c != ignoredColumn).DefaultIfEmpty(float.NegativeInfinity).Max();
            if (values[row][column] - runnerUp > margin) decided.Add((row, column));
        }
        return decided;
    }
}
