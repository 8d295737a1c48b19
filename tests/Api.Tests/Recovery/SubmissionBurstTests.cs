using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PcDarts.Persistence;
using Xunit.Abstractions;

namespace PcDarts.Api.Tests.Recovery;

[Collection(PostgresCollection.Name)]
public sealed class SubmissionBurstTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int Burst = 200;

    [Fact]
    public async Task Two_hundred_concurrent_submissions_all_succeed_each_with_its_job()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(connectionString, embeddedRunner: false);
        using var client = api.CreateClient();
        await Polling.SubmitAsync(client, Specs.TinySearch(), "warm-up");

        var timings = new double[Burst];
        var statuses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(async i =>
        {
            var clock = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/experiments/search", new { name = $"burst-{i}", spec = Specs.TinySearch() });
            timings[i] = clock.Elapsed.TotalSeconds;
            return response.StatusCode;
        }));
        Array.Sort(timings);
        output.WriteLine($"{Burst} submissions: p50 {timings[Burst / 2]:F2} s, p99 {timings[Burst * 99 / 100 - 1]:F2} s, max {timings[^1]:F2} s");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
        var jobIds = await db.Experiments.Where(e => e.Name.StartsWith("burst-")).Select(e => e.HangfireJobId).ToListAsync();
        Assert.Equal(Burst, jobIds.Count(j => j is not null));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM hangfire.job", connection);
        Assert.Equal(Burst + 1, Convert.ToInt32(await count.ExecuteScalarAsync()));
    }
}
