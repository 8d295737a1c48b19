using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PcDarts.Persistence;

namespace PcDarts.Api.Tests.Recovery;

/// <summary>
/// Processes that start together on a fresh database (a compose file, a restart of everything): the runners wait for
/// the schema, and the processes that set it up (migrate jobs, API hosts migrating at start) take turns, so none of
/// them dies on another's half-created tables.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrentStartTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Four_runners_and_two_migrations_started_at_once_on_a_fresh_database_all_succeed()
    {
        var db = await cluster.CreateDatabaseAsync();
        var names = Enumerable.Range(1, 4).Select(i => $"runner-{i}").ToList();
        var runners = names.Select(n => RunnerProcess.Start(db, n)).ToList();
        try
        {
            var exitCodes = await Task.WhenAll(Deployment.ApiProcess.MigrateAsync(db), Deployment.ApiProcess.MigrateAsync(db));
            Assert.Equal(new[] { 0, 0 }, exitCodes);
            var clock = Stopwatch.StartNew();
            var joined = new List<string>();
            while (clock.Elapsed < TimeSpan.FromSeconds(90) && joined.Count < names.Count && !runners.Any(r => r.HasExited))
            {
                await Task.Delay(500);
                try
                {
                    await using var context = PersistenceExtensions.CreateContext(db);
                    joined = await context.Runners.Select(r => r.Name).ToListAsync();
                }
                catch (Exception e) when (e is Npgsql.PostgresException or InvalidOperationException) { } // tables not there yet
            }
            Assert.False(runners.Any(r => r.HasExited), "a runner process exited during start-up");
            Assert.Equal(names, joined.Order());
        }
        finally
        {
            foreach (var runner in runners) runner.Dispose();
        }
    }
}
