namespace PcDarts.Core.Genotypes;

/// <summary>
/// The left-to-right order of the vertical runs that share one gap between columns. Each run is joined on its left by a
/// horizontal from the gap's left side (at <c>Left</c>) and on its right by one to the gap's right side (at <c>Right</c>);
/// a run placed left of another crosses it where its right horizontal passes inside the other's span, or the other's left
/// horizontal passes inside its own. The order with the fewest such crossings is found exactly (a dynamic programme over
/// subsets) for up to nine runs, the most a gap of a four-node cell holds; beyond, each run in turn goes where it crosses least.
/// </summary>
public static class JogOrder
{
    private const int ExactUpTo = 9;

    /// <summary>The runs' indices, leftmost first.</summary>
    public static int[] Arrange(IReadOnlyList<(double Left, double Right)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var n = runs.Count;
        var cost = new int[n, n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
                if (a != b) cost[a, b] = Crossings(runs[a], runs[b]);
        return n > ExactUpTo ? Greedy(cost, n) : Exact(cost, n);
    }

    private static int[] Greedy(int[,] cost, int n)
    {
        var order = new List<int>();
        for (var run = 0; run < n; run++)
        {
            var (best, at) = (int.MaxValue, 0);
            for (var k = 0; k <= order.Count; k++)
            {
                var c = 0;
                for (var i = 0; i < order.Count; i++) c += i < k ? cost[order[i], run] : cost[run, order[i]];
                if (c < best) (best, at) = (c, k);
            }
            order.Insert(at, run);
        }
        return [.. order];
    }

    private static int[] Exact(int[,] cost, int n)
    {
        // best[S]: fewest crossings among the runs of S placed leftmost in some order; last[S]: the rightmost of them then.
        var full = (1 << n) - 1;
        var best = new int[full + 1];
        var last = new int[full + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var set = 0; set < full; set++)
        {
            if (best[set] == int.MaxValue) continue;
            for (var next = 0; next < n; next++)
            {
                if ((set & (1 << next)) != 0) continue;
                var added = best[set];
                for (var placed = 0; placed < n; placed++)
                    if ((set & (1 << placed)) != 0) added += cost[placed, next];
                var grown = set | (1 << next);
                if (added < best[grown]) (best[grown], last[grown]) = (added, next);
            }
        }
        var order = new int[n];
        for (int set = full, k = n - 1; k >= 0; set &= ~(1 << order[k]), k--) order[k] = last[set];
        return order;
    }

    /// <summary>Crossings between run <paramref name="a"/> placed left of run <paramref name="b"/>.</summary>
    public static int Crossings((double Left, double Right) a, (double Left, double Right) b) =>
        (Inside(a.Right, b) ? 1 : 0) + (Inside(b.Left, a) ? 1 : 0);

    private static bool Inside(double y, (double Left, double Right) run) =>
        y > Math.Min(run.Left, run.Right) && y < Math.Max(run.Left, run.Right);
}
