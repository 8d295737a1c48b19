using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Api.Tests.Live;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Logs;

namespace PcDarts.Api.Tests.Logs;

/// <summary>GET /api/experiments/{id}/logs?after=N and `pcdarts logs`, against the real API.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LogsApiTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task After_N_gives_the_later_lines_in_order_and_a_bad_after_or_limit_is_a_400_naming_it()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        var http = api.CreateClient();
        var id = await Polling.SubmitAsync(http, Specs.TinySearch());
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
            await ExperimentLog.AppendAsync(db, id, Enumerable.Range(1, 5)
                .Select(i => new PendingLogLine(LogLevels.Info, $"line {i}", DateTimeOffset.UtcNow)).ToList());
        }

        var page = await http.GetFromJsonAsync<LogPage>($"/api/experiments/{id}/logs?after=2");
        Assert.Equal(ExperimentStatuses.Queued, page!.Status);
        Assert.Equal([(3L, "line 3"), (4L, "line 4"), (5L, "line 5")], page.Lines.Select(l => (l.Sequence, l.Text)));
        var limited = await http.GetFromJsonAsync<LogPage>($"/api/experiments/{id}/logs?limit=2");
        Assert.Equal([1L, 2L], limited!.Lines.Select(l => l.Sequence));

        foreach (var (query, field) in new[] { ("after=-1", "after"), ("limit=0", "limit"), ("limit=1001", "limit") })
        {
            var bad = await http.GetAsync($"/api/experiments/{id}/logs?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), query);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/experiments/{Guid.NewGuid()}/logs")).StatusCode);
    }

    [Fact]
    public async Task Logs_follow_prints_every_line_of_a_run_once_in_order_and_exits_0_when_it_succeeds()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        var id = await Polling.SubmitAsync(api.Http, Specs.TinySearch());

        var follow = await CliProcess.RunAsync(Limit, "logs", id.ToString(), "--server", api.Server, "--follow", "--json");

        Assert.True(follow.ExitCode == 0, follow.ToString());
        var printed = follow.Stdout.Select(l => JsonSerializer.Deserialize<LogLineDto>(l, JsonSerializerOptions.Web)!).ToList();
        Assert.Equal(Enumerable.Range(1, printed.Count).Select(i => (long)i), printed.Select(l => l.Sequence));
        Assert.StartsWith("started on runner", printed[0].Text);
        Assert.Equal(["epoch 1/3 done", "epoch 2/3 done", "epoch 3/3 done"],
            printed.Where(l => l.Text.StartsWith("epoch ")).Select(l => l.Text[..14]));
        Assert.StartsWith("succeeded after 3 epochs", printed[^1].Text);

        // The same lines over REST, and after=N continues from any point.
        var stored = await api.Http.GetFromJsonAsync<LogPage>($"/api/experiments/{id}/logs");
        Assert.Equal(printed, stored!.Lines);
        var rest = await api.Http.GetFromJsonAsync<LogPage>($"/api/experiments/{id}/logs?after=2");
        Assert.Equal(printed.Skip(2), rest!.Lines);

        var plain = await CliProcess.RunAsync(Limit, "logs", id.ToString(), "--server", api.Server);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Equal(printed.Count, plain.Stdout.Count);
        Assert.Contains("info    started on runner", plain.Stdout[0]);
    }
}
