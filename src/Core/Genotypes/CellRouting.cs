namespace PcDarts.Core.Genotypes;

/// <summary>
/// Routes a cell drawing's edges once its boxes are placed. An edge leaves its source's right side, turns down or up at a
/// vertical run (a "jog") in the left part of the gap after the source's column, and enters its target's left side at a
/// port; an edge that skips columns runs along a lane clear of the boxes and labels of the columns it passes and turns
/// again in the gap before its target. The jogs of each gap are ordered to cross least (<see cref="JogOrder"/>).
/// </summary>
internal sealed class CellRouting
{
    private const double Margin = CellLayout.Margin, BoxWidth = CellLayout.BoxWidth, ColumnWidth = CellLayout.ColumnWidth;
    private const double JogStart = 10, JogSpace = 54, JogStep = 5, LabelGap = 10;
    /// <summary>How far a lane keeps from the centre of a box it passes: half the box and its labels' room.</summary>
    private const double Clearance = CellLayout.BoxHeight / 2 + 12;

    private readonly IReadOnlyDictionary<string, (double X, double Y)> _centres;
    private readonly Dictionary<string, int> _layer;
    private readonly double _graphHeight;

    public IReadOnlyList<EdgeRoute> Routes { get; }

    private readonly IReadOnlyDictionary<DiagramEdge, double> _lanes;

    /// <param name="lanes">Lanes chosen by the caller for some skipping edges; the others get the straightest free one.</param>
    public CellRouting(CellDiagram diagram, IReadOnlyDictionary<string, (double X, double Y)> centres, double graphHeight,
        IReadOnlyDictionary<DiagramEdge, double>? lanes = null)
    {
        _centres = centres;
        _graphHeight = graphHeight;
        _lanes = lanes ?? new Dictionary<DiagramEdge, double>();
        _layer = diagram.Nodes.ToDictionary(n => n.Id, n => n.Layer);
        Routes = Route(diagram);
    }

    /// <summary>Each skipping edge's possible lanes: clear of the boxes and labels it passes.</summary>
    public IReadOnlyDictionary<DiagramEdge, IReadOnlyList<double>> LaneChoices { get; private set; } = new Dictionary<DiagramEdge, IReadOnlyList<double>>();

    /// <summary>One edge's fixed heights: leaving at <c>Y0</c>, entering at <c>Y3</c>, along <c>Lane</c> when it skips columns.</summary>
    private sealed record Plan(DiagramEdge Edge, int Source, int Target, double Y0, double Y3, double? Lane)
    {
        public double ExitX { get; set; }
        public double EntryX { get; set; }
    }

    private List<EdgeRoute> Route(CellDiagram diagram)
    {
        var ports = Ports(diagram);
        var lanes = new List<(double Y, int Source, int Target, string From)>();
        var plans = new List<Plan>();
        foreach (var edge in diagram.Edges)
        {
            var (source, target) = (_layer[edge.From], _layer[edge.To]);
            var (y0, y3) = (_centres[edge.From].Y, _centres[edge.To].Y + ports.GetValueOrDefault(edge));
            double? lane = null;
            if (target > source + 1)
            {
                lane = _lanes.TryGetValue(edge, out var chosen) ? chosen : Lane(edge, source, target, y0, y3, lanes);
                lanes.Add((lane.Value, source, target, edge.From));
            }
            plans.Add(new Plan(edge, source, target, y0, y3, lane));
        }
        LaneChoices = plans.Where(p => p.Lane is not null).ToDictionary(p => p.Edge, p => (IReadOnlyList<double>)Candidates(p.Source, p.Target, p.Y0, p.Y3));
        PlaceJogs(plans);
        return plans.Select(ToRoute).ToList();
    }

    /// <summary>Gives every vertical run its x: per gap, the exits of edges leaving that column and the entries of edges that skipped to the next.</summary>
    private static void PlaceJogs(List<Plan> plans)
    {
        var gaps = plans.Select(p => p.Source).Concat(plans.Where(p => p.Lane is not null).Select(p => p.Target - 1)).Distinct();
        foreach (var gap in gaps)
        {
            var runs = new List<(Plan Plan, bool Exit, double Left, double Right)>();
            foreach (var p in plans)
            {
                if (p.Source == gap) runs.Add((p, true, p.Y0, p.Lane ?? p.Y3));
                if (p.Lane is { } lane && p.Target - 1 == gap) runs.Add((p, false, lane, p.Y3));
            }
            var order = JogOrder.Arrange(runs.Select(r => (r.Left, r.Right)).ToList());
            var step = runs.Count <= 1 ? JogStep : Math.Min(JogStep, JogSpace / (runs.Count - 1));
            for (var k = 0; k < order.Length; k++)
            {
                var (plan, exit, _, _) = runs[order[k]];
                var x = GapLeft(gap) + JogStart + k * step;
                if (exit) plan.ExitX = x;
                else plan.EntryX = x;
            }
        }
    }

    private EdgeRoute ToRoute(Plan p)
    {
        var (x0, x3) = (_centres[p.Edge.From].X + BoxWidth / 2, _centres[p.Edge.To].X - BoxWidth / 2 - 2);
        List<(double, double)> points = p.Lane is { } lane
            ? [(x0, p.Y0), (p.ExitX, p.Y0), (p.ExitX, lane), (p.EntryX, lane), (p.EntryX, p.Y3), (x3, p.Y3)]
            : [(x0, p.Y0), (p.ExitX, p.Y0), (p.ExitX, p.Y3), (x3, p.Y3)];
        return p.Edge.IsConcat ? new EdgeRoute(p.Edge, points, null, default) : Labelled(p.Edge, points, x3, p.Y3, below: p.Y3 > _centres[p.Edge.To].Y);
    }

    private static EdgeRoute Labelled(DiagramEdge edge, List<(double, double)> points, double x3, double y3, bool below)
    {
        var width = edge.Op!.Length * CellLayout.LabelCharWidth;
        var anchor = (X: x3 - LabelGap, Y: below ? y3 + 13 : y3 - 5);
        var box = new LayoutBox(anchor.X - width, anchor.Y - CellLayout.LabelFontSize + 1, width, CellLayout.LabelFontSize + 2);
        return new EdgeRoute(edge, points, box, anchor);
    }

    private static double GapLeft(int layer) => Margin + BoxWidth + layer * ColumnWidth;

    /// <summary>
    /// A y clear of the boxes (and labels) of every column strictly between the two layers, not on another node's exit or
    /// port in the end columns, nor on another lane over the same columns; straightest first (at the source's height, then the target's).
    /// </summary>
    private double Lane(DiagramEdge edge, int source, int target, double y0, double y3, List<(double Y, int Source, int Target, string From)> taken)
    {
        var ends = _layer.Where(n => (n.Value == source && n.Key != edge.From) || (n.Value == target && n.Key != edge.To))
            .SelectMany(n => new[] { _centres[n.Key].Y, _centres[n.Key].Y - CellLayout.PortOffset, _centres[n.Key].Y + CellLayout.PortOffset }).ToList();
        var candidates = Candidates(source, target, y0, y3);
        bool Free(double y) => ends.All(e => Math.Abs(y - e) >= 1)
            && taken.All(t => t.From == edge.From || t.Target <= source || t.Source >= target || Math.Abs(t.Y - y) >= 1);
        var free = candidates.Where(Free).ToList();
        return (free.Count > 0 ? free : candidates)
            .OrderBy(y => Math.Abs(y - y0) + Math.Abs(y - y3)).ThenBy(y => Math.Abs(y - y0)).ThenBy(y => y).First();
    }

    private List<double> Candidates(int source, int target, double y0, double y3)
    {
        var between = _layer.Where(n => n.Value > source && n.Value < target).Select(n => _centres[n.Key].Y).ToList();
        var top = Margin + CellLayout.TitleHeight;
        return _centres.Values.SelectMany(c => new[] { c.Y - CellLayout.RowHeight / 2, c.Y + CellLayout.RowHeight / 2 })
            .Prepend(y3).Prepend(y0).Append(top + 4).Append(top + _graphHeight - 4)
            .Where(y => between.All(c => Math.Abs(y - c) >= Clearance)).Distinct().ToList();
    }

    // A node's two op edges enter at separate ports, the one from the higher source higher, so they do not cross at the box
    // and each label has its own side: the upper one above its arrow, the lower one below.
    private Dictionary<DiagramEdge, double> Ports(CellDiagram diagram) =>
        diagram.Edges.Where(e => !e.IsConcat)
            .GroupBy(e => e.To)
            .SelectMany(g => g.OrderBy(e => _centres[e.From].Y).ThenBy(e => e.Slot)
                .Select((e, i) => (Edge: e, Offset: g.Count() == 1 ? 0 : i == 0 ? -CellLayout.PortOffset : CellLayout.PortOffset)))
            .ToDictionary(p => p.Edge, p => p.Offset);
}
