using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Live;
using PcDarts.Core.Specs;
using PcDarts.Core.Studies;
using PcDarts.Web.Components.Charts;
using PcDarts.Web.Components.Pages;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>The study page sets what the searches found beside the random baseline: a table per configuration and one dot per member.</summary>
public sealed class StudyComparisonTests : BunitContext
{
    private static readonly Guid StudyId = Guid.NewGuid();
    private readonly OneStudy _studies = new();

    public StudyComparisonTests()
    {
        Services.AddSingleton<IStudiesData>(_studies);
        Services.AddSingleton<IExperimentEventStream>(new LiveStream());
        AddAuthorization().SetAuthorized("viewer@example.com");
    }

    private static StudyMemberDto Member(string configuration, int seed, double retrainTop1) =>
        new(Guid.NewGuid(), configuration, seed, ExperimentStatuses.Succeeded, 50, 30, null, Guid.NewGuid(), ExperimentStatuses.Succeeded, retrainTop1, 1000);

    private static StudyRandomMemberDto Random(int seed, double? top1) =>
        new(Guid.NewGuid(), seed, top1 is null ? ExperimentStatuses.Running : ExperimentStatuses.Succeeded, "Genotype(...)", top1, 900);

    private static StudyDto Study(IReadOnlyList<StudyMemberDto> members, IReadOnlyList<StudyRandomMemberDto> random)
    {
        var configurations = StudyAggregation.Configurations(members);
        return new StudyDto(StudyId, "K with baseline", [], ExperimentStatuses.Running,
            new Dictionary<string, JsonElement[]> { ["k"] = [JsonSerializer.SerializeToElement(2), JsonSerializer.SerializeToElement(4)] },
            new SearchSpec(), new RetrainSpec(), DateTimeOffset.UtcNow, "owner@example.com", null,
            members, configurations, StudyAggregation.Best(members), random, StudyAggregation.Comparisons(configurations, random));
    }

    [Fact]
    public void The_comparison_table_and_one_dot_per_retrained_member_render()
    {
        _studies.Study = Study(
            [Member("k=2", 1, 1), Member("k=2", 2, 2), Member("k=2", 3, 3), Member("k=4", 1, 9)],
            [Random(1, 4), Random(2, 5), Random(3, 6), Random(4, null)]);

        var cut = Render<StudyView>(p => p.Add(v => v.Id, StudyId));

        var k2 = cut.WaitForElement("#searched-vs-random tr[data-configuration='k=2']");
        Assert.Equal("2.00 ± 1.00 (n=3)", k2.QuerySelector("[data-stat=searched]")!.TextContent);
        Assert.Equal("5.00 ± 1.00 (n=3)", k2.QuerySelector("[data-stat=random]")!.TextContent);
        Assert.Equal("-3.00", k2.QuerySelector("[data-stat=difference]")!.TextContent);
        // ν = 4: -3 ± 2.776 · √(2/3).
        Assert.Equal("[-5.27, -0.73]", k2.QuerySelector("[data-stat=interval]")!.TextContent);
        Assert.Equal("30.0 ± 0.0 (n=3)", k2.QuerySelector("[data-stat=searchSeconds]")!.TextContent);
        var k4 = cut.Find("#searched-vs-random tr[data-configuration='k=4']");
        Assert.Equal("+4.00", k4.QuerySelector("[data-stat=difference]")!.TextContent);
        Assert.Equal("—", k4.QuerySelector("[data-stat=interval]")!.TextContent);

        // Seven retrained values: four searched in their configurations' columns, three random in one column; the running one has none yet.
        var dots = cut.FindAll("#searched-vs-random .strip-chart circle.point");
        Assert.Equal(4, dots.Count(d => d.GetAttribute("data-group") == "searched"));
        Assert.Equal(3, dots.Count(d => d.GetAttribute("data-group") == ExperimentOrigins.Random));
        Assert.Equal(["k=2", "k=4", "random"], cut.FindAll("#searched-vs-random .column-label").Select(l => l.TextContent));
        Assert.Equal(2, dots.Select(d => d.GetAttribute("fill")).Distinct().Count());

        // The members table lists the random retrains with their origin.
        Assert.Equal(4, cut.FindAll("table.study-members tr[data-random] td[data-origin=random]").Count);
        Assert.Equal(4, cut.FindAll("table.study-members td[data-origin=search]").Count);
    }

    [Fact]
    public void A_study_without_a_baseline_shows_no_comparison()
    {
        _studies.Study = Study([Member("k=2", 1, 1)], []);

        var cut = Render<StudyView>(p => p.Add(v => v.Id, StudyId));

        cut.WaitForElement("table.study-members");
        Assert.Empty(cut.FindAll("#searched-vs-random"));
    }

    [Fact]
    public void The_strip_chart_is_empty_without_points()
    {
        var empty = Render<StripChart>(p => p.Add(c => c.Title, "top-1").Add(c => c.EmptyText, "Dots appear as retrains finish."));

        Assert.Empty(empty.FindAll("svg"));
        Assert.Contains("retrains finish", empty.Find(".chart-empty").TextContent);
    }

    [Fact]
    public void A_strip_chart_saved_on_its_own_carries_its_title_and_legend_inside_the_svg()
    {
        StripChart.StripPoint[] points = [new("PC-DARTS (K=4)", 86.5, "searched", "seed 1"), new("random", 85.0, "random", "seed 1")];

        var standalone = Render<StripChart>(p => p.Add(c => c.Title, "test top-1").Add(c => c.Points, points).Add(c => c.LegendInSvg, true));
        var inPage = Render<StripChart>(p => p.Add(c => c.Title, "test top-1").Add(c => c.Points, points));

        var svg = standalone.Find("svg");
        Assert.Equal("http://www.w3.org/2000/svg", svg.GetAttribute("xmlns"));
        Assert.Contains("test top-1", svg.QuerySelector("text")!.TextContent);
        Assert.Equal(["searched", "random"], svg.QuerySelectorAll(".legend-item text").Select(t => t.TextContent));
        Assert.Equal(2, svg.QuerySelectorAll("circle.point").Length);
        Assert.Empty(inPage.Find("svg").QuerySelectorAll(".legend-item"));
    }

    private sealed class OneStudy : IStudiesData
    {
        public StudyDto? Study { get; set; }

        public Task<StudyDto?> GetStudyAsync(Guid id, CancellationToken ct = default) => Task.FromResult(id == Study?.Id ? Study : null);
        public Task<IReadOnlyList<StudySummaryDto>> ListStudiesAsync(CancellationToken ct = default) => throw new NotSupportedException();
        public Task<SubmitResult> SubmitStudyAsync(CreateStudyRequest request, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<string?> CancelStudyAsync(Guid id, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<string?> DeleteStudyAsync(Guid id, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
