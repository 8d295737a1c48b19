using Hangfire;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Auth;
using PcDarts.Api.Experiments;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Persistence;
using PcDarts.Persistence.Identity;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Api.Studies;

/// <summary>What a study delete did; <see cref="Refusal"/> says why when it did nothing.</summary>
internal sealed record StudyDeletionResult(bool Found, int DeletedMembers, string? Refusal, bool Forbidden)
{
    public static StudyDeletionResult NotFound { get; } = new(false, 0, null, false);
}

/// <summary>
/// Deletes a study with its member experiments, each the way an experiment's own delete removes it (its metrics, α/β,
/// log and weights go with it), in one transaction under the study's row lock: the watcher that retrains succeeded
/// searches takes the same lock, so no retrain is added to a study being deleted. Refused while a member is queued or
/// running (cancel the study first), and to anyone but the study's creator (a member) or an admin.
/// </summary>
internal sealed class StudyDeletion(IDbContextFactory<PcDartsDbContext> contexts, IBackgroundJobClient jobs, CurrentActor actor, TimeProvider clock)
{
    public Task<StudyDeletionResult> DeleteAsync(Guid id, CancellationToken ct) =>
        contexts.InTransactionAsync(async (db, c) =>
        {
            var study = await db.Studies.FromSql($"SELECT * FROM studies WHERE \"Id\" = {id} FOR UPDATE").SingleOrDefaultAsync(c);
            if (study is null) return StudyDeletionResult.NotFound;
            if (actor.User is not { } user || !ExperimentRights.MayChange(user, study.CreatedBy))
                return new StudyDeletionResult(true, 0,
                    $"study {id} belongs to {study.CreatedBy ?? "nobody"}: only its creator (a member) or an admin may delete it", Forbidden: true);
            var members = await db.Experiments.Where(e => e.StudyId == id).ToListAsync(c);
            var active = members.Count(e => ExperimentStatuses.IsActive(e.Status));
            if (active > 0)
                return new StudyDeletionResult(true, 0,
                    $"study {id} has {active} member{(active == 1 ? "" : "s")} queued or running: cancel it first", Forbidden: false);
            foreach (var member in members) ExperimentRemoval.Remove(db, jobs, member);
            db.Studies.Remove(study);
            AuditLog.Add(db, user.Email(), AuditActions.StudyDeleted, id.ToString(), clock.GetUtcNow(), $"{study.Name} ({members.Count} experiments)");
            await db.SaveChangesAsync(c);
            return new StudyDeletionResult(true, members.Count, null, false);
        }, ct);
}
