using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace PcDarts.Api.Auth;

/// <summary>
/// A per-user PostgreSQL advisory lock around "count the active experiments, then insert one", across every API
/// instance. A session lock on the context's connection, kept open from the count until the save has committed or
/// failed (a transaction-scoped lock would end with the count's own statement: SaveChanges opens its transaction later).
/// </summary>
internal static class ActiveCapLock
{
    private static readonly ConditionalWeakTable<DbContext, string> Held = new();

    public static async Task TakeAsync(DbContext db, string email, CancellationToken ct)
    {
        if (Held.TryGetValue(db, out _)) return;
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext('pcdarts-active-cap'), hashtext({email.ToLowerInvariant()}))", ct);
        Held.Add(db, email);
    }

    public static async Task ReleaseAsync(DbContext? db)
    {
        if (db is null || !Held.TryGetValue(db, out var email)) return;
        Held.Remove(db);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext('pcdarts-active-cap'), hashtext({email.ToLowerInvariant()}))");
        }
        catch (DbException)
        {
            // The connection is gone, and its session's locks with it.
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
