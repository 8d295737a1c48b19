using PcDarts.Core.Contracts;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Studies;
using PcDarts.Web.Components.Charts;
using PcDarts.Web.Components.Studies;

namespace PcDarts.Web.Tests;

public sealed class StudyTableTests : BunitContext
{
    private static StudyMemberDto Member(string configuration, int seed, double search, double? retrain, long parameters) =>
        new(Guid.NewGuid(), configuration, seed, ExperimentStatuses.Succeeded, search, 12.5, PublishedGenotypes.PC_DARTS_cifar.ToDartsText(),
            Guid.NewGuid(), retrain is null ? ExperimentStatuses.Running : ExperimentStatuses.Succeeded, retrain, parameters);

    [Fact]
    public void Aggregate_table_shows_mean_std_and_n_per_configuration_and_the_edge_agreement()
    {
        var configurations = StudyAggregation.Configurations(
            [Member("k=2", 1, 50, 60, 1000), Member("k=2", 2, 54, 64, 3000), Member("k=4", 1, 40, null, 2000)]);

        var cut = Render<StudyAggregateTable>(p => p.Add(c => c.Configurations, configurations));

        var k2 = cut.Find("tr[data-configuration='k=2']");
        Assert.Equal("52.00 ± 2.83 (n=2)", k2.QuerySelector("[data-stat=searchTop1]")!.TextContent);
        Assert.Equal("62.00 ± 2.83 (n=2)", k2.QuerySelector("[data-stat=retrainTop1]")!.TextContent);
        Assert.Equal("2000 ± 1414 (n=2)", k2.QuerySelector("[data-stat=parameters]")!.TextContent);
        Assert.Equal("100%", k2.QuerySelector("[data-stat=edgeAgreement]")!.TextContent.Replace(" ", ""));
        Assert.Contains("found by 2 of 2 seeds", k2.TextContent);

        var k4 = cut.Find("tr[data-configuration='k=4']");
        Assert.Equal("—", k4.QuerySelector("[data-stat=retrainTop1]")!.TextContent);
        Assert.Equal("40.00 (n=1)", k4.QuerySelector("[data-stat=searchTop1]")!.TextContent);
        Assert.Equal("—", k4.QuerySelector("[data-stat=edgeAgreement]")!.TextContent);
    }

    [Fact]
    public void Scatter_plots_one_point_per_item_coloured_by_group_and_is_empty_without_points()
    {
        var cut = Render<ScatterChart>(p => p.Add(c => c.Title, "params vs acc").Add(c => c.Points,
            [new ScatterChart.ScatterPoint(1000, 60, "k=2", "a"), new ScatterChart.ScatterPoint(3000, 64, "k=2", "b"), new ScatterChart.ScatterPoint(2000, 61, "k=4", "c")]));
        Assert.Equal(3, cut.FindAll("circle.point").Count);
        Assert.Equal(["k=2", "k=4"], cut.FindAll(".legend-item").Select(e => e.TextContent.Trim()));

        var empty = Render<ScatterChart>(p => p.Add(c => c.Title, "params vs acc").Add(c => c.EmptyText, "Points appear as retrains finish."));
        Assert.Empty(empty.FindAll("svg"));
        Assert.Contains("retrains finish", empty.Find(".chart-empty").TextContent);
    }
}
