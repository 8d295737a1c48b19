using Microsoft.EntityFrameworkCore;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;

namespace PcDarts.SearchRunner.Runner;

/// <summary>Keeps this node's row in the runners table fresh (with the registered data sets it can read); removes it on a graceful stop.</summary>
public sealed class RunnerHeartbeat(RunnerOptions options, string device, RunnerIdentity identity, IDbContextFactory<PcDartsDbContext> factory, TimeProvider clock)
{
    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();
    private DateTimeOffset? _datasetsCheckedAt;

    public string Device { get; } = device;

    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Runners.SingleOrDefaultAsync(r => r.Name == options.Name, cancellationToken);
        if (row is null)
        {
            row = new Persistence.Entities.Runner { Name = options.Name, Host = Environment.MachineName, Device = Device };
            db.Runners.Add(row);
        }
        row.Host = Environment.MachineName;
        row.Device = Device;
        row.Queues = options.Queues.ToArray();
        row.Workers = options.Workers;
        row.StartedAt = _startedAt;
        row.HeartbeatAt = clock.GetUtcNow();
        row.CurrentExperimentId = identity.CurrentExperimentId;
        if (_datasetsCheckedAt is not { } at || clock.GetUtcNow() - at >= options.DatasetCheckInterval)
        {
            row.ReadableDatasets = await ReadableDatasetsAsync(db, cancellationToken);
            _datasetsCheckedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The registered data sets whose folders this node can read now (a job on any other fails at once here).</summary>
    private static async Task<string[]> ReadableDatasetsAsync(PcDartsDbContext db, CancellationToken ct)
    {
        var registered = await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        return registered.Where(d => DatasetAccess.Problem(d.ToSource()) is null).Select(d => d.Name).ToArray();
    }

    public async Task LeaveAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Runners.Where(r => r.Name == options.Name).ExecuteDeleteAsync();
    }
}
