using PcDarts.Core.Genotypes;
using PcDarts.Web.Components.Cells;

namespace PcDarts.Web.Tests;

public sealed class CellComparisonTests : BunitContext
{
    [Fact]
    public void Edges_that_differ_from_the_first_genotype_are_highlighted_and_the_same_ones_are_not()
    {
        var a = PublishedGenotypes.PC_DARTS_cifar;
        var b = PublishedGenotypes.PC_DARTS_image;
        var cut = Render<CellComparison>(p => p.Add(c => c.Entries, [new("cifar", a), new("image", b)]));

        foreach (var (kind, name) in new[] { (CellKind.Normal, "normal"), (CellKind.Reduce, "reduce") })
        {
            var expected = GenotypeDiff.Compare(a, b).Where(d => d.Cell == kind && !d.Same).Select(d => (d.Node, d.Slot)).ToHashSet();
            Assert.NotEmpty(expected);
            foreach (var index in new[] { 0, 1 })
            {
                var drawn = cut.FindAll($".compare-row[data-cell={name}] .compare-cell[data-index='{index}'] g.op-edge.highlight")
                    .Select(e => (int.Parse(e.GetAttribute("data-node")!), int.Parse(e.GetAttribute("data-slot")!)))
                    .ToHashSet();
                Assert.Equal(expected, drawn);
                Assert.Equal(expected.Count.ToString(), cut.Find($".compare-row[data-cell={name}] .compare-cell[data-index='{index}'] [data-differ]").GetAttribute("data-differ"));
            }
        }
    }

    [Fact]
    public void Identical_genotypes_highlight_nothing()
    {
        var g = PublishedGenotypes.DARTS_V2;
        var cut = Render<CellComparison>(p => p.Add(c => c.Entries, [new("a", g), new("b", Genotype.Parse(g.ToDartsText()))]));
        Assert.Empty(cut.FindAll("g.op-edge.highlight"));
        Assert.Equal(32, cut.FindAll("g.op-edge").Count);
    }

    [Fact]
    public void A_run_without_a_genotype_is_shown_empty_and_does_not_break_the_others()
    {
        var cut = Render<CellComparison>(p => p.Add(c => c.Entries, [new("done", PublishedGenotypes.DARTS_V1), new("cancelled", null)]));
        Assert.Equal(2, cut.FindAll(".compare-cell .chart-empty").Count);
        Assert.Empty(cut.FindAll("g.op-edge.highlight"));
    }
}
