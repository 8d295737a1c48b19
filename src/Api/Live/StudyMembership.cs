using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PcDarts.Persistence;

namespace PcDarts.Api.Live;

/// <summary>
/// Which study an experiment belongs to, for relaying its events to the study's followers. An experiment's study is
/// set when it is created and never changes, so answers are kept; the table is dropped whole when it grows past
/// <see cref="MaxRemembered"/>, which costs one read per experiment afterwards.
/// </summary>
internal sealed class StudyMembership(IDbContextFactory<PcDartsDbContext> factory)
{
    public const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<Guid, Guid?> _studies = new();

    /// <summary>The experiment's study, or null when it is in none (or is gone).</summary>
    public async Task<Guid?> StudyOfAsync(Guid experimentId, CancellationToken ct)
    {
        if (_studies.TryGetValue(experimentId, out var known)) return known;
        await using var db = await factory.CreateDbContextAsync(ct);
        var study = await db.Experiments.AsNoTracking().Where(e => e.Id == experimentId).Select(e => e.StudyId).SingleOrDefaultAsync(ct);
        if (_studies.Count >= MaxRemembered) _studies.Clear();
        _studies[experimentId] = study;
        return study;
    }
}
