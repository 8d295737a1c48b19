using System.Globalization;
using System.Xml.Linq;
using PcDarts.Core.Search;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// Draws a <see cref="CellDiagram"/> as SVG: columns left to right, curved arrows labelled with their op, one colour family per
/// op kind (pools blue, skip green, separable convs red/orange, dilated convs purple/pink). Built with XElement so the output is
/// always well-formed; no scripts, fonts or external references, and the same input gives the same bytes.
/// </summary>
public static class CellDiagramSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double Margin = 24, TitleHeight = 28, ColumnWidth = 200, RowHeight = 80, BoxWidth = 86, BoxHeight = 34, LegendRow = 18;

    private static readonly IReadOnlyDictionary<string, string> Colors = new Dictionary<string, string>
    {
        [SearchSpace.MaxPool3x3] = "#1f77b4",
        [SearchSpace.AvgPool3x3] = "#4fa3d9",
        [SearchSpace.SkipConnect] = "#2ca02c",
        [SearchSpace.SepConv3x3] = "#d62728",
        [SearchSpace.SepConv5x5] = "#ff7f0e",
        [SearchSpace.DilConv3x3] = "#9467bd",
        [SearchSpace.DilConv5x5] = "#e377c2",
    };

    private const string ConcatColor = "#999999";

    /// <summary>The colour an op's arrows get, so a legend elsewhere can match the drawing.</summary>
    public static string ColorOf(string op) => Colors.TryGetValue(op, out var color) ? color : ConcatColor;

    public static string Render(CellDiagram diagram, ISet<(int Node, int Slot)>? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        var rowsPerLayer = diagram.Nodes.GroupBy(n => n.Layer).ToDictionary(g => g.Key, g => g.Count());
        var maxRows = rowsPerLayer.Values.Max();
        var ops = diagram.Edges.Where(e => !e.IsConcat).Select(e => e.Op!).Distinct().OrderBy(SearchSpace.IndexOf).ToList();
        var width = 2 * Margin + (diagram.Layers - 1) * ColumnWidth + BoxWidth;
        var graphHeight = maxRows * RowHeight;
        var height = TitleHeight + graphHeight + ops.Count * LegendRow + 2 * Margin;

        var centres = diagram.Nodes.ToDictionary(n => n.Id, n => (
            X: Margin + BoxWidth / 2 + n.Layer * ColumnWidth,
            Y: Margin + TitleHeight + (n.Row + (maxRows - rowsPerLayer[n.Layer]) / 2.0 + 0.5) * RowHeight));

        var root = new XElement(Svg + "svg",
            new XAttribute("width", N(width)), new XAttribute("height", N(height)),
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XAttribute("font-family", "Helvetica, Arial, sans-serif"),
            new XAttribute("role", "img"),
            new XElement(Svg + "title", $"{diagram.Kind} cell".ToLowerInvariant()),
            Markers(ops),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            Text(Margin, Margin + 12, $"{diagram.Kind.ToString().ToLowerInvariant()} cell", 14, "start", "bold"));

        var ports = Ports(diagram, centres);
        foreach (var edge in diagram.Edges.OrderBy(e => e.IsConcat ? 0 : 1))
        {
            var highlighted = edge is { Node: { } n, Slot: { } s } && highlight?.Contains((n, s)) == true;
            var port = ports.GetValueOrDefault(edge);
            root.Add(Edge(edge, centres[edge.From], (centres[edge.To].X, centres[edge.To].Y + port), highlighted, labelBelow: port > 0));
        }
        foreach (var node in diagram.Nodes)
            root.Add(Box(node, centres[node.Id]));
        var legendTop = Margin + TitleHeight + graphHeight + 8;
        for (var i = 0; i < ops.Count; i++)
        {
            var y = legendTop + i * LegendRow;
            root.Add(new XElement(Svg + "g", new XAttribute("class", "legend"),
                new XElement(Svg + "line", A("x1", Margin), A("y1", y), A("x2", Margin + 24), A("y2", y),
                    new XAttribute("stroke", ColorOf(ops[i])), new XAttribute("stroke-width", "3")),
                Text(Margin + 32, y + 4, ops[i], 11, "start")));
        }
        return root.ToString();
    }

    // A node's two op edges enter at separate points, the one from the higher source higher, so they do not cross at the box
    // and each label has its own side: the upper one above its arrow, the lower one below.
    private const double PortOffset = 8;

    private static Dictionary<DiagramEdge, double> Ports(CellDiagram diagram, Dictionary<string, (double X, double Y)> centres) =>
        diagram.Edges.Where(e => !e.IsConcat)
            .GroupBy(e => e.To)
            .SelectMany(g => g.OrderBy(e => centres[e.From].Y).ThenBy(e => e.Slot)
                .Select((e, i) => (Edge: e, Offset: g.Count() == 1 ? 0 : i == 0 ? -PortOffset : PortOffset)))
            .ToDictionary(p => p.Edge, p => p.Offset);

    private static XElement Edge(DiagramEdge edge, (double X, double Y) from, (double X, double Y) to, bool highlighted, bool labelBelow)
    {
        var (x0, y0, x3, y3) = (from.X + BoxWidth / 2, from.Y, to.X - BoxWidth / 2 - 2, to.Y);
        var bend = (x3 - x0) / 2;
        var path = $"M {N(x0)} {N(y0)} C {N(x0 + bend)} {N(y0)}, {N(x3 - bend)} {N(y3)}, {N(x3)} {N(y3)}";
        var color = edge.IsConcat ? ConcatColor : ColorOf(edge.Op!);
        var group = new XElement(Svg + "g",
            new XAttribute("class", edge.IsConcat ? "concat-edge" : highlighted ? "op-edge highlight" : "op-edge"),
            new XElement(Svg + "title", edge.IsConcat ? $"{edge.From} → {edge.To}" : $"{edge.Op}: {edge.From} → {edge.To}"),
            new XElement(Svg + "path", new XAttribute("d", path), new XAttribute("fill", "none"), new XAttribute("stroke", color),
                new XAttribute("stroke-width", highlighted ? "4" : edge.IsConcat ? "1.2" : "1.8"),
                edge.IsConcat ? new XAttribute("stroke-dasharray", "4 3") : null,
                new XAttribute("marker-end", $"url(#{MarkerId(edge.Op)})")));
        if (edge.IsConcat) return group;
        group.SetAttributeValue("data-node", edge.Node);
        group.SetAttributeValue("data-slot", edge.Slot);
        group.SetAttributeValue("data-op", edge.Op);
        // Labels sit just before the target, where the curve is already level with its port: edges into one node never
        // share a label spot, which midpoint labels do whenever two edges cross.
        group.Add(Text(x3 - 8, labelBelow ? y3 + 13 : y3 - 5, edge.Op!, 11, "end", highlighted ? "bold" : null, color, halo: true));
        return group;
    }

    private static XElement Box(DiagramNode node, (double X, double Y) at)
    {
        var fill = node.Role switch
        {
            DiagramNodeRole.Input => "#cfe8f7",
            DiagramNodeRole.Output => "#d4edc9",
            _ => "#fdf1c7",
        };
        return new XElement(Svg + "g", new XAttribute("class", $"node {node.Role.ToString().ToLowerInvariant()}"),
            new XAttribute("data-id", node.Id),
            new XElement(Svg + "rect", A("x", at.X - BoxWidth / 2), A("y", at.Y - BoxHeight / 2), A("width", BoxWidth), A("height", BoxHeight),
                new XAttribute("rx", "8"), new XAttribute("fill", fill), new XAttribute("stroke", "#555555")),
            Text(at.X, at.Y + 5, node.Id, 14, "middle"));
    }

    private static XElement Markers(IEnumerable<string> ops) =>
        new(Svg + "defs", ops.Append((string?)null).Select(op =>
            new XElement(Svg + "marker", new XAttribute("id", MarkerId(op)), new XAttribute("viewBox", "0 0 10 10"),
                new XAttribute("refX", "9"), new XAttribute("refY", "5"), new XAttribute("markerUnits", "userSpaceOnUse"),
                new XAttribute("markerWidth", "9"), new XAttribute("markerHeight", "9"),
                new XAttribute("orient", "auto"),
                new XElement(Svg + "path", new XAttribute("d", "M 0 0 L 10 5 L 0 10 z"), new XAttribute("fill", op is null ? ConcatColor : ColorOf(op))))));

    private static string MarkerId(string? op) => op is null ? "arrow-concat" : $"arrow-{op}";

    private static XElement Text(double x, double y, string text, int size, string anchor, string? weight = null, string fill = "#222222", bool halo = false) =>
        new(Svg + "text", A("x", x), A("y", y), new XAttribute("font-size", size), new XAttribute("text-anchor", anchor),
            new XAttribute("fill", fill),
            weight is null ? null : new XAttribute("font-weight", weight),
            halo ? new XAttribute("stroke", "white") : null,
            halo ? new XAttribute("stroke-width", "3") : null,
            halo ? new XAttribute("paint-order", "stroke") : null,
            text);

    private static XAttribute A(string name, double value) => new(name, N(value));

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
