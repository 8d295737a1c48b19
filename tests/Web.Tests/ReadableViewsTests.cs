using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Metrics;
using PcDarts.Core.Search;
using PcDarts.Core.Security;
using PcDarts.Core.Specs;
using PcDarts.Web.Components.Charts;
using PcDarts.Web.Components.ExperimentPanels;
using PcDarts.Web.Components.Pages;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>The views read as a user reads them: an honest colour scale, outlines only for decided edges, no stale badges, no empty boxes.</summary>
public sealed class ReadableViewsTests : BunitContext
{
    private static readonly float[][] Uniform = Enumerable.Range(0, 2).Select(_ => Enumerable.Repeat(0.125f, 8).ToArray()).ToArray();
    private const string Darkest = "#08306b";

    [Fact]
    public void Heatmap_is_absolute_by_default_so_a_uniform_alpha_is_pale_and_each_value_is_printed_and_focusable()
    {
        var cut = Render<Heatmap>(p => p.Add(h => h.Title, "α").Add(h => h.Values, Uniform).Add(h => h.ColumnLabels, SearchSpace.Primitives));

        Assert.Equal("absolute", cut.Find("figure").GetAttribute("data-scale"));
        var cells = cut.FindAll("g.heat-cell");
        Assert.Equal(16, cells.Count);
        var fills = cells.Select(c => c.QuerySelector("rect")!.GetAttribute("fill")).Distinct().ToList();
        var fill = Assert.Single(fills);
        Assert.True(Brightness(fill!) > 0.8, $"0.125 on a 0–1 scale should be pale, got {fill}");
        Assert.All(cells, c => Assert.Equal(".13", c.QuerySelector("text")!.TextContent));
        Assert.All(cells, c => Assert.Equal("0", c.GetAttribute("tabindex")));
        Assert.Contains("none: 0.1250", cells[0].QuerySelector("title")!.TextContent);
        Assert.Contains("absolute: 0 to 1", cut.Find(".scale").TextContent);
    }

    [Fact]
    public void Per_matrix_scale_stretches_the_matrix_while_absolute_keeps_a_mid_value_mid_blue()
    {
        float[][] values = [[0.2f, 0.6f]];
        var absolute = Render<Heatmap>(p => p.Add(h => h.Title, "α").Add(h => h.Values, values));
        var perMatrix = Render<Heatmap>(p => p.Add(h => h.Title, "α").Add(h => h.Values, values).Add(h => h.PerMatrix, true));

        Assert.Equal(Darkest, perMatrix.FindAll("g.heat-cell rect")[1].GetAttribute("fill"));
        Assert.NotEqual(Darkest, absolute.FindAll("g.heat-cell rect")[1].GetAttribute("fill"));
        Assert.Equal("matrix", perMatrix.Find("figure").GetAttribute("data-scale"));
    }

    [Fact]
    public void Kept_ops_are_outlined_only_when_they_lead_the_runner_up_by_more_than_the_stated_margin()
    {
        float[][] values =
        [
            [0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f], // uniform: undecided
            [0.30f, 0.05f, 0.05f, 0.05f, 0.40f, 0.05f, 0.05f, 0.05f],         // sep_conv_3x3 leads by 0.35 over the rest ("none" is not a rival)
            [0.05f, 0.05f, 0.05f, 0.05f, 0.30f, 0.27f, 0.13f, 0.10f],         // leads by 0.03: undecided
        ];
        var kept = new HashSet<(int, int)> { (0, 4), (1, 4), (2, 4) };
        var cut = Render<Heatmap>(p => p.Add(h => h.Title, "α").Add(h => h.Values, values).Add(h => h.Marked, kept)
            .Add(h => h.MarginIgnoresColumn, SearchSpace.IndexOf(SearchSpace.None)));

        var marked = cut.FindAll("g.heat-cell.marked");
        var only = Assert.Single(marked);
        Assert.Equal("1", only.ParentElement!.GetAttribute("data-row"));
        Assert.Contains("leads the runner-up by more than 0.05", cut.Find(".outline-legend").TextContent);
        Assert.Contains("1 of 3 edges decided", cut.Find(".outline-legend").TextContent);
    }

    [Fact]
    public void Beta_bars_have_an_axis_and_print_each_value()
    {
        var cut = Render<BetaBars>(p => p.Add(b => b.Title, "β").Add(b => b.Nodes, 1).Add(b => b.Betas, [0.75f, 0.25f]));
        Assert.Equal(["0", "0.25", "0.5", "0.75", "1"], cut.FindAll(".beta-axis text").Select(t => t.TextContent));
        Assert.Equal([".75", ".25"], cut.FindAll("text.beta-value").Select(t => t.TextContent));
    }

    [Theory]
    [InlineData(ExperimentStatuses.Running, true)]
    [InlineData(ExperimentStatuses.Queued, true)]
    [InlineData(ExperimentStatuses.Succeeded, false)]
    [InlineData(ExperimentStatuses.Cancelled, false)]
    [InlineData(ExperimentStatuses.Failed, false)]
    public void Live_badge_shows_only_while_the_run_can_still_change(string status, bool shown)
    {
        AddAuthorization().SetAuthorized("someone@example.com").SetRoles(PlatformRoles.Viewer);
        Services.AddSingleton<IDashboardData>(new ReadOnlyDashboardData());
        var cut = Render<ExperimentHeader>(p => p.Add(h => h.Experiment, Experiment(status)).Add(h => h.Streaming, true));
        Assert.Equal(shown, cut.FindAll(".live").Count == 1);
    }

    [Theory]
    [InlineData(ExperimentStatuses.Queued, "no runner has taken it up yet")]
    [InlineData(ExperimentStatuses.Cancelled, "Cancelled before its first epoch finished")]
    public void An_experiment_without_epochs_says_why_instead_of_drawing_empty_charts(string status, string why)
    {
        AddAuthorization().SetAuthorized("someone@example.com").SetRoles(PlatformRoles.Viewer);
        var experiment = Experiment(status);
        Services.AddSingleton<IDashboardData>(new ReadOnlyDashboardData(experiment));
        Services.AddSingleton<IExperimentLogs>(new NoLogs());

        var cut = Render<ExperimentView>(p => p.Add(v => v.Id, experiment.Id));

        cut.WaitForAssertion(() => Assert.Contains(why, cut.Find(".nothing-recorded").TextContent));
        Assert.Empty(cut.FindAll("figure.chart"));
        Assert.Empty(cut.FindAll(".cell-diagram"));
        Assert.Equal(ExperimentStatuses.IsActive(status), cut.FindAll(".live").Count == 1);
    }

    private static ExperimentDto Experiment(string status) => new(
        Guid.NewGuid(), ExperimentKinds.Search, "k4", [], status, "cpu", 2, new SearchSpec(), null,
        DateTimeOffset.UtcNow, null, null, null, null, null, null, null, null, 0, null, [], "owner@example.com");

    /// <summary>Relative luminance-ish brightness of a #rrggbb colour, 0 (black) to 1 (white).</summary>
    private static double Brightness(string hex) =>
        (Convert.ToInt32(hex[1..3], 16) + Convert.ToInt32(hex[3..5], 16) + Convert.ToInt32(hex[5..7], 16)) / (3 * 255.0);
}
