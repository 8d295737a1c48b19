using PcDarts.Core.Contracts;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Search;
using PcDarts.Web.Components.Cells;

namespace PcDarts.Web.Tests;

/// <summary>The α panel of a search: an absolute scale with a toggle, and any edge's α over the epochs on a click or a key.</summary>
public sealed class ArchitecturePanelTests : BunitContext
{
    private const int Edges = 14; // four nodes: 2 + 3 + 4 + 5 incoming edges

    /// <summary>Three epochs: α of every edge starts uniform and moves toward sep_conv_3x3 by 0.1 an epoch.</summary>
    private static readonly IReadOnlyList<EpochArchitectureDto> History = Enumerable.Range(1, 3).Select(epoch =>
    {
        float[][] Alphas() => Enumerable.Range(0, Edges).Select(_ => SearchSpace.Primitives
            .Select(op => op == SearchSpace.SepConv3x3 ? 0.125f + 0.1f * (epoch - 1) : 0.125f - 0.1f * (epoch - 1) / 7).ToArray()).ToArray();
        return new EpochArchitectureDto(epoch, Alphas(), Alphas(), null, null, PublishedGenotypes.PcDartsCifarText);
    }).ToList();

    [Fact]
    public void Heatmaps_start_absolute_and_the_toggle_switches_both_to_per_matrix_and_back()
    {
        var cut = Render<ArchitecturePanel>(p => p.Add(a => a.History, History));

        Assert.All(cut.FindAll("figure.heatmap"), f => Assert.Equal("absolute", f.GetAttribute("data-scale")));
        Assert.Contains("absolute 0–1", cut.Find("#heatmap-scale").TextContent);
        Assert.Equal("false", cut.Find("#heatmap-scale").GetAttribute("aria-pressed"));

        cut.Find("#heatmap-scale").Click();
        Assert.All(cut.FindAll("figure.heatmap"), f => Assert.Equal("matrix", f.GetAttribute("data-scale")));
        Assert.Equal("true", cut.Find("#heatmap-scale").GetAttribute("aria-pressed"));
        Assert.Contains("this matrix's min to max", cut.Find("figure.heatmap .scale").TextContent);

        cut.Find("#heatmap-scale").Click();
        Assert.All(cut.FindAll("figure.heatmap"), f => Assert.Equal("absolute", f.GetAttribute("data-scale")));
    }

    [Fact]
    public void Clicking_a_cell_draws_that_edges_alpha_over_every_epoch_one_line_per_op()
    {
        var cut = Render<ArchitecturePanel>(p => p.Add(a => a.History, History));
        Assert.Empty(cut.FindAll(".edge-history"));

        cut.FindAll("figure[data-title='α normal cell'] g.heat-row")[2].QuerySelector("g.heat-cell")!.Click(); // edge c_{k-2} → 1

        var history = cut.Find(".edge-history");
        Assert.Equal("2", history.GetAttribute("data-edge"));
        Assert.Equal("Normal", history.GetAttribute("data-cell"));
        var chart = history.QuerySelector("figure.line-chart")!;
        Assert.Contains("c_{k-2} → 1", chart.GetAttribute("data-title"));
        Assert.Equal((SearchSpace.Primitives.Count * History.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), chart.GetAttribute("data-points"));
        Assert.Contains("selected", cut.FindAll("figure[data-title='α normal cell'] g.heat-row")[2].GetAttribute("class"));

        cut.Find(".edge-history button").Click();
        Assert.Empty(cut.FindAll(".edge-history"));
    }

    [Fact]
    public void A_focused_cell_opens_the_same_chart_with_Enter()
    {
        var cut = Render<ArchitecturePanel>(p => p.Add(a => a.History, History));

        var cell = cut.FindAll("figure[data-title='α reduction cell'] g.heat-row")[5].QuerySelector("g.heat-cell")!;
        Assert.Equal("0", cell.GetAttribute("tabindex"));
        cell.KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        var history = cut.Find(".edge-history");
        Assert.Equal("5", history.GetAttribute("data-edge"));
        Assert.Equal("Reduce", history.GetAttribute("data-cell"));
    }
}
