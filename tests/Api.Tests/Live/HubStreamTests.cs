using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Live;

namespace PcDarts.Api.Tests.Live;

[Collection(PostgresCollection.Name)]
public sealed class HubStreamTests(PostgresCluster cluster)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_subscribed_SignalR_client_and_an_in_process_subscriber_receive_every_epoch_of_a_running_search_in_order()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        await using var hub = api.Hub();
        var epochs = new ConcurrentQueue<int>();
        var architectures = new ConcurrentQueue<ArchitectureUpdatedEvent>();
        var logs = new ConcurrentQueue<LogLineEvent>();
        var finished = new TaskCompletionSource<StatusChangedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        LogLineEvent[] linesAtFinalStatus = [];
        hub.On<EpochCompletedEvent>(nameof(IExperimentClient.EpochCompleted), e => epochs.Enqueue(e.Metrics.Epoch));
        hub.On<ArchitectureUpdatedEvent>(nameof(IExperimentClient.ArchitectureUpdated), architectures.Enqueue);
        hub.On<LogLineEvent>(nameof(IExperimentClient.LogLine), logs.Enqueue);
        hub.On<StatusChangedEvent>(nameof(IExperimentClient.StatusChanged), e =>
        {
            if (e.Status is not ("succeeded" or "failed" or "cancelled")) return;
            linesAtFinalStatus = logs.ToArray(); // what a client that stops following here has
            finished.TrySetResult(e);
        });
        await hub.StartAsync();

        var id = await Polling.SubmitAsync(api.Http, Specs.TinySearch(epochs: 3));
        var inProcess = new RecordingClient();
        using var subscription = api.Services.GetRequiredService<IExperimentEventStream>().Subscribe(id, inProcess);
        await hub.InvokeAsync(nameof(IExperimentHub.Subscribe), id);

        var end = await finished.Task.WaitAsync(RunTimeout);
        Assert.Equal("succeeded", end.Status);
        Assert.Equal(3, end.EpochsCompleted);
        Assert.Equal([1, 2, 3], epochs);
        Assert.Equal([1, 2, 3], architectures.Select(a => a.Epoch));
        Assert.All(architectures, a => PcDarts.Core.Genotypes.Genotype.Parse(a.Genotype));
        Assert.Contains(logs, l => l.Text.StartsWith("epoch 3/3 done", StringComparison.Ordinal));
        // The final line comes before the status it explains: a client that stops at the status has it.
        Assert.StartsWith("succeeded after 3 epochs", linesAtFinalStatus[^1].Text, StringComparison.Ordinal);
        var stored = await api.Http.GetFromJsonAsync<LogPage>($"/api/experiments/{id}/logs");
        Assert.Equal(stored!.Lines[^1].Sequence, linesAtFinalStatus[^1].Sequence);
        Assert.Equal([1, 2, 3], inProcess.Epochs);
        Assert.Equal("succeeded", inProcess.Statuses.Last());
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_run_and_reconnects_ends_with_every_epoch_exactly_once()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        var seen = new List<int>(); // what the client shows, in order
        var gate = new object();
        void Show(IEnumerable<int> epochs)
        {
            lock (gate)
                foreach (var epoch in epochs.Order())
                    if (epoch == (seen.Count == 0 ? 1 : seen[^1] + 1)) seen.Add(epoch); // older ones are duplicates
        }

        var id = await Polling.SubmitAsync(api.Http, Specs.TinySearch(epochs: 3));
        var first = api.Hub();
        var firstEpoch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.On<EpochCompletedEvent>(nameof(IExperimentClient.EpochCompleted), e => { Show([e.Metrics.Epoch]); firstEpoch.TrySetResult(); });
        await first.StartAsync();
        await first.InvokeAsync(nameof(IExperimentHub.Subscribe), id);
        await firstEpoch.Task.WaitAsync(RunTimeout);
        await first.DisposeAsync(); // the network drops

        // Epoch 2 goes by while nobody listens.
        var deadline = DateTime.UtcNow + RunTimeout;
        while ((await api.Http.GetFromJsonAsync<ExperimentDto>($"/api/experiments/{id}"))!.EpochsCompleted < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "epoch 2 never came");
            await Task.Delay(50);
        }

        // Reconnect: subscribe first, then fetch what was missed; live events the fetch already covered are dropped.
        await using var second = api.Hub();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        second.On<EpochCompletedEvent>(nameof(IExperimentClient.EpochCompleted), e => Show([e.Metrics.Epoch]));
        second.On<StatusChangedEvent>(nameof(IExperimentClient.StatusChanged), e => { if (e.Status == "succeeded") finished.TrySetResult(); });
        await second.StartAsync();
        await second.InvokeAsync(nameof(IExperimentHub.Subscribe), id);
        int last;
        lock (gate) last = seen[^1];
        var missed = await api.Http.GetFromJsonAsync<MetricsDto>($"/api/experiments/{id}/metrics?afterEpoch={last}");
        Show(missed!.Epochs.Select(m => m.Epoch));
        var experiment = await api.Http.GetFromJsonAsync<ExperimentDto>($"/api/experiments/{id}");
        if (experiment!.Status != "succeeded") await finished.Task.WaitAsync(RunTimeout);

        Assert.Equal([1, 2, 3], seen);
    }

    [Fact]
    public async Task Every_API_instance_relays_a_committed_epoch_to_its_own_clients()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var a = LiveApiHost.Start(connectionString, embeddedRunner: false);
        await using var b = LiveApiHost.Start(connectionString, embeddedRunner: false);
        var id = await Polling.SubmitAsync(a.Http, Specs.TinySearch());

        var received = new[] { new TaskCompletionSource<int>(), new TaskCompletionSource<int>() };
        var hubs = new[] { a.Hub(), b.Hub() };
        for (var i = 0; i < 2; i++)
        {
            var done = received[i];
            hubs[i].On<EpochCompletedEvent>(nameof(IExperimentClient.EpochCompleted), e => done.TrySetResult(e.Metrics.Epoch));
            await hubs[i].StartAsync();
            await hubs[i].InvokeAsync(nameof(IExperimentHub.Subscribe), id);
        }

        RecordedEpochs.CommitEpoch(connectionString, id, epoch: 1);

        var epochs = await Task.WhenAll(received.Select(r => r.Task.WaitAsync(TimeSpan.FromSeconds(10))));
        Assert.Equal([1, 1], epochs);
        foreach (var hub in hubs) await hub.DisposeAsync();
    }

    [Fact]
    public async Task The_API_listens_again_after_its_LISTEN_connection_is_killed()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var api = LiveApiHost.Start(connectionString, embeddedRunner: false);
        var id = await Polling.SubmitAsync(api.Http, Specs.TinySearch());
        var received = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = api.Hub();
        hub.On<EpochCompletedEvent>(nameof(IExperimentClient.EpochCompleted), e => received.TrySetResult(e.Metrics.Epoch));
        await hub.StartAsync();
        await hub.InvokeAsync(nameof(IExperimentHub.Subscribe), id);

        await using (var admin = new Npgsql.NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var kill = new Npgsql.NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'pcdarts-api-live'", admin);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        // Epochs committed while it reconnects are not replayed (clients refetch); one after it must arrive.
        var recorder = RecordedEpochs.Recorder(connectionString, id);
        for (var epoch = 1; !received.Task.IsCompleted; epoch++)
        {
            Assert.True(epoch <= 50, "no epoch arrived within 10 s of the kill");
            RecordedEpochs.CommitEpoch(recorder, epoch);
            await Task.WhenAny(received.Task, Task.Delay(200));
        }
        Assert.True(await received.Task >= 1);
    }

    private sealed class RecordingClient : IExperimentClient
    {
        public ConcurrentQueue<int> Epochs { get; } = new();
        public ConcurrentQueue<string> Statuses { get; } = new();
        public Task EpochCompleted(EpochCompletedEvent e) { Epochs.Enqueue(e.Metrics.Epoch); return Task.CompletedTask; }
        public Task ArchitectureUpdated(ArchitectureUpdatedEvent e) => Task.CompletedTask;
        public Task StatusChanged(StatusChangedEvent e) { Statuses.Enqueue(e.Status); return Task.CompletedTask; }
        public Task LogLine(LogLineEvent e) => Task.CompletedTask;
    }
}
