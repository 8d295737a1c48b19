using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PcDarts.Api.Tests.Lifecycle;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Logs;
using PcDarts.Persistence.Runs;

namespace PcDarts.Api.Tests.Logs;

/// <summary>The stored log on a real PostgreSQL: the run's lines and the lifecycle's, in order, bounded with a marker.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExperimentLogTests(PostgresCluster cluster)
{
    private static readonly RunResult Found = new("Genotype(normal=[], normal_concat=range(2, 6), reduce=[], reduce_concat=range(2, 6))", 1, 2, [1]);

    [Fact]
    public async Task A_runs_lines_sit_between_its_start_and_end_lines_numbered_in_order_and_each_sent_live_with_its_number()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        var attempt = (await db.Lifecycle.BeginAttemptAsync(id, "runner-a"))!;
        await using (var recorder = new RunRecorder(db.Factory, id, TimeProvider.System, NullLogger.Instance))
        {
            for (var i = 1; i <= 300; i++) recorder.Log(LogLevels.Info, $"step {i}");
            await recorder.FlushLogAsync();
        }
        await db.Lifecycle.SucceedAsync(attempt, Found);

        var lines = await StoredAsync(db, id);
        Assert.Equal(Enumerable.Range(1, 302).Select(i => (long)i), lines.Select(l => l.Sequence));
        Assert.Equal("started on runner runner-a", lines[0].Text);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"step {i}"), lines.Skip(1).Take(300).Select(l => l.Text));
        Assert.StartsWith("succeeded after 0 epochs", lines[^1].Text);

        var live = (await db.EventsAsync(2 + 302)).Where(e => e.Kind == ExperimentEventKinds.LogLine).ToList();
        Assert.Equal(lines.Select(l => (l.Sequence, l.Text)), live.Select(e => (e.Sequence!.Value, e.Text!)));
    }

    [Fact]
    public async Task Past_ten_thousand_lines_the_oldest_go_and_one_marker_line_says_how_many()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        var at = DateTimeOffset.UtcNow;
        await using (var context = db.Context())
        {
            await ExperimentLog.AppendAsync(context, id, Lines(1, 9_990, at));
            await ExperimentLog.AppendAsync(context, id, Lines(9_991, 10_040, at)); // 40 over the bound
            await ExperimentLog.AppendAsync(context, id, Lines(10_041, 10_050, at)); // 10 more
        }

        var lines = await StoredAsync(db, id);
        Assert.Equal(ExperimentLog.MaxLines, lines.Count);
        Assert.Equal((51L, LogLevels.Warning), (lines[0].Sequence, lines[0].Level));
        Assert.Equal("… 51 earlier line(s) dropped: the log keeps the last 10000", lines[0].Text);
        Assert.Equal(Enumerable.Range(52, 9_999).Select(i => $"line {i}"), lines.Skip(1).Select(l => l.Text));
    }

    [Fact]
    public async Task Deleting_the_experiment_deletes_its_log()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        await using var context = db.Context();
        await ExperimentLog.AppendAsync(context, id, Lines(1, 3, DateTimeOffset.UtcNow));
        await context.Experiments.Where(e => e.Id == id).ExecuteDeleteAsync();
        Assert.Empty(await StoredAsync(db, id));
        Assert.False(await ExperimentLog.AppendAsync(context, id, Lines(4, 4, DateTimeOffset.UtcNow)));
    }

    private static List<PendingLogLine> Lines(int from, int to, DateTimeOffset at) =>
        Enumerable.Range(from, to - from + 1).Select(i => new PendingLogLine(LogLevels.Info, $"line {i}", at)).ToList();

    private static async Task<List<Persistence.Entities.LogLine>> StoredAsync(LifecycleDatabase db, Guid id)
    {
        await using PcDartsDbContext context = db.Context();
        return await context.LogLines.AsNoTracking().Where(l => l.ExperimentId == id).OrderBy(l => l.Sequence).ToListAsync();
    }
}
