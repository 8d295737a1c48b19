using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Metrics;
using PcDarts.Core.Security;
using PcDarts.Core.Specs;
using PcDarts.Web.Components.ExperimentPanels;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>The experiment page's tag chips: its creator or an admin adds and removes them; a refusal shows beside them; others only read.</summary>
public sealed class TagEditorTests : BunitContext
{
    private const string Owner = "owner@example.com";
    private readonly TagStore _store = new(Experiment(["ablation"]));

    public TagEditorTests() => Services.AddSingleton<IDashboardData>(_store);

    [Fact]
    public void The_creator_adds_and_removes_tags_and_each_change_is_saved_and_shown()
    {
        SignIn(Owner, PlatformRoles.Member);
        var cut = RenderEditor();

        cut.Find("#new-tag").Change("k=4");
        cut.Find("form.tag-add").Submit();
        cut.WaitForAssertion(() => Assert.Equal(["ablation", "k=4"], Chips(cut)));
        Assert.Equal(["ablation", "k=4"], _store.Saved[^1]);
        Assert.Equal("", cut.Find("#new-tag").GetAttribute("value") ?? "");
        Assert.Equal("/?tag=k%3D4", cut.Find("[data-tag='k=4'] a").GetAttribute("href"));

        cut.Find("[data-tag='ablation'] .chip-remove").Click();
        cut.WaitForAssertion(() => Assert.Equal(["k=4"], Chips(cut)));
        Assert.Equal(["k=4"], _store.Saved[^1]);
        Assert.Empty(cut.FindAll("[data-tag-error]"));
    }

    [Fact]
    public void A_refused_tag_shows_the_reason_inline_and_changes_nothing()
    {
        SignIn("admin@example.com", PlatformRoles.Admin);
        var cut = RenderEditor();

        cut.Find("#new-tag").Change(new string('x', 65));
        cut.Find("form.tag-add").Submit();

        cut.WaitForAssertion(() => Assert.Equal(TagStore.TooLong, cut.Find("[data-tag-error]").TextContent));
        Assert.Equal(["ablation"], Chips(cut));
        Assert.Equal(new string('x', 65), cut.Find("#new-tag").GetAttribute("value")); // kept, to be corrected
    }

    [Theory]
    [InlineData(Owner, PlatformRoles.Viewer)]
    [InlineData("other@example.com", PlatformRoles.Member)]
    public void Anyone_else_sees_the_tags_as_filter_links_without_edit_controls(string user, string role)
    {
        SignIn(user, role);
        var cut = RenderEditor();
        Assert.Equal(["ablation"], Chips(cut));
        Assert.Equal("/?tag=ablation", cut.Find("[data-tag='ablation'] a").GetAttribute("href"));
        Assert.Empty(cut.FindAll(".chip-remove"));
        Assert.Empty(cut.FindAll("#new-tag"));
    }

    private IRenderedComponent<TagEditor> RenderEditor() => Render<TagEditor>(p => p.Add(t => t.Experiment, _store.Experiment));

    private static List<string> Chips(IRenderedComponent<TagEditor> cut) => cut.FindAll("[data-tag]").Select(c => c.GetAttribute("data-tag")!).ToList();

    private void SignIn(string user, string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user);
        auth.SetRoles(role);
    }

    private static ExperimentDto Experiment(string[] tags) => new(
        Guid.NewGuid(), ExperimentKinds.Search, "k4", tags, ExperimentStatuses.Succeeded, "cpu", 2, new SearchSpec(), null,
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, null, null, null, null, null, null, 1, null, [], Owner);

    /// <summary>Saves tags as the REST handler does, refusing one over its length limit with the handler's message.</summary>
    private sealed class TagStore(ExperimentDto experiment) : IDashboardData
    {
        public const string TooLong = "tags: each tag must be non-empty and at most 64 characters";
        private readonly ReadOnlyDashboardData _reads = new(experiment);

        public ExperimentDto Experiment { get; private set; } = experiment;
        public List<string[]> Saved { get; } = [];

        public Task<(ExperimentDto? Experiment, string? Error)> SetTagsAsync(Guid id, IReadOnlyList<string> tags, CancellationToken ct = default)
        {
            if (tags.Any(t => t.Length > 64)) return Task.FromResult<(ExperimentDto?, string?)>((null, TooLong));
            Saved.Add([.. tags]);
            Experiment = Experiment with { Tags = [.. tags] };
            return Task.FromResult<(ExperimentDto?, string?)>((Experiment, null));
        }

        public Task<ExperimentPage> ListExperimentsAsync(ExperimentQuery query, CancellationToken ct = default) => _reads.ListExperimentsAsync(query, ct);
        public Task<ExperimentDto?> GetExperimentAsync(Guid id, CancellationToken ct = default) => _reads.GetExperimentAsync(id, ct);
        public Task<IReadOnlyList<EpochMetrics>> GetMetricsAsync(Guid id, int afterEpoch = 0, CancellationToken ct = default) => _reads.GetMetricsAsync(id, afterEpoch, ct);
        public Task<IReadOnlyList<EpochArchitectureDto>> GetArchitectureAsync(Guid id, int afterEpoch = 0, CancellationToken ct = default) => _reads.GetArchitectureAsync(id, afterEpoch, ct);
        public Task<SubmitResult> SubmitSearchAsync(CreateSearchRequest request, CancellationToken ct = default) => _reads.SubmitSearchAsync(request, ct);
        public Task<SubmitResult> SubmitRetrainAsync(CreateRetrainRequest request, CancellationToken ct = default) => _reads.SubmitRetrainAsync(request, ct);
        public Task<string?> CancelAsync(Guid id, CancellationToken ct = default) => _reads.CancelAsync(id, ct);
        public Task<string?> DeleteAsync(Guid id, CancellationToken ct = default) => _reads.DeleteAsync(id, ct);
        public Task<(CompareDto? Result, string? Error)> CompareAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default) => _reads.CompareAsync(ids, ct);
        public Task<IReadOnlyList<RunnerDto>> ListRunnersAsync(CancellationToken ct = default) => _reads.ListRunnersAsync(ct);
    }
}
