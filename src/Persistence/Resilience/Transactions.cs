using Microsoft.EntityFrameworkCore;

namespace PcDarts.Persistence.Resilience;

/// <summary>
/// A unit of work in a transaction of its own, on a fresh DbContext, under the retrying execution strategy: when the
/// connection drops mid-way the whole unit runs again from the start (nothing half-applied is kept in memory).
/// </summary>
public static class Transactions
{
    public static async Task<T> InTransactionAsync<T>(
        this IDbContextFactory<PcDartsDbContext> factory, Func<PcDartsDbContext, CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        await using var outer = await factory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(async c =>
        {
            await using var db = await factory.CreateDbContextAsync(c);
            await using var transaction = await db.Database.BeginTransactionAsync(c);
            var result = await work(db, c);
            await transaction.CommitAsync(c);
            return result;
        }, ct);
    }

    /// <summary>The synchronous form, for the engine's thread; <paramref name="work"/> gets the number of the try (0 first).</summary>
    public static T InTransaction<T>(this IDbContextFactory<PcDartsDbContext> factory, Func<PcDartsDbContext, int, T> work)
    {
        using var outer = factory.CreateDbContext();
        var tries = 0;
        return outer.Database.CreateExecutionStrategy().Execute(() =>
        {
            using var db = factory.CreateDbContext();
            using var transaction = db.Database.BeginTransaction();
            var result = work(db, tries++);
            transaction.Commit();
            return result;
        });
    }
}
