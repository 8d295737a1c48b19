using PcDarts.Core.Genotypes;
using PcDarts.Web.Components.Cells;

namespace PcDarts.Web.Tests;

public sealed class CellViewTests : BunitContext
{
    [Fact]
    public void Normal_cell_of_PC_DARTS_cifar_has_its_seven_nodes_and_the_published_edges()
    {
        var genotype = PublishedGenotypes.PC_DARTS_cifar;
        var cut = Render<CellView>(p => p.Add(c => c.Genotype, genotype).Add(c => c.Kind, CellKind.Normal));

        var nodes = cut.FindAll("g.node").Select(n => n.GetAttribute("data-id")).ToList();
        Assert.Equal(["c_{k-2}", "c_{k-1}", "0", "1", "2", "3", "c_{k}"], nodes.OrderBy(Order));

        // Published text: node 0 ← (sep_conv_3x3, 1), (skip_connect, 0); node 1 ← (sep_conv_3x3, 0), (dil_conv_3x3, 1); ...
        var edges = cut.FindAll("g.op-edge")
            .Select(e => (Node: int.Parse(e.GetAttribute("data-node")!), Slot: int.Parse(e.GetAttribute("data-slot")!), Op: e.GetAttribute("data-op")!, Title: e.QuerySelector("title")!.TextContent))
            .OrderBy(e => e.Node).ThenBy(e => e.Slot).ToList();
        Assert.Equal(8, edges.Count);
        Assert.Equal(
            ["sep_conv_3x3", "skip_connect", "sep_conv_3x3", "dil_conv_3x3", "sep_conv_5x5", "sep_conv_3x3", "avg_pool_3x3", "dil_conv_3x3"],
            edges.Select(e => e.Op));
        Assert.Equal("sep_conv_3x3: c_{k-1} → 0", edges[0].Title);
        Assert.Equal("skip_connect: c_{k-2} → 0", edges[1].Title);
        Assert.Equal("dil_conv_3x3: c_{k-1} → 3", edges[7].Title);
        Assert.Equal(4, cut.FindAll("g.concat-edge").Count);
        Assert.Equal(genotype.ToDartsText(), cut.Find(".cell-diagram").GetAttribute("data-genotype"));
        Assert.Empty(cut.FindAll("g.op-edge.highlight"));
    }

    [Fact]
    public void Reduction_cell_reads_the_reduce_edges()
    {
        var cut = Render<CellView>(p => p.Add(c => c.Genotype, PublishedGenotypes.PC_DARTS_cifar).Add(c => c.Kind, CellKind.Reduce));
        Assert.Equal("reduce", cut.Find(".cell-diagram").GetAttribute("data-cell"));
        Assert.Equal(["max_pool_3x3", "sep_conv_5x5"], cut.FindAll("g.op-edge[data-node='0']").Select(e => e.GetAttribute("data-op")).Order());
    }

    [Fact]
    public void Without_a_genotype_it_says_so_instead_of_drawing()
    {
        var cut = Render<CellView>(p => p.Add(c => c.Kind, CellKind.Normal));
        Assert.Empty(cut.FindAll("svg"));
        Assert.Contains("No genotype yet", cut.Find(".chart-empty").TextContent);
    }

    private static int Order(string? id) => id switch { "c_{k-2}" => -2, "c_{k-1}" => -1, "c_{k}" => 100, _ => int.Parse(id!) };
}
