namespace PcDarts.Core.Genotypes;

/// <summary>
/// Where two routed edges of a cell drawing cross or run along one another, read from their polylines alone.
/// A fork (edges leaving one node along a shared first run) and a merge (edges entering one node along a shared last run) are not crossings.
/// </summary>
public static class EdgeCrossings
{
    /// <summary>Each crossing in words, e.g. "c_{k-1}→0 crosses c_{k-2}→1".</summary>
    public static IReadOnlyList<string> Find(IReadOnlyList<EdgeRoute> routes) =>
        All(routes).Select(c => $"{c.A.From}→{c.A.To} {(c.Along ? "runs along" : "crosses")} {c.B.From}→{c.B.To}").ToList();

    public static int Count(IReadOnlyList<EdgeRoute> routes) => All(routes).Count();

    private static IEnumerable<(DiagramEdge A, DiagramEdge B, bool Along)> All(IReadOnlyList<EdgeRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var runs = routes.Select(r => Runs(r.Points)).ToList();
        for (var i = 0; i < routes.Count; i++)
            for (var j = i + 1; j < routes.Count; j++)
                foreach (var along in Between(routes[i].Edge, runs[i], routes[j].Edge, runs[j]))
                    yield return (routes[i].Edge, routes[j].Edge, along);
    }

    /// <summary>One entry per place the two edges meet: true where they run along one another, false where they cross.</summary>
    private static IEnumerable<bool> Between(DiagramEdge a, List<Run> ra, DiagramEdge b, List<Run> rb)
    {
        for (var i = 0; i < ra.Count; i++)
            for (var j = 0; j < rb.Count; j++)
            {
                var (p, q) = (ra[i], rb[j]);
                if (p.Horizontal != q.Horizontal)
                {
                    if (CrossInside(p, q)) yield return false;
                }
                else if (Shared(p, q) > 0.5)
                {
                    var fork = i == 0 && j == 0 && a.From == b.From;
                    var merge = i == ra.Count - 1 && j == rb.Count - 1 && a.To == b.To;
                    if (!fork && !merge) yield return true;
                }
            }
    }

    /// <summary>A straight run from (X0, Y0) to (X1, Y1).</summary>
    private readonly record struct Run(double X0, double Y0, double X1, double Y1)
    {
        public bool Horizontal => Y0 == Y1;
    }

    /// <summary>The polyline's runs with zero-length ones dropped and consecutive runs on one line joined.</summary>
    private static List<Run> Runs(IReadOnlyList<(double X, double Y)> points)
    {
        var runs = new List<Run>();
        for (var k = 1; k < points.Count; k++)
        {
            var run = new Run(points[k - 1].X, points[k - 1].Y, points[k].X, points[k].Y);
            if (run.X0 == run.X1 && run.Y0 == run.Y1) continue;
            if (runs.Count > 0 && runs[^1].Horizontal == run.Horizontal && (run.Horizontal ? runs[^1].Y0 == run.Y0 : runs[^1].X0 == run.X0))
                runs[^1] = runs[^1] with { X1 = run.X1, Y1 = run.Y1 };
            else
                runs.Add(run);
        }
        return runs;
    }

    /// <summary>A horizontal and a vertical run meet at a point inside both (not at an end of either).</summary>
    private static bool CrossInside(Run p, Run q)
    {
        var (h, v) = p.Horizontal ? (p, q) : (q, p);
        return v.X0 > Math.Min(h.X0, h.X1) && v.X0 < Math.Max(h.X0, h.X1)
            && h.Y0 > Math.Min(v.Y0, v.Y1) && h.Y0 < Math.Max(v.Y0, v.Y1);
    }

    /// <summary>The length two parallel runs share (0 when they are not on one line).</summary>
    private static double Shared(Run p, Run q) => p.Horizontal
        ? p.Y0 != q.Y0 ? 0 : Math.Min(Math.Max(p.X0, p.X1), Math.Max(q.X0, q.X1)) - Math.Max(Math.Min(p.X0, p.X1), Math.Min(q.X0, q.X1))
        : p.X0 != q.X0 ? 0 : Math.Min(Math.Max(p.Y0, p.Y1), Math.Max(q.Y0, q.Y1)) - Math.Max(Math.Min(p.Y0, p.Y1), Math.Min(q.Y0, q.Y1));
}
