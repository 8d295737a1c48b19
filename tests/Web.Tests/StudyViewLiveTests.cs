using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Live;
using PcDarts.Core.Specs;
using PcDarts.Web.Components.Pages;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>The study page follows its members through the live stream: a change shows when its event comes, not on a timer.</summary>
public sealed class StudyViewLiveTests : BunitContext
{
    private static readonly Guid StudyId = Guid.NewGuid();
    private static readonly Guid SearchId = Guid.NewGuid();
    private readonly StoredStudy _store = new();
    private readonly LiveStream _stream = new();

    public StudyViewLiveTests()
    {
        Services.AddSingleton<IStudiesData>(_store);
        Services.AddSingleton<IExperimentEventStream>(_stream);
        AddAuthorization().SetAuthorized("viewer@example.com");
    }

    [Fact]
    public async Task A_members_status_change_and_the_retrain_added_after_it_show_when_the_event_arrives_and_not_before()
    {
        var cut = Render<StudyView>(p => p.Add(v => v.Id, StudyId));
        cut.WaitForAssertion(() => Assert.Equal(ExperimentStatuses.Running, SearchStatus(cut)));
        Assert.Equal(StudyId, _stream.Study); // one subscription for the study, whatever members it has or gains
        Assert.Equal("● live", cut.Find("#study-live").TextContent);

        // The search succeeds and the study's watcher adds its retrain: nothing shows until an event says so.
        var retrainId = Guid.NewGuid();
        _store.Member = _store.Member with { SearchStatus = ExperimentStatuses.Succeeded, SearchTop1 = 0.5, RetrainId = retrainId, RetrainStatus = ExperimentStatuses.Queued };
        var reads = _store.Reads;
        await Task.Delay(LiveFeed.FastPoll + TimeSpan.FromSeconds(1));
        Assert.Equal(reads, _store.Reads);
        Assert.Equal(ExperimentStatuses.Running, SearchStatus(cut));

        await cut.InvokeAsync(() => _stream.Client!.StatusChanged(new StatusChangedEvent(retrainId, ExperimentStatuses.Queued, null, 0)));
        cut.WaitForAssertion(() => Assert.Equal(ExperimentStatuses.Succeeded, SearchStatus(cut)));
        Assert.Equal(ExperimentStatuses.Queued, cut.Find($"tr[data-member='{SearchId}'] a[href='/experiments/{retrainId}'] [data-status]").TextContent);

        // An epoch of the new member reloads as well.
        _store.Member = _store.Member with { RetrainStatus = ExperimentStatuses.Running };
        await cut.InvokeAsync(() => _stream.Client!.EpochCompleted(new EpochCompletedEvent(retrainId, new PcDarts.Core.Metrics.EpochMetrics
            {
                Epoch = 1, TrainLoss = 2, TrainTop1 = 10, LearningRate = 0.1, Seconds = 1, ImagesPerSecond = 100, PeakProcessBytes = 1,
            })));
        cut.WaitForAssertion(() => Assert.Equal(ExperimentStatuses.Running,
            cut.Find($"a[href='/experiments/{retrainId}'] [data-status]").TextContent));
    }

    private static string SearchStatus(IRenderedComponent<StudyView> cut) =>
        cut.Find($"tr[data-member='{SearchId}'] a[href='/experiments/{SearchId}'] [data-status]").TextContent;

    private sealed class StoredStudy : IStudiesData
    {
        private int _reads;

        public StudyMemberDto Member { get; set; } =
            new(SearchId, "k=2", 1, ExperimentStatuses.Running, null, null, null, null, null, null, null);

        public int Reads => Volatile.Read(ref _reads);

        public Task<StudyDto?> GetStudyAsync(Guid id, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _reads);
            var status = ExperimentStatuses.IsFinished(Member.RetrainStatus ?? "") ? ExperimentStatuses.Succeeded : ExperimentStatuses.Running;
            return Task.FromResult<StudyDto?>(id != StudyId ? null : new StudyDto(
                StudyId, "grid", [], status, new Dictionary<string, JsonElement[]> { ["k"] = [JsonSerializer.SerializeToElement(2)] },
                new SearchSpec(), new RetrainSpec(), DateTimeOffset.UtcNow, "owner@example.com", null, [Member], [], null, [], []));
        }

        public Task<IReadOnlyList<StudySummaryDto>> ListStudiesAsync(CancellationToken ct = default) => throw new NotSupportedException();
        public Task<SubmitResult> SubmitStudyAsync(CreateStudyRequest request, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<string?> CancelStudyAsync(Guid id, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<string?> DeleteStudyAsync(Guid id, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
