using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PcDarts.Persistence;

namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// A runner takes work only on the schema it was built for. It never migrates: the API host or the migrate job does,
/// once (docs/architecture.md). At start it waits for pending migrations and refuses work while the database holds
/// migrations it does not know; while running it looks again every <see cref="RunnerOptions.SchemaCheckInterval"/>
/// and stops taking work (its host stops, handing its job back) once a newer release has migrated the database.
/// </summary>
public sealed class SchemaGate(IDbContextFactory<PcDartsDbContext> factory, RunnerOptions options, ILogger<SchemaGate> logger)
{
    /// <summary>Returns once the schema is exactly this build's; logs why it waits, once per reason.</summary>
    public async Task WaitUntilCurrentAsync(Action alive, CancellationToken cancellationToken)
    {
        string? said = null;
        while (true)
        {
            alive();
            var schema = await SchemaCompatibility.CheckAsync(factory, cancellationToken);
            if (schema.IsCurrent) return;
            var reason = schema.Unknown.Count > 0 ? Refusal(schema) :
                $"Runner {options.Name} waits for the platform's migrations ({string.Join(", ", schema.Pending)}): the API host or the migrate job applies them, never a runner";
            if (reason != said)
            {
                if (schema.Unknown.Count > 0) logger.LogError("{Reason}", reason); else logger.LogWarning("{Reason}", reason);
                said = reason;
            }
            await Task.Delay(options.SchemaCheckInterval, cancellationToken);
        }
    }

    /// <summary>Null while the database has no migration this build does not know; otherwise the refusal to log.</summary>
    public async Task<string?> CheckStillCompatibleAsync(CancellationToken cancellationToken)
    {
        var schema = await SchemaCompatibility.CheckAsync(factory, cancellationToken);
        return schema.Unknown.Count > 0 ? Refusal(schema) : null;
    }

    private string Refusal(SchemaCompatibility schema) =>
        $"Runner {options.Name} refuses work: the database schema is newer than this runner understands " +
        $"(unknown migration(s): {string.Join(", ", schema.Unknown)}); upgrade the runner to the API's release";
}
