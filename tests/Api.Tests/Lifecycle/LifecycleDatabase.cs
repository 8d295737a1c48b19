using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Runs;

namespace PcDarts.Api.Tests.Lifecycle;

/// <summary>A migrated test database, its <see cref="ExperimentLifecycle"/>, and a LISTEN connection that collects every NOTIFY.</summary>
internal sealed class LifecycleDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly NpgsqlConnection _listener;
    private readonly List<ExperimentEvent> _events = [];

    private LifecycleDatabase(ServiceProvider services, NpgsqlConnection listener)
    {
        _services = services;
        _listener = listener;
        _listener.Notification += (_, e) => _events.Add(EventPublisher.Deserialize(e.Payload)!);
    }

    public ExperimentLifecycle Lifecycle => _services.GetRequiredService<ExperimentLifecycle>();

    public static async Task<LifecycleDatabase> CreateAsync(PostgresCluster cluster)
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var services = new ServiceCollection().AddLogging().AddPcDartsPersistence(connectionString).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var listener = new NpgsqlConnection(connectionString);
        await listener.OpenAsync();
        await using (var listen = new NpgsqlCommand($"LISTEN {EventPublisher.Channel}", listener)) await listen.ExecuteNonQueryAsync();
        return new LifecycleDatabase(services, listener);
    }

    public async Task<Guid> AddQueuedSearchAsync()
    {
        await using var db = Context();
        var experiment = new Experiment
        {
            Id = Guid.CreateVersion7(), Kind = ExperimentKinds.Search, Name = "lifecycle", Spec = "{}", Queue = "cpu",
            CreatedAt = DateTimeOffset.UtcNow, HangfireJobId = "17",
        };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return experiment.Id;
    }

    public IDbContextFactory<PcDartsDbContext> Factory => _services.GetRequiredService<IDbContextFactory<PcDartsDbContext>>();

    public PcDartsDbContext Context() => _services.GetRequiredService<IDbContextFactory<PcDartsDbContext>>().CreateDbContext();

    /// <summary>A runner row with a fresh heartbeat: the lifecycle takes its attempts for alive.</summary>
    public async Task AddLiveRunnerAsync(string name)
    {
        await using var db = Context();
        var now = DateTimeOffset.UtcNow;
        db.Runners.Add(new Runner { Name = name, Host = "node", Device = "cpu", Queues = ["cpu"], Workers = 1, StartedAt = now, HeartbeatAt = now });
        await db.SaveChangesAsync();
    }

    public async Task<Experiment> ExperimentAsync(Guid id)
    {
        await using var db = Context();
        return await db.Experiments.AsNoTracking().Include(e => e.Attempts).Include(e => e.Artifacts).SingleAsync(e => e.Id == id);
    }

    /// <summary>The notifications delivered since the last call (waits until <paramref name="count"/> arrived, then a little more for strays).</summary>
    public async Task<List<ExperimentEvent>> EventsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_events.Count < count && DateTime.UtcNow < deadline) await _listener.WaitAsync(TimeSpan.FromMilliseconds(200));
        await _listener.WaitAsync(TimeSpan.FromMilliseconds(100));
        var events = _events.ToList();
        _events.Clear();
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        await _services.DisposeAsync();
    }
}
