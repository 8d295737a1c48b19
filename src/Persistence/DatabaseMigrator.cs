using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PcDarts.Persistence;

/// <summary>Applies pending migrations at start and tells the readiness check whether any are left.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<PcDartsDbContext> factory, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0) return;
        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Null when the database answers and has every migration; otherwise why not.</summary>
    public async Task<string?> CheckReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken)) return "database unreachable";
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0 ? null : $"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"database error: {e.Message}";
        }
    }
}
