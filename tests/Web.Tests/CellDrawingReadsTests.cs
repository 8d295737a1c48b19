using System.Globalization;
using PcDarts.Core.Genotypes;
using PcDarts.Web.Components.Cells;

namespace PcDarts.Web.Tests;

/// <summary>
/// The cell drawing as the page renders it (read back from the SVG markup, not from the layout object): no two edge labels
/// overlap, no edge runs through a node box, no edge runs through another edge's label.
/// </summary>
public sealed class CellDrawingReadsTests : BunitContext
{
    public static TheoryData<string, int> Genotypes()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in PublishedGenotypes.Names) data.Add(name, 0);
        for (var seed = 1; seed <= 40; seed++) data.Add("random", seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Genotypes))]
    public void Labels_edges_and_boxes_keep_clear_of_each_other(string name, int seed)
    {
        var genotype = name == "random" ? RandomGenotype.Sample(seed) : PublishedGenotypes.Get(name);
        foreach (var kind in new[] { CellKind.Normal, CellKind.Reduce })
        {
            var cut = Render<CellView>(p => p.Add(c => c.Genotype, genotype).Add(c => c.Kind, kind));
            var boxes = cut.FindAll("g.node rect").Select(r => new LayoutBox(D(r, "x"), D(r, "y"), D(r, "width"), D(r, "height"))).ToList();
            var edges = cut.FindAll("g.op-edge, g.concat-edge").Select(g => (
                Name: g.QuerySelector("title")!.TextContent,
                Runs: Runs(g.QuerySelector("path")!.GetAttribute("d")!),
                Label: g.QuerySelector("text") is { } t ? LabelBox(t) : (LayoutBox?)null)).ToList();
            Assert.Equal(genotype.Edges(kind).Count + genotype.Concat(kind).Count, edges.Count);

            foreach (var edge in edges)
            {
                foreach (var (x0, y0, x1, y1) in edge.Runs)
                {
                    Assert.All(boxes, box => Assert.False(box.Crosses(x0, y0, x1, y1), $"{kind}: {edge.Name} runs through a node box"));
                    foreach (var other in edges.Where(o => o.Name != edge.Name && o.Label is not null))
                        Assert.False(other.Label!.Value.Crosses(x0, y0, x1, y1), $"{kind}: {edge.Name} runs through the label of {other.Name}");
                }
                foreach (var other in edges.Where(o => o.Name != edge.Name && o.Label is not null && edge.Label is not null))
                    Assert.False(edge.Label!.Value.Overlaps(other.Label!.Value), $"{kind}: the labels of {edge.Name} and {other.Name} overlap");
            }
        }
    }

    /// <summary>An end-anchored 11 px label's box: as wide as its text at a generous width per character, from ascender to baseline.</summary>
    private static LayoutBox LabelBox(AngleSharp.Dom.IElement text)
    {
        Assert.Equal("end", text.GetAttribute("text-anchor"));
        var width = text.TextContent.Length * CellLayout.LabelCharWidth;
        return new LayoutBox(D(text, "x") - width, D(text, "y") - CellLayout.LabelFontSize + 1, width, CellLayout.LabelFontSize + 2);
    }

    /// <summary>The straight runs of an "M x y L x y …" path.</summary>
    private static List<(double, double, double, double)> Runs(string d)
    {
        var numbers = d.Split([' ', 'M', 'L'], StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToList();
        var points = Enumerable.Range(0, numbers.Count / 2).Select(i => (X: numbers[2 * i], Y: numbers[2 * i + 1])).ToList();
        return points.Zip(points.Skip(1), (a, b) => (a.X, a.Y, b.X, b.Y)).ToList();
    }

    private static double D(AngleSharp.Dom.IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
