using Microsoft.EntityFrameworkCore;

namespace PcDarts.Persistence;

/// <summary>
/// How the database's schema compares with the migrations this build knows. A runner node never migrates (the API or
/// the migrate job does, once): it waits while migrations are <see cref="Pending"/> and refuses work while the database
/// has migrations it does not know (<see cref="Unknown"/>: a newer release applied them), because its writes could
/// break the newer schema's rules.
/// </summary>
public sealed record SchemaCompatibility(IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    public bool IsCurrent => Pending.Count == 0 && Unknown.Count == 0;

    public static async Task<SchemaCompatibility> CheckAsync(IDbContextFactory<PcDartsDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new SchemaCompatibility(
            known.Where(m => !applied.Contains(m)).Order(StringComparer.Ordinal).ToList(),
            applied.Where(m => !known.Contains(m)).Order(StringComparer.Ordinal).ToList());
    }
}
