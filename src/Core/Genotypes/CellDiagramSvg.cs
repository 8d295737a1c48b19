using System.Globalization;
using System.Xml.Linq;
using PcDarts.Core.Search;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// Draws a <see cref="CellDiagram"/> as SVG where <see cref="CellLayout"/> puts it: columns left to right, routed arrows labelled with their op, one colour family per
/// op kind (pools blue, skip green, separable convs red/orange, dilated convs purple/pink). Built with XElement so the output is
/// always well-formed; no scripts, fonts or external references, and the same input gives the same bytes.
/// </summary>
public static class CellDiagramSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double Margin = CellLayout.Margin, TitleHeight = CellLayout.TitleHeight, BoxWidth = CellLayout.BoxWidth,
        BoxHeight = CellLayout.BoxHeight, LegendRow = 18;

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
        var layout = new CellLayout(diagram);
        var ops = diagram.Edges.Where(e => !e.IsConcat).Select(e => e.Op!).Distinct().OrderBy(SearchSpace.IndexOf).ToList();
        var width = layout.Width;
        var graphHeight = layout.GraphHeight;
        var height = TitleHeight + graphHeight + ops.Count * LegendRow + 2 * Margin;
        var centres = layout.Centres;

        var root = new XElement(Svg + "svg",
            new XAttribute("width", N(width)), new XAttribute("height", N(height)),
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XAttribute("font-family", "Helvetica, Arial, sans-serif"),
            new XAttribute("role", "img"),
            new XElement(Svg + "title", $"{diagram.Kind} cell".ToLowerInvariant()),
            Markers(ops),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            Text(Margin, Margin + 12, $"{diagram.Kind.ToString().ToLowerInvariant()} cell", 14, "start", "bold"));

        foreach (var route in layout.Routes.OrderBy(r => r.Edge.IsConcat ? 0 : 1))
        {
            var highlighted = route.Edge is { Node: { } n, Slot: { } s } && highlight?.Contains((n, s)) == true;
            root.Add(Edge(route, highlighted));
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

    private static XElement Edge(EdgeRoute route, bool highlighted)
    {
        var edge = route.Edge;
        var path = "M " + string.Join(" L ", route.Points.Select(p => $"{N(p.X)} {N(p.Y)}"));
        var color = edge.IsConcat ? ConcatColor : ColorOf(edge.Op!);
        var group = new XElement(Svg + "g",
            new XAttribute("class", edge.IsConcat ? "concat-edge" : highlighted ? "op-edge highlight" : "op-edge"),
            new XElement(Svg + "title", edge.IsConcat ? $"{edge.From} → {edge.To}" : $"{edge.Op}: {edge.From} → {edge.To}"),
            new XElement(Svg + "path", new XAttribute("d", path), new XAttribute("fill", "none"), new XAttribute("stroke", color),
                new XAttribute("stroke-width", highlighted ? "4" : edge.IsConcat ? "1.2" : "1.8"), new XAttribute("stroke-linejoin", "round"),
                edge.IsConcat ? new XAttribute("stroke-dasharray", "4 3") : null,
                new XAttribute("marker-end", $"url(#{MarkerId(edge.Op)})")));
        if (edge.IsConcat) return group;
        group.SetAttributeValue("data-node", edge.Node);
        group.SetAttributeValue("data-slot", edge.Slot);
        group.SetAttributeValue("data-op", edge.Op);
        // The label sits on the last run into the target, where CellLayout keeps it clear of other labels and edges.
        group.Add(Text(route.LabelAnchor.X, route.LabelAnchor.Y, edge.Op!, (int)CellLayout.LabelFontSize, "end", highlighted ? "bold" : null, color, halo: true));
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
