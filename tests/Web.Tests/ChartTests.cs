using PcDarts.Core.Genotypes;
using PcDarts.Web.Components.Cells;
using PcDarts.Web.Components.Charts;

namespace PcDarts.Web.Tests;

public sealed class ChartTests : BunitContext
{
    [Fact]
    public void Line_chart_with_no_data_shows_its_empty_state_and_no_plot()
    {
        var cut = Render<LineChart>(p => p.Add(c => c.Title, "Loss"));
        Assert.Equal("0", cut.Find("figure").GetAttribute("data-points"));
        Assert.Empty(cut.FindAll("svg"));
        Assert.Contains("No data yet", cut.Find(".chart-empty").TextContent);
    }

    [Fact]
    public void Line_chart_with_series_but_no_finite_points_is_empty_too()
    {
        var cut = Render<LineChart>(p => p.Add(c => c.Title, "Loss")
            .Add(c => c.Series, [new ChartSeries("train", "#000", []), new ChartSeries("valid", "#111", [new ChartPoint(1, double.NaN)])]));
        Assert.Empty(cut.FindAll("svg"));
        Assert.Empty(cut.FindAll(".legend-item"));
    }

    [Fact]
    public void Line_chart_draws_one_point_per_value_and_a_line_per_series()
    {
        var cut = Render<LineChart>(p => p.Add(c => c.Title, "Loss").Add(c => c.Series,
            [new ChartSeries("train", "#000", [new(1, 2.3), new(2, 2.0), new(3, 1.7)]), new ChartSeries("valid", "#111", [new(1, 2.4)])]));
        Assert.Equal("4", cut.Find("figure").GetAttribute("data-points"));
        Assert.Equal(4, cut.FindAll("circle.point").Count);
        Assert.Single(cut.FindAll("polyline"));
        Assert.Equal(["train", "valid"], cut.FindAll(".legend-item").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public void Beta_bars_without_betas_explain_why()
    {
        var cut = Render<BetaBars>(p => p.Add(c => c.Title, "β normal").Add(c => c.Nodes, 4));
        Assert.Contains("edge normalization is off", cut.Find(".chart-empty").TextContent);
    }

    [Fact]
    public void Genotype_timeline_gives_the_epoch_each_edge_last_changed()
    {
        var first = PublishedGenotypes.DARTS_V2;
        var normal = first.Normal.ToArray();
        normal[3] = new GenotypeEdge("dil_conv_5x5", 0);
        var second = new Genotype(normal, first.NormalConcat, first.Reduce, first.ReduceConcat);
        var rows = GenotypeTimeline.LastChanges([(1, first), (2, second), (3, second)], CellKind.Normal);
        Assert.Equal(2, rows.Single(r => r.Node == 1 && r.Slot == 1).LastChanged);
        Assert.All(rows.Where(r => r.Index != 3), r => Assert.Equal(1, r.LastChanged));

        var cut = Render<GenotypeTimeline>(p => p.Add(c => c.History, [(1, first), (2, second), (3, second)]).Add(c => c.Kind, CellKind.Normal));
        Assert.Equal("2", cut.Find("[data-stable-since]").GetAttribute("data-stable-since"));
    }
}
