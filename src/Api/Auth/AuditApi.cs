using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Persistence;

namespace PcDarts.Api.Auth;

/// <summary>The audit log, newest first, for admins.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(PlatformRoles.Admin);
        api.MapGet("/", ListAudit).WithName(nameof(ListAudit));
        return api;
    }

    public static async Task<Ok<AuditPage>> ListAudit(PcDartsDbContext db, string? actor, string? action, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        var number = Math.Max(page ?? 1, 1);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(actor)) query = query.Where(a => a.Actor == actor);
        if (!string.IsNullOrEmpty(action)) query = query.Where(a => a.Action == action);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip((number - 1) * size).Take(size)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.Actor, a.Action, a.Target, a.Detail, a.RemoteAddress))
            .ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(items, number, size, total));
    }
}
