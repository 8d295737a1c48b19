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
/// node's two ports, so no two labels meet.
/// </summary>
public sealed class CellLayout
{
    public const double Margin = 24, TitleHeight = 28, ColumnWidth = 250, RowHeight = 80, BoxWidth = 86, BoxHeight = 34;
    public const double LabelFontSize = 11, PortOffset = 8;
    /// <summary>A generous width per character of an 11 px label (ops are lower-case ASCII).</summary>
    public const double LabelCharWidth = 6.6;
    private const double JogStart = 10, JogSpace = 54, LabelGap = 10, Clearance = BoxHeight / 2 + 12;

    public CellDiagram Diagram { get; }
    public IReadOnlyDictionary<string, (double X, double Y)> Centres { get; }
    public IReadOnlyDictionary<string, LayoutBox> Boxes { get; }
    public IReadOnlyList<EdgeRoute> Routes { get; }
    public double Width { get; }
    public double GraphHeight { get; }

    public CellLayout(CellDiagram diagram)
    {
        Diagram = diagram;
        var rowsPerLayer = diagram.Nodes.GroupBy(n => n.Layer).ToDictionary(g => g.Key, g => g.Count());
        var maxRows = rowsPerLayer.Values.Max();
        GraphHeight = maxRows * RowHeight;
        Width = 2 * Margin + (diagram.Layers - 1) * ColumnWidth + BoxWidth;
        Centres = diagram.Nodes.ToDictionary(n => n.Id, n => (
            X: Margin + BoxWidth / 2 + n.Layer * ColumnWidth,
            Y: Margin + TitleHeight + (n.Row + (maxRows - rowsPerLayer[n.Layer]) / 2.0 + 0.5) * RowHeight));
        Boxes = Centres.ToDictionary(c => c.Key, c => new LayoutBox(c.Value.X - BoxWidth / 2, c.Value.Y - BoxHeight / 2, BoxWidth, BoxHeight));
        Routes = Route(diagram);
    }

    private List<EdgeRoute> Route(CellDiagram diagram)
    {
        var layer = diagram.Nodes.ToDictionary(n => n.Id, n => n.Layer);
        var ports = Ports(diagram);
        // Each vertical run gets its own x in the left part of its gap: exits first, then entries of edges that skip columns.
        var jogs = new Dictionary<int, int>();
        double NextJog(int gap)
        {
            var i = jogs[gap] = jogs.GetValueOrDefault(gap, -1) + 1;
            return GapLeft(gap) + JogStart + i * 5 % JogSpace;
        }
        var routes = new List<EdgeRoute>();
        foreach (var edge in diagram.Edges)
        {
            var (from, to) = (Centres[edge.From], Centres[edge.To]);
            var port = ports.GetValueOrDefault(edge);
            var (x0, y0, x3, y3) = (from.X + BoxWidth / 2, from.Y, to.X - BoxWidth / 2 - 2, to.Y + port);
            var (source, target) = (layer[edge.From], layer[edge.To]);
            var points = new List<(double, double)> { (x0, y0) };
            var exit = NextJog(source);
            if (target == source + 1)
                points.AddRange([(exit, y0), (exit, y3)]);
            else
            {
                var lane = Lane(diagram, source, target, (y0 + y3) / 2);
                var entry = NextJog(target - 1);
                points.AddRange([(exit, y0), (exit, lane), (entry, lane), (entry, y3)]);
            }
            points.Add((x3, y3));
            routes.Add(edge.IsConcat ? new EdgeRoute(edge, points, null, default) : Labelled(edge, points, x3, y3, below: port > 0));
        }
        return routes;
    }

    private static EdgeRoute Labelled(DiagramEdge edge, List<(double, double)> points, double x3, double y3, bool below)
    {
        var width = edge.Op!.Length * LabelCharWidth;
        var anchor = (X: x3 - LabelGap, Y: below ? y3 + 13 : y3 - 5);
        var box = new LayoutBox(anchor.X - width, anchor.Y - LabelFontSize + 1, width, LabelFontSize + 2);
        return new EdgeRoute(edge, points, box, anchor);
    }

    private static double GapLeft(int layer) => Margin + BoxWidth + layer * ColumnWidth;

    /// <summary>A y that stays clear of the boxes (and their labels) of every column strictly between the two layers, nearest <paramref name="wanted"/>.</summary>
    private double Lane(CellDiagram diagram, int source, int target, double wanted)
    {
        var between = diagram.Nodes.Where(n => n.Layer > source && n.Layer < target).Select(n => Centres[n.Id].Y).ToList();
        var top = Margin + TitleHeight;
        var candidates = Centres.Values.SelectMany(c => new[] { c.Y - RowHeight / 2, c.Y + RowHeight / 2 })
            .Append(top + 4).Append(top + GraphHeight - 4);
        return candidates.Where(y => between.All(c => Math.Abs(y - c) >= Clearance))
            .OrderBy(y => Math.Abs(y - wanted)).ThenBy(y => y).First();
    }

    // A node's two op edges enter at separate ports, the one from the higher source higher, so they do not cross at the box
    // and each label has its own side: the upper one above its arrow, the lower one below.
    private Dictionary<DiagramEdge, double> Ports(CellDiagram diagram) =>
        diagram.Edges.Where(e => !e.IsConcat)
            .GroupBy(e => e.To)
            .SelectMany(g => g.OrderBy(e => Centres[e.From].Y).ThenBy(e => e.Slot)
                .Select((e, i) => (Edge: e, Offset: g.Count() == 1 ? 0 : i == 0 ? -PortOffset : PortOffset)))
            .ToDictionary(p => p.Edge, p => p.Offset);
}
