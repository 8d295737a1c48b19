using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Api.Apis;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Persistence.Runs;

namespace PcDarts.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RunnersApiTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_runner_that_missed_its_heartbeats_is_offline_with_no_current_experiment()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        var now = DateTimeOffset.UtcNow;
        var (working, lost) = (Guid.NewGuid(), Guid.NewGuid());
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
            db.Runners.Add(Row("beating", now, working));
            db.Runners.Add(Row("silent", now - RunnerLiveness.StaleAfter - TimeSpan.FromSeconds(1), lost));
            await db.SaveChangesAsync();
        }

        var runners = (await client.GetFromJsonAsync<List<RunnerDto>>("/api/runners"))!.ToDictionary(r => r.Name);

        Assert.True(runners["beating"].Alive);
        Assert.Equal(working, runners["beating"].CurrentExperimentId);
        Assert.False(runners["silent"].Alive);
        Assert.Null(runners["silent"].CurrentExperimentId);
        Assert.Equal(TimeSpan.FromSeconds(6), RunnerLiveness.StaleAfter);
    }

    private static PcDarts.Persistence.Entities.Runner Row(string name, DateTimeOffset heartbeat, Guid experiment) => new()
    {
        Name = name, Host = "node", Device = "cpu", Queues = ["cpu"], Workers = 1,
        StartedAt = heartbeat - TimeSpan.FromMinutes(5), HeartbeatAt = heartbeat, CurrentExperimentId = experiment,
    };
}
