using Microsoft.AspNetCore.Identity;
using PcDarts.Persistence;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>
/// One check of an email and a password for both ways in (REST and the login page): Identity's lockout counts the
/// failures, a disabled user is refused, and every outcome goes to the audit log.
/// </summary>
internal sealed class PasswordLogin(SignInManager<PlatformUser> signIn, PcDartsDbContext db, TimeProvider clock)
{
    public sealed record Outcome(PlatformUser? User, string? Error);

    public async Task<Outcome> CheckAsync(string? email, string? password, HttpContext http)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await signIn.UserManager.FindByEmailAsync(email.Trim());
        string? error;
        if (user is null || string.IsNullOrEmpty(password)) error = "wrong email or password";
        else if (user.Disabled) error = "this account is disabled";
        else
        {
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            error = result.Succeeded ? null
                : result.IsLockedOut ? "too many failed sign-ins: this account is locked for a while"
                : "wrong email or password";
        }
        AuditLog.Add(db, user?.Email ?? email?.Trim() ?? "", error is null ? AuditActions.LoginSucceeded : AuditActions.LoginFailed,
            null, clock.GetUtcNow(), error, http);
        await db.SaveChangesAsync(http.RequestAborted);
        return new Outcome(error is null ? user : null, error);
    }
}
