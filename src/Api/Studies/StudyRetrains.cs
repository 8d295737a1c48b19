using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Experiments;
using PcDarts.Api.Recovery;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;
using PcDarts.Core.Studies;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Api.Studies;

/// <summary>
/// Follows each succeeded search of a study with its retrain (the search's genotype, the study's retrain spec with the
/// member's seed), exactly once: the retrain is added under the study's row lock, after checking that none exists and
/// that no cancel came first, and a unique index on (study, source search) refuses a second one should anything race.
/// </summary>
public sealed class StudyRetrains(IDbContextFactory<PcDartsDbContext> contexts, ExperimentSubmission experiments, JobDispatcher dispatcher)
{
    private const int Batch = 100;

    /// <summary>Starts the retrain of every study search that succeeded and has none yet; returns how many it started.</summary>
    public async Task<int> StartPendingAsync(CancellationToken ct)
    {
        List<Guid> pending;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            pending = await db.Experiments.AsNoTracking()
                .Where(e => e.StudyId != null && e.Kind == ExperimentKinds.Search && e.Status == ExperimentStatuses.Succeeded
                    && db.Studies.Any(s => s.Id == e.StudyId && s.RetrainSpec != null && s.CancelRequestedAt == null)
                    && !db.Experiments.Any(r => r.StudyId == e.StudyId && r.DerivedFromId == e.Id))
                .OrderBy(e => e.FinishedAt).Select(e => e.Id).Take(Batch).ToListAsync(ct);
        var started = 0;
        foreach (var searchId in pending)
            if (await StartAsync(searchId, ct) is { } retrain)
            {
                await dispatcher.DispatchAsync(retrain, ct);
                started++;
            }
        return started;
    }

    private async Task<Experiment?> StartAsync(Guid searchId, CancellationToken ct)
    {
        try
        {
            return await contexts.InTransactionAsync(async (db, c) =>
            {
                // Either may be gone: a study deleted after the pending list was read (the delete holds the same lock).
                var search = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == searchId, c);
                if (search is null) return null;
                var study = await db.Studies.FromSql($"SELECT * FROM studies WHERE \"Id\" = {search.StudyId} FOR UPDATE").SingleOrDefaultAsync(c);
                if (study is null || study.CancelRequestedAt is not null || study.RetrainSpec is null || search.Genotype is null) return null;
                if (await db.Experiments.AnyAsync(r => r.StudyId == study.Id && r.DerivedFromId == searchId, c)) return null;
                var spec = JsonSerializer.Deserialize<RetrainSpec>(study.RetrainSpec, StudyGrid.Json)! with { Seed = search.Seed };
                var retrain = experiments.NewExperiment(ExperimentKinds.Retrain, RetrainName(search.Name), study.Tags, spec, spec.Seed, spec.Queue);
                retrain.StudyId = study.Id;
                retrain.DerivedFromId = searchId;
                retrain.Genotype = search.Genotype;
                retrain.CreatedBy = search.CreatedBy;
                db.Experiments.Add(retrain);
                await db.SaveChangesAsync(c);
                // Announced on commit: the study's followers see the new member queued, not only once it starts.
                await EventPublisher.PublishAsync(db, new ExperimentEvent(retrain.Id, ExperimentEventKinds.StatusChanged, Status: retrain.Status), c);
                return retrain;
            }, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return null;
        }
    }

    private static string RetrainName(string search) => StudySubmission.FitName("retrain · ", search, "");
}
