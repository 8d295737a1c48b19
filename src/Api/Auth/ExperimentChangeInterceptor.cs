using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>
/// The one owner of "who changed which experiment": every save that creates, cancels or deletes an experiment on
/// behalf of a signed-in user (REST or dashboard) stamps <see cref="Experiment.CreatedBy"/>, checks the role and the
/// ownership, and writes the audit line in the same transaction. Saves with no user (runners, the welcome search) pass.
/// </summary>
internal sealed class ExperimentChangeInterceptor(CurrentActor actor, TimeProvider clock, IOptions<AbuseLimitsOptions> limits) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ApplyAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ActiveCapLock.ReleaseAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ActiveCapLock.ReleaseAsync(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ActiveCapLock.ReleaseAsync(eventData.Context).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ActiveCapLock.ReleaseAsync(eventData.Context);

    private async Task ApplyAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not PcDartsDbContext db || actor.User is not { } user) return;
        try
        {
            await ApplyAsync(db, user, ct);
        }
        catch
        {
            // Refused before the save began: no SavedChanges or SaveChangesFailed will release the lock.
            await ActiveCapLock.ReleaseAsync(db);
            throw;
        }
    }

    private async Task ApplyAsync(PcDartsDbContext db, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        foreach (var entry in db.ChangeTracker.Entries<Experiment>().ToList())
        {
            var action = ActionOf(entry);
            if (action is null) continue;
            var experiment = entry.Entity;
            if (action == AuditActions.ExperimentCreated)
            {
                experiment.CreatedBy = user.Email();
                await EnforceCapAsync(db, experiment.CreatedBy, ct);
            }
            else if (!ExperimentRights.MayChange(user, experiment.CreatedBy))
                throw new ExperimentAccessDeniedException(experiment.Id, experiment.CreatedBy);
            if (!ExperimentRights.MaySubmit(user))
                throw new ExperimentAccessDeniedException(experiment.Id, experiment.CreatedBy);
            AuditLog.Add(db, user.Email(), action, experiment.Id.ToString(), now, experiment.Name, actor.Request);
        }
    }

    private async Task EnforceCapAsync(PcDartsDbContext db, string email, CancellationToken ct)
    {
        var cap = limits.Value.MaxActiveExperiments;
        // Held until the save commits: two submissions of one user in the same instant cannot both count below the cap.
        await ActiveCapLock.TakeAsync(db, email, ct);
        var active = await db.Experiments.CountAsync(e => e.CreatedBy == email &&
            (e.Status == ExperimentStatuses.Queued || e.Status == ExperimentStatuses.Running), ct);
        if (active >= cap) throw new ActiveExperimentCapException(cap);
    }

    private static string? ActionOf(EntityEntry<Experiment> entry) => entry.State switch
    {
        EntityState.Added => AuditActions.ExperimentCreated,
        EntityState.Deleted => AuditActions.ExperimentDeleted,
        EntityState.Modified when entry.Property(e => e.CancelRequestedAt) is { IsModified: true, OriginalValue: null } => AuditActions.ExperimentCancelled,
        _ => null,
    };
}

/// <summary>A user tried to change an experiment its role or ownership does not allow (403).</summary>
public sealed class ExperimentAccessDeniedException(Guid id, string? owner)
    : Exception($"experiment {id} belongs to {owner ?? "nobody"}: only its creator (a member) or an admin may change it");
