using Microsoft.EntityFrameworkCore;
using PcDarts.Persistence.Events;

namespace PcDarts.Persistence.Logs;

/// <summary>A line to append: what a run or a status transition says, and when.</summary>
public sealed record PendingLogLine(string Level, string Text, DateTimeOffset At);

/// <summary>
/// The one owner of the stored experiment log: every line is appended here, in the caller's transaction, with its NOTIFY.
/// Appends of one experiment take its row lock (FOR NO KEY UPDATE, so epoch rows referencing it are not held up),
/// which makes sequence numbers dense and in commit order. The log keeps the last <see cref="MaxLines"/> lines: older
/// ones are dropped and one marker line, in the place of the last dropped, says how many.
/// </summary>
public static class ExperimentLog
{
    public const int MaxLines = 10_000;

    /// <summary>Appends <paramref name="lines"/> in a few round trips whatever their number; false when the experiment is gone.</summary>
    public static async Task<bool> AppendAsync(
        PcDartsDbContext db, Guid id, IReadOnlyList<PendingLogLine> lines, CancellationToken ct = default, int maxLines = MaxLines)
    {
        if (lines.Count == 0) return true;
        var last = await db.Database.SqlQuery<long>($"""
            SELECT coalesce((SELECT max(l."Sequence") FROM experiment_logs l WHERE l."ExperimentId" = e."Id"), 0) AS "Value"
            FROM experiments e WHERE e."Id" = {id} FOR NO KEY UPDATE
            """).ToListAsync(ct);
        if (last.Count == 0) return false;
        var first = last[0] + 1;
        var texts = lines.Select(l => ExperimentEvent.Cut(l.Text)).ToArray();
        var levels = lines.Select(l => l.Level).ToArray();
        var ats = lines.Select(l => l.At.ToUniversalTime()).ToArray();
        var payloads = lines.Select((l, i) => EventPublisher.Serialize(ExperimentEvent.Log(id, l.Level, texts[i], ats[i], first + i))).ToArray();
        // Rows and their NOTIFYs in one command: PostgreSQL delivers the NOTIFYs when (and if) the transaction commits.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO experiment_logs ("ExperimentId", "Sequence", "At", "Level", "Text")
            SELECT {id}, {first} + t.n - 1, t.at, t.level, t.text
            FROM unnest({ats}, {levels}, {texts}) WITH ORDINALITY AS t(at, level, text, n);
            SELECT pg_notify({EventPublisher.Channel}, p) FROM unnest({payloads}) AS p;
            """, ct);
        await TrimAsync(db, id, first + lines.Count - 1, lines[^1].At.ToUniversalTime(), maxLines, ct);
        return true;
    }

    /// <summary>The text of the marker that stands for the <paramref name="dropped"/> oldest lines.</summary>
    public static string DroppedMarker(long dropped, int maxLines) =>
        $"… {dropped} earlier line(s) dropped: the log keeps the last {maxLines}";

    private static async Task TrimAsync(PcDartsDbContext db, Guid id, long last, DateTimeOffset at, int maxLines, CancellationToken ct)
    {
        // Lines 1..cutoff go (the previous marker among them); the marker takes number cutoff, so the count stays maxLines.
        var cutoff = last - maxLines + 1;
        if (cutoff < 1) return;
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM experiment_logs WHERE "ExperimentId" = {id} AND "Sequence" <= {cutoff};
            INSERT INTO experiment_logs ("ExperimentId", "Sequence", "At", "Level", "Text")
            VALUES ({id}, {cutoff}, {at}, {LogLevels.Warning}, {DroppedMarker(cutoff, maxLines)});
            """, ct);
    }
}
