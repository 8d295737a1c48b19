using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Live;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Tests.Live;

/// <summary>A study's followers (hub group and in-process) hear every member's status changes and epochs, members added later included, and nothing else.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StudyStreamTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Study_followers_get_the_epochs_and_statuses_of_its_members_and_of_one_added_later_but_not_of_others()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var api = LiveApiHost.Start(connectionString, embeddedRunner: false);
        var created = await api.Http.PostAsJsonAsync("/api/studies", new { name = "live", grid = new { seed = new[] { 1, 2 } }, search = Specs.TinySearch() });
        var studyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var members = (await api.Http.GetFromJsonAsync<StudyDto>($"/api/studies/{studyId}"))!.Members.Select(m => m.SearchId).ToList();
        var outsider = await Polling.SubmitAsync(api.Http, Specs.TinySearch());

        var heard = new ConcurrentQueue<(Guid Id, string What)>();
        await using var hub = api.Hub();
        hub.On<EpochCompletedEvent>(nameof(IExperimentClient.EpochCompleted), e => heard.Enqueue((e.ExperimentId, $"epoch {e.Metrics.Epoch}")));
        hub.On<StatusChangedEvent>(nameof(IExperimentClient.StatusChanged), e => heard.Enqueue((e.ExperimentId, e.Status)));
        hub.On<LogLineEvent>(nameof(IExperimentClient.LogLine), e => heard.Enqueue((e.ExperimentId, "log")));
        await hub.StartAsync();
        await hub.InvokeAsync(nameof(IExperimentHub.SubscribeStudy), studyId);
        var stream = api.Services.GetRequiredService<IExperimentEventStream>();
        Assert.True(stream.Connected);
        var inProcess = new ConcurrentQueue<Guid>();
        using var subscription = stream.SubscribeStudy(studyId, new IdRecorder(inProcess));

        var later = await AddMemberAsync(api, studyId); // as the study's watcher adds a retrain
        RecordedEpochs.CommitEpoch(connectionString, outsider, epoch: 1);
        RecordedEpochs.CommitEpoch(connectionString, members[0], epoch: 1);
        RecordedEpochs.CommitEpoch(connectionString, later, epoch: 1);
        (await api.Http.PostAsync($"/api/experiments/{members[1]}/cancel", null)).EnsureSuccessStatusCode();

        var expected = new[] { (members[0], "epoch 1"), (later, "epoch 1"), (members[1], ExperimentStatuses.Cancelled) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!expected.All(heard.Contains) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(expected, heard.ToArray()); // in commit order; no log lines, nothing of the outsider
        Assert.Equal(expected.Select(e => e.Item1), inProcess);
    }

    private static async Task<Guid> AddMemberAsync(LiveApiHost api, Guid studyId)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
        var member = new Experiment
        {
            Id = Guid.CreateVersion7(), Kind = ExperimentKinds.Retrain, Name = "retrain · later", Spec = "{}", Queue = "cpu",
            CreatedAt = DateTimeOffset.UtcNow, StudyId = studyId,
        };
        db.Experiments.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }

    private sealed class IdRecorder(ConcurrentQueue<Guid> ids) : IExperimentClient
    {
        public Task EpochCompleted(EpochCompletedEvent e) { ids.Enqueue(e.ExperimentId); return Task.CompletedTask; }
        public Task StatusChanged(StatusChangedEvent e) { ids.Enqueue(e.ExperimentId); return Task.CompletedTask; }
        public Task ArchitectureUpdated(ArchitectureUpdatedEvent e) { ids.Enqueue(e.ExperimentId); return Task.CompletedTask; }
        public Task LogLine(LogLineEvent e) { ids.Enqueue(e.ExperimentId); return Task.CompletedTask; }
    }
}
