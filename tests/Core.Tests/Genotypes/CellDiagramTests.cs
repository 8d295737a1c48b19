using System.Xml.Linq;
using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Tests.Genotypes;

public class CellDiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<XElement> OpEdges(XDocument svg) =>
        svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("op-edge", StringComparison.Ordinal) == true).ToList();

    [Theory]
    [InlineData("PC_DARTS_cifar", CellKind.Normal)]
    [InlineData("PC_DARTS_cifar", CellKind.Reduce)]
    [InlineData("DARTS_V2", CellKind.Reduce)]
    public void The_svg_is_well_formed_with_one_labelled_arrow_per_genotype_edge(string name, CellKind kind)
    {
        var genotype = PublishedGenotypes.Get(name);

        var svg = XDocument.Parse(CellDiagram.ToSvg(genotype, kind));

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Matches(@"^0 0 \d+(\.\d)? \d+(\.\d)?$", (string?)svg.Root.Attribute("viewBox"));
        var edges = OpEdges(svg);
        Assert.Equal(genotype.Edges(kind).Count, edges.Count);
        Assert.Equal(genotype.Edges(kind).Select(e => e.Op), edges.Select(e => e.Element(Svg + "text")!.Value));
        Assert.Equal(4, svg.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "concat-edge"));
        Assert.Equal(["c_{k-2}", "c_{k-1}", "0", "1", "2", "3", "c_{k}"],
            svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("node", StringComparison.Ordinal) == true)
                .Select(g => g.Element(Svg + "text")!.Value));
        Assert.DoesNotContain("href", svg.ToString());
    }

    [Fact]
    public void Every_arrow_of_one_op_has_that_op_colour()
    {
        var svg = XDocument.Parse(CellDiagram.ToSvg(PublishedGenotypes.PC_DARTS_cifar, CellKind.Reduce));

        foreach (var edge in OpEdges(svg))
            Assert.Equal(CellDiagramSvg.ColorOf((string)edge.Attribute("data-op")!), (string?)edge.Element(Svg + "path")!.Attribute("stroke"));
        Assert.NotEqual(CellDiagramSvg.ColorOf("sep_conv_3x3"), CellDiagramSvg.ColorOf("max_pool_3x3"));
    }

    [Fact]
    public void Highlighted_slots_are_marked()
    {
        var svg = XDocument.Parse(CellDiagram.ToSvg(PublishedGenotypes.PC_DARTS_image, CellKind.Normal, new HashSet<(int, int)> { (3, 1), (0, 0) }));

        var marked = OpEdges(svg).Where(e => (string?)e.Attribute("class") == "op-edge highlight")
            .Select(e => ((int)e.Attribute("data-node")!, (int)e.Attribute("data-slot")!));
        Assert.Equal([(0, 0), (3, 1)], marked.Order());
    }

    [Fact]
    public void The_graph_model_maps_inputs_to_nodes_and_layers()
    {
        // PC_DARTS_image normal: node 3 reads node 2 (input 4), which reads node 1 (input 3): three layers of intermediate nodes.
        var diagram = CellDiagram.Build(PublishedGenotypes.PC_DARTS_image, CellKind.Normal);

        Assert.Equal(new DiagramEdge("2", "3", "dil_conv_5x5", 3, 1), diagram.Edges[7]);
        Assert.Equal(new DiagramEdge("c_{k-1}", "0", "skip_connect", 0, 0), diagram.Edges[0]);
        Assert.Equal([1, 1, 2, 3], diagram.Nodes.Where(n => n.Role == DiagramNodeRole.Intermediate).Select(n => n.Layer));
        Assert.Equal(4, diagram.Nodes.Single(n => n.Role == DiagramNodeRole.Output).Layer);
        Assert.Equal(12, diagram.Edges.Count);
    }

    [Fact]
    public void Five_node_cells_and_partial_concats_are_drawn()
    {
        var g5 = RandomGenotype.Sample(3, 5);
        var partial = Genotype.Parse(PublishedGenotypes.DartsV1Text.Replace("normal_concat=[2, 3, 4, 5]", "normal_concat=[4, 5]"));

        var svg5 = XDocument.Parse(CellDiagram.ToSvg(g5, CellKind.Normal));
        var svgPartial = XDocument.Parse(CellDiagram.ToSvg(partial, CellKind.Normal));

        Assert.Equal(10, OpEdges(svg5).Count);
        Assert.Equal(2, svgPartial.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "concat-edge"));
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        Assert.Equal(CellDiagram.ToSvg(PublishedGenotypes.DARTS_V1, CellKind.Normal), CellDiagram.ToSvg(PublishedGenotypes.DARTS_V1, CellKind.Normal));
    }
}
