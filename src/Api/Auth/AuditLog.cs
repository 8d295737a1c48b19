using PcDarts.Persistence;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>
/// Adds an audit line to the context; it is written with whatever the caller saves next. The address is the request's,
/// or a dashboard circuit's connection's (<see cref="CurrentActor.RemoteAddress"/>).
/// </summary>
internal static class AuditLog
{
    public static void Add(PcDartsDbContext db, string actor, string action, string? target, DateTimeOffset at, string? detail = null, HttpContext? http = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = at,
            Actor = Cut(actor, 256),
            Action = action,
            Target = target is null ? null : Cut(target, 256),
            Detail = detail is null ? null : Cut(detail, 1000),
            RemoteAddress = CurrentActor.RemoteAddress(http)?.ToString(),
        });

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
