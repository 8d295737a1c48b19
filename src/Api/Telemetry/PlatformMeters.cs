using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Queues;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.SearchRunner.Telemetry;

namespace PcDarts.Api.Telemetry;

/// <summary>
/// The platform's meters: experiments by status, queue depth per queue, live and busy runners (gauges over a
/// snapshot of the database, taken every <see cref="RefreshInterval"/> rather than on each scrape, so a scrape never
/// waits on PostgreSQL), and the run meters of every epoch the platform relays (prefix <c>pcdarts</c>).
/// </summary>
public sealed class PlatformMeters : IDisposable
{
    public const string MeterName = "PcDarts.Platform";
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly Meter _meter = new(MeterName);
    private volatile Snapshot _snapshot = new([], [], 0, 0);

    public PlatformMeters()
    {
        Epochs = new EpochInstruments(_meter, "pcdarts");
        _meter.CreateObservableGauge("pcdarts.experiments", () => _snapshot.ByStatus.Select(s => new Measurement<long>(s.Count, new KeyValuePair<string, object?>("status", s.Status))),
            "{experiment}", "Experiments by status");
        _meter.CreateObservableGauge("pcdarts.queue.depth", () => _snapshot.Queues.Select(q => new Measurement<long>(q.Depth, new KeyValuePair<string, object?>("queue", q.Name))),
            "{experiment}", "Queued experiments per queue");
        _meter.CreateObservableGauge("pcdarts.queue.oldest_wait", () => _snapshot.Queues.Select(q => new Measurement<double>(
                q.OldestQueuedAt is { } at ? Math.Max(0, (_snapshot.TakenAt - at).TotalSeconds) : 0, new KeyValuePair<string, object?>("queue", q.Name))),
            "s", "How long the oldest queued experiment of each queue has waited");
        _meter.CreateObservableGauge("pcdarts.runners", () => _snapshot.LiveRunners, "{runner}", "Live runners (fresh heartbeat)");
        _meter.CreateObservableGauge("pcdarts.runners.busy", () => _snapshot.BusyRunners, "{runner}", "Live runners running an experiment");
    }

    public EpochInstruments Epochs { get; }

    public async Task RefreshAsync(PcDartsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var byStatus = await db.Experiments.AsNoTracking().GroupBy(e => e.Status).Select(g => new StatusCount(g.Key, g.Count())).ToListAsync(ct);
        var statuses = ExperimentStatuses.All.Select(s => byStatus.FirstOrDefault(c => c.Status == s) ?? new StatusCount(s, 0)).ToList();
        var queues = await QueueBoard.ListAsync(db, now, ct);
        var live = await QueueBoard.LiveRunnersAsync(db, now, ct);
        _snapshot = new Snapshot(statuses, queues, live.Count, live.Count(r => r.CurrentExperimentId is not null)) { TakenAt = now };
    }

    public void Dispose() => _meter.Dispose();

    private sealed record StatusCount(string Status, int Count);

    private sealed record Snapshot(IReadOnlyList<StatusCount> ByStatus, IReadOnlyList<QueueDto> Queues, int LiveRunners, int BusyRunners)
    {
        public DateTimeOffset TakenAt { get; init; }
    }
}
