namespace PcDarts.Core.Genotypes;

/// <summary>An axis-aligned box in drawing units.</summary>
public readonly record struct LayoutBox(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;
    public double Bottom => Top + Height;

    public bool Overlaps(LayoutBox other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    /// <summary>Whether the horizontal or vertical segment (x0, y0)–(x1, y1) passes through the box's inside.</summary>
    public bool Crosses(double x0, double y0, double x1, double y1) =>
        Math.Max(x0, x1) > Left && Math.Min(x0, x1) < Right && Math.Max(y0, y1) > Top && Math.Min(y0, y1) < Bottom;
}

/// <summary>An edge's route (a polyline of horizontal and vertical runs) and, for an op edge, its label's box and baseline.</summary>
public sealed record EdgeRoute(DiagramEdge Edge, IReadOnlyList<(double X, double Y)> Points, LayoutBox? Label, (double X, double Y) LabelAnchor);

/// <summary>
/// Where the cell drawing puts everything. Edges run in the gaps between columns and, to skip a column, along a lane that
/// keeps clear of every box and label in the columns it crosses; so no edge passes behind a node. Labels sit on the last
/// run into the target, in the right part of the gap (the left part holds the vertical runs), one above and one below the
/// node's two ports, so no two labels meet. Of every order of the nodes within their columns, the drawing keeps the one
/// whose edges cross least (<see cref="EdgeCrossings"/>), with the vertical runs of each gap in their best order (<see cref="JogOrder"/>).
/// </summary>
public sealed class CellLayout
{
    public const double Margin = 24, TitleHeight = 28, ColumnWidth = 250, RowHeight = 80, BoxWidth = 86, BoxHeight = 34;
    public const double LabelFontSize = 11, PortOffset = 8;
    /// <summary>A generous width per character of an 11 px label (ops are lower-case ASCII).</summary>
    public const double LabelCharWidth = 6.6;

    public CellDiagram Diagram { get; }
    /// <summary>Each node's place in its column, top first.</summary>
    public IReadOnlyDictionary<string, int> Rows { get; }
    public IReadOnlyDictionary<string, (double X, double Y)> Centres { get; }
    public IReadOnlyDictionary<string, LayoutBox> Boxes { get; }
    public IReadOnlyList<EdgeRoute> Routes { get; }
    /// <summary>Where two edges cross or run along one another; as few as any order of the nodes within their columns allows.</summary>
    public IReadOnlyList<string> Crossings => _crossings ??= EdgeCrossings.Find(Routes);
    private IReadOnlyList<string>? _crossings;
    public double Width { get; }
    public double GraphHeight { get; }

    /// <summary>Lays the cell out with the order of nodes within columns whose edges cross least (the diagram's own order on a tie).</summary>
    public CellLayout(CellDiagram diagram) : this(diagram, FewestCrossings(diagram)) { }

    /// <summary>Lays the cell out with each node at the given place in its column, each skipping edge on the lane that crosses least.</summary>
    public CellLayout(CellDiagram diagram, IReadOnlyDictionary<string, int> rows) : this(diagram, rows, chooseLanes: true) { }

    private CellLayout(CellDiagram diagram, IReadOnlyDictionary<string, int> rows, bool chooseLanes)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        ArgumentNullException.ThrowIfNull(rows);
        Diagram = diagram;
        Rows = rows;
        var rowsPerLayer = diagram.Nodes.GroupBy(n => n.Layer).ToDictionary(g => g.Key, g => g.Count());
        var maxRows = rowsPerLayer.Values.Max();
        GraphHeight = maxRows * RowHeight;
        Width = 2 * Margin + (diagram.Layers - 1) * ColumnWidth + BoxWidth;
        Centres = diagram.Nodes.ToDictionary(n => n.Id, n => (
            X: Margin + BoxWidth / 2 + n.Layer * ColumnWidth,
            Y: Margin + TitleHeight + (rows[n.Id] + (maxRows - rowsPerLayer[n.Layer]) / 2.0 + 0.5) * RowHeight));
        Boxes = Centres.ToDictionary(c => c.Key, c => new LayoutBox(c.Value.X - BoxWidth / 2, c.Value.Y - BoxHeight / 2, BoxWidth, BoxHeight));
        var routing = new CellRouting(diagram, Centres, GraphHeight);
        Routes = chooseLanes ? ChooseLanes(routing) : routing.Routes;
    }

    /// <summary>
    /// Moves one skipping edge at a time to the lane that lowers the crossings most, until no move helps: the straightest
    /// lanes are the start, since most cells need no more.
    /// </summary>
    private IReadOnlyList<EdgeRoute> ChooseLanes(CellRouting start)
    {
        var (routes, crossings) = (start.Routes, EdgeCrossings.Count(start.Routes));
        var lanes = routes.Where(r => start.LaneChoices.ContainsKey(r.Edge)).ToDictionary(r => r.Edge, r => r.Points[2].Y);
        for (var improved = crossings > 0; improved;)
        {
            improved = false;
            foreach (var (edge, choices) in start.LaneChoices)
                foreach (var y in choices)
                {
                    var tried = new Dictionary<DiagramEdge, double>(lanes) { [edge] = y };
                    var routing = new CellRouting(Diagram, Centres, GraphHeight, tried);
                    var found = EdgeCrossings.Count(routing.Routes);
                    if (found >= crossings) continue;
                    (lanes, routes, crossings, improved) = (tried, routing.Routes, found, true);
                }
        }
        return routes;
    }

    /// <summary>
    /// Tries every order of each column's nodes (at most 2! · 5! = 240 combinations for five intermediate nodes) with the
    /// straightest lanes, then chooses lanes for the most promising (<see cref="Promising"/>); keeps the first with the fewest crossings, so the
    /// diagram's own order wins a tie and the same genotype always draws the same.
    /// </summary>
    private static Dictionary<string, int> FewestCrossings(CellDiagram diagram)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        var columns = diagram.Nodes.GroupBy(n => n.Layer).OrderBy(g => g.Key).Select(g => g.OrderBy(n => n.Row).Select(n => n.Id).ToList()).ToList();
        var ranked = Combinations(columns.Select(Permutations).ToList(), 0)
            .Select(orders => orders.SelectMany(order => order.Select((id, row) => (id, row))).ToDictionary(p => p.id, p => p.row))
            .Select((rows, i) => (Rows: rows, Index: i, Straight: EdgeCrossings.Count(new CellLayout(diagram, rows, chooseLanes: false).Routes)))
            .OrderBy(c => c.Straight).ThenBy(c => c.Index).ToList();
        if (ranked[0].Straight == 0) return ranked[0].Rows;
        var (best, fewest, first) = (ranked[0].Rows, int.MaxValue, int.MaxValue);
        foreach (var (rows, index, _) in ranked.Take(Promising))
        {
            var count = EdgeCrossings.Count(new CellLayout(diagram, rows).Routes);
            if (count < fewest || (count == fewest && index < first)) (best, fewest, first) = (rows, count, index);
            if (fewest == 0) break;
        }
        return best;
    }

    /// <summary>
    /// How many of the best orders with straight lanes get their lanes chosen: every order of a four-node (DARTS-shaped)
    /// cell, which has at most 2! · 4! = 48; a five-node cell's best 48 of up to 240.
    /// </summary>
    private const int Promising = 48;

    private static IEnumerable<List<IReadOnlyList<string>>> Combinations(List<List<IReadOnlyList<string>>> perColumn, int from)
    {
        if (from == perColumn.Count)
        {
            yield return [];
            yield break;
        }
        foreach (var rest in Combinations(perColumn, from + 1))
            foreach (var order in perColumn[from])
                yield return [order, .. rest];
    }

    /// <summary>Every order of the items, the given order first.</summary>
    private static List<IReadOnlyList<string>> Permutations(List<string> items)
    {
        if (items.Count <= 1) return [items];
        var all = new List<IReadOnlyList<string>>();
        for (var i = 0; i < items.Count; i++)
            foreach (var rest in Permutations(items.Where((_, k) => k != i).ToList()))
                all.Add([items[i], .. rest]);
        return all;
    }
}
