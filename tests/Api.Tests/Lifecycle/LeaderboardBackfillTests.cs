using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PcDarts.Persistence;

namespace PcDarts.Api.Tests.Lifecycle;

/// <summary>The migration that adds the leaderboard columns fills them from the epochs stored before it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaderboardBackfillTests(PostgresCluster cluster)
{
    private const string Before = "20261130025948_AddExperimentLogsAndImports";

    [Fact]
    public async Task Experiments_from_before_the_columns_get_their_best_accuracy_compute_and_epochs()
    {
        await using var db = PersistenceExtensions.CreateContext(await cluster.CreateDatabaseAsync());
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        var (search, retrain, queued) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, kind) in new[] { (search, "search"), (retrain, "retrain"), (queued, "search") })
            await db.Database.ExecuteSqlAsync($$"""
                INSERT INTO experiments ("Id", "Kind", "Name", "Tags", "Spec", "Seed", "Queue", "Status", "CreatedAt")
                VALUES ({{id}}, {{kind}}, 'old', '{}', '{}'::jsonb, 1, 'cpu', 'succeeded', now())
                """);
        foreach (var (id, epoch, top1, seconds) in new[] { (search, 1, 40.0, 10.0), (search, 2, 55.0, 12.0), (search, 3, 50.0, 11.0), (retrain, 1, 91.0, 100.0) })
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO epoch_metrics ("ExperimentId", "Epoch", "TrainLoss", "TrainTop1", "ValidTop1", "LearningRate", "Seconds", "ImagesPerSecond", "PeakProcessBytes", "RecordedAt")
                VALUES ({id}, {epoch}, 1, 1, {top1}, 0.1, {seconds}, 1, 1, now())
                """);

        await migrator.MigrateAsync();

        var rows = await db.Experiments.AsNoTracking().ToDictionaryAsync(e => e.Id);
        Assert.Equal((55.0, (double?)null, 33.0, 3), (rows[search].SearchTop1, rows[search].RetrainTop1, rows[search].ComputeSeconds, rows[search].EpochsCompleted));
        Assert.Equal(((double?)null, 91.0, 100.0, 1), (rows[retrain].SearchTop1, rows[retrain].RetrainTop1, rows[retrain].ComputeSeconds, rows[retrain].EpochsCompleted));
        Assert.Equal(((double?)null, (double?)null, 0.0, 0), (rows[queued].SearchTop1, rows[queued].RetrainTop1, rows[queued].ComputeSeconds, rows[queued].EpochsCompleted));
    }
}
