using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Live;
using PcDarts.Persistence;
using PcDarts.Persistence.Events;

namespace PcDarts.Api.Live;

/// <summary>
/// Turns one NOTIFY into the typed events it announces by reading the rows it names: the epoch's metrics row and
/// architecture snapshot, or the experiment's status. The rows are committed by then: PostgreSQL delivers a NOTIFY
/// only after the transaction that sent it commits.
/// </summary>
internal sealed class LiveEventReader(IDbContextFactory<PcDartsDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<IExperimentEvent>> ReadAsync(ExperimentEvent notification, CancellationToken ct)
    {
        var id = notification.ExperimentId;
        switch (notification.Kind)
        {
            case ExperimentEventKinds.EpochCompleted when notification.Epoch is { } epoch:
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var metrics = await db.EpochMetrics.AsNoTracking().SingleOrDefaultAsync(r => r.ExperimentId == id && r.Epoch == epoch, ct);
                if (metrics is null) return []; // deleted since
                var events = new List<IExperimentEvent> { new EpochCompletedEvent(id, metrics.Metrics) };
                var a = await db.EpochArchitectures.AsNoTracking().SingleOrDefaultAsync(r => r.ExperimentId == id && r.Epoch == epoch, ct);
                if (a is not null)
                    events.Add(new ArchitectureUpdatedEvent(id, epoch, a.AlphasNormal, a.AlphasReduce, a.BetasNormal, a.BetasReduce, a.Genotype));
                return events;
            }
            case ExperimentEventKinds.StatusChanged:
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var row = await db.Experiments.AsNoTracking().Where(e => e.Id == id)
                    .Select(e => new { e.Status, e.Error, Epochs = e.Epochs.Count })
                    .SingleOrDefaultAsync(ct);
                if (row is null) return [];
                // The payload names the status this NOTIFY announces; a later change brings its own NOTIFY.
                return [new StatusChangedEvent(id, notification.Status ?? row.Status, row.Error, row.Epochs)];
            }
            case ExperimentEventKinds.LogLine when notification.Text is { } text:
                return [new LogLineEvent(id, notification.At ?? clock.GetUtcNow(), notification.Level ?? LogLevels.Info, text, notification.Sequence ?? 0)];
            default:
                return [];
        }
    }
}
