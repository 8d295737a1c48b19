using System.Text.Json;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;
using PcDarts.Core.Studies;
using PcDarts.Web.Components.Pages;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>The New study form: the grid built from the API's own list of fields, its size said before queuing, the API's errors beside their fields.</summary>
public sealed class StudyFormTests : BunitContext
{
    private readonly StudiesFake _studies = new();

    public StudyFormTests()
    {
        Services.AddSingleton<IStudiesData>(_studies);
        Services.AddSingleton<IDatasetsData>(new RegisteredSets());
    }

    [Fact]
    public void The_grid_offers_the_search_fields_the_API_varies_each_once()
    {
        var cut = Render<NewStudy>();
        Assert.Equal(["k", "edgeNormalization", "seed"], cut.FindAll(".grid-row").Select(r => r.GetAttribute("data-key")));
        // A field already in the grid is not offered again in another row.
        Assert.DoesNotContain("seed", cut.FindAll(".grid-row[data-key=k] option").Select(o => o.GetAttribute("value")));

        while (cut.FindAll(".grid-row button").Count > 0) cut.Find(".grid-row button").Click();
        cut.Find("#add-grid-row").Click();

        var offered = cut.FindAll(".grid-row option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(StudyGrid.Keys, offered.Select(o => o!));
        Assert.Contains("warmupEpochs", offered);
        Assert.DoesNotContain("threads", offered);
    }

    [Fact]
    public void The_member_count_follows_the_grid_and_the_retrain_toggle_and_the_limit_blocks_queuing()
    {
        var cut = Render<NewStudy>();
        Assert.StartsWith("4 × 2 × 3 = 24 searches, 24 retrains", cut.Find("#member-count").TextContent);

        cut.Find(".grid-row[data-key=edgeNormalization] button").Click();
        cut.Find(".grid-row[data-key=k] input").Change("2, 4");
        cut.Find(".grid-row[data-key=seed] input").Change("1, 2");
        Assert.StartsWith("2 × 2 = 4 searches, 4 retrains", cut.Find("#member-count").TextContent);
        Assert.Contains($"at most {SpecLimits.MaxStudyMembers}", cut.Find("#member-count").TextContent);

        cut.Find("#with-retrain").Change(false);
        Assert.StartsWith("2 × 2 = 4 searches (", cut.Find("#member-count").TextContent);

        cut.Find(".grid-row[data-key=seed] input").Change(string.Join(", ", Enumerable.Range(1, 40)));
        Assert.Equal($"2 × 40 = more than {SpecLimits.MaxStudyMembers} searches: over the limit of {SpecLimits.MaxStudyMembers} for one study",
            cut.Find("#member-count").TextContent);
        Assert.True(cut.Find("#submit").HasAttribute("disabled"));
    }

    [Fact]
    public void Errors_the_API_answers_sit_next_to_the_field_they_name()
    {
        _studies.Answer = new SubmitResult(null, new Dictionary<string, string[]>
        {
            ["name"] = ["is taken"],
            ["grid.seed"] = ["lists too many seeds for this server"],
            ["search.epochs"] = ["must be at most 3 on this server"],
            ["retrain.epochs"] = ["must be at most 2 on this server"],
            ["retrain.cutout"] = ["must be even"],
        });
        var cut = Render<NewStudy>();

        cut.Find("form").Submit();

        Assert.NotNull(_studies.Submitted);
        Assert.Contains("is taken", cut.Find("[data-field=name] .field-error").TextContent);
        Assert.Contains("too many seeds", cut.Find(".grid-row[data-key=seed] .field-error").TextContent);
        Assert.Contains("at most 3", cut.Find("[data-field='search.epochs'] .field-error").TextContent);
        Assert.Contains("at most 2", cut.Find("[data-field='retrain.epochs'] .field-error").TextContent);
        Assert.Equal("cutout: must be even", cut.Find("[data-error-for=retrain]").TextContent);
    }

    [Fact]
    public void The_form_checks_every_member_as_the_API_does_and_queues_what_it_shows()
    {
        var cut = Render<NewStudy>();
        cut.Find("[id='f-search.channels']").Change("6");
        Assert.Contains("does not divide the 6 channels", cut.Find(".grid-row[data-key=k] .field-error").TextContent);
        cut.Find("form").Submit();
        Assert.Null(_studies.Submitted);

        cut.Find("[id='f-search.channels']").Change("8");
        cut.Find("[id='f-search.epochs']").Change("2");
        cut.Find("form").Submit();

        var sent = _studies.Submitted!;
        Assert.Equal(2, sent.Search!.Epochs);
        Assert.Equal(["k", "edgeNormalization", "seed"], sent.Grid!.Keys);
        Assert.Equal([1, 2, 4, 8], sent.Grid["k"].Select(v => v.GetInt32()));
        Assert.Equal(StudyPresets.PaperAblation.Retrain, sent.Retrain);
        Assert.EndsWith($"/studies/{StudiesFake.NewId}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Edit_as_JSON_shows_the_request_and_applies_the_edited_text_to_the_form()
    {
        var cut = Render<NewStudy>();
        cut.Find("#edit-json").Click();
        var json = JsonSerializer.Deserialize<CreateStudyRequest>(cut.Find("#f-json").GetAttribute("value") ?? cut.Find("#f-json").TextContent, StudyGrid.Json)!;
        Assert.Equal(StudyPresets.PaperAblation.Name, json.Name);

        cut.Find("#f-json").Change("""{"name":"two seeds","grid":{"seed":[1,2]},"search":{"dataset":"synthetic","epochs":1}}""");
        cut.Find("#edit-json").Click();

        Assert.Equal("two seeds", cut.Find("#f-name").GetAttribute("value"));
        Assert.StartsWith("2 searches (", cut.Find("#member-count").TextContent);
        Assert.Equal("1", cut.Find("[id='f-search.epochs']").GetAttribute("value"));

        cut.Find("#edit-json").Click();
        cut.Find("#f-json").Change("""{"name":"x","grid":{"seed":[1]},"serach":{}}""");
        cut.Find("#edit-json").Click();
        Assert.Contains("not a valid study", cut.Find("[data-field=json] .field-error").TextContent);
    }

    [Fact]
    public void Run_again_keeps_the_random_baseline_and_the_form_checks_its_bound()
    {
        _studies.Study = new StudyDto(Guid.NewGuid(), "K sweep", [], ExperimentStatuses.Succeeded,
            new() { ["seed"] = [JsonSerializer.SerializeToElement(1)] }, new SearchSpec { Dataset = "synthetic" }, new RetrainSpec { Dataset = "synthetic" },
            DateTimeOffset.UtcNow, "a@test.local", null, [], [], null,
            [new(Guid.NewGuid(), 1, ExperimentStatuses.Succeeded, null, 50, 10), new(Guid.NewGuid(), 2, ExperimentStatuses.Succeeded, null, 52, 10)], []);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/new/study?clone={_studies.Study.Id}");

        var cut = Render<NewStudy>();

        Assert.Equal("2", cut.Find("[id='f-baselines.random']").GetAttribute("value"));
        cut.Find("[id='f-baselines.random']").Change("17");
        Assert.Contains("between 0 and 16", cut.Markup);
    }

    [Fact]
    public void Run_again_with_changes_opens_the_form_filled_in_from_the_study()
    {
        _studies.Study = new StudyDto(Guid.NewGuid(), "K sweep", ["sweep"], ExperimentStatuses.Succeeded,
            new() { ["k"] = [JsonSerializer.SerializeToElement(2), JsonSerializer.SerializeToElement(4)] },
            new SearchSpec { Dataset = "synthetic", Epochs = 2 }, null, DateTimeOffset.UtcNow, "a@test.local", null, [], [], null, [], []);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/new/study?clone={_studies.Study.Id}");

        var cut = Render<NewStudy>();

        Assert.Equal("K sweep (again)", cut.Find("#f-name").GetAttribute("value"));
        Assert.Equal("sweep", cut.Find("#f-tags").GetAttribute("value"));
        Assert.Equal(["k"], cut.FindAll(".grid-row").Select(r => r.GetAttribute("data-key")));
        Assert.Equal("2", cut.Find("[id='f-search.epochs']").GetAttribute("value"));
        Assert.False(cut.Find("#with-retrain").HasAttribute("checked"));
        Assert.Empty(cut.FindAll("#expected-time"));
    }

    internal sealed class StudiesFake : IStudiesData
    {
        public static readonly Guid NewId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        public SubmitResult Answer { get; set; } = SubmitResult.Created(NewId);
        public CreateStudyRequest? Submitted { get; private set; }
        public StudyDto? Study { get; set; }
        public string? DeleteRefusal { get; set; }
        public List<Guid> Deleted { get; } = [];

        public Task<IReadOnlyList<StudySummaryDto>> ListStudiesAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<StudySummaryDto>>([]);
        public Task<StudyDto?> GetStudyAsync(Guid id, CancellationToken ct = default) => Task.FromResult(Study?.Id == id ? Study : null);
        public Task<string?> CancelStudyAsync(Guid id, CancellationToken ct = default) => Task.FromResult<string?>(null);

        public Task<SubmitResult> SubmitStudyAsync(CreateStudyRequest request, CancellationToken ct = default)
        {
            Submitted = request;
            return Task.FromResult(Answer);
        }

        public Task<string?> DeleteStudyAsync(Guid id, CancellationToken ct = default)
        {
            if (DeleteRefusal is null) Deleted.Add(id);
            return Task.FromResult(DeleteRefusal);
        }
    }
}
