using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PcDarts.Persistence;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>
/// Refresh tokens of REST sign-in, rotated with reuse detection. Each sign-in starts a family (a row of Identity's user
/// tokens table, keyed by a time-ordered id) that holds the id of the one refresh token still good; refreshing swaps it
/// for a new one in a single conditional UPDATE, so of two uses of one token only the first succeeds. A token presented
/// again means two holders: the family is deleted, which ends that sign-in for both, and the audit log says so. The
/// tokens themselves are Identity's (data-protected, <see cref="BearerTokenOptions.RefreshTokenExpiration"/>), and a
/// changed security stamp (password, role, disabled) refuses them as it does access tokens.
/// </summary>
internal sealed class RefreshTokens(
    SignInManager<PlatformUser> signIn, PcDartsDbContext db, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
{
    /// <summary>The user tokens table's login provider for refresh families.</summary>
    public const string Provider = "PcDarts.Refresh";
    /// <summary>Families kept per user (its newest sign-ins); an older one is dropped when a new one starts.</summary>
    public const int FamiliesPerUser = 20;
    private const string FamilyClaim = "pcd_refresh_family";
    private const string TokenClaim = "pcd_refresh_token";

    /// <summary>What a refresh answered: a principal to sign in as (a new access and refresh token), or why not.</summary>
    public sealed record Outcome(ClaimsPrincipal? Principal, string? Error);

    /// <summary>A sign-in's principal with a new family; its refresh token is the one the sign-in answer carries.</summary>
    public async Task<ClaimsPrincipal> StartAsync(PlatformUser user, CancellationToken ct)
    {
        var family = Guid.CreateVersion7().ToString();
        var token = Guid.NewGuid().ToString();
        db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = Provider, Name = family, Value = token });
        await db.SaveChangesAsync(ct);
        var keep = db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == Provider).OrderByDescending(t => t.Name).Take(FamiliesPerUser).Select(t => t.Name);
        await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == Provider && !keep.Contains(t.Name)).ExecuteDeleteAsync(ct);
        return await PrincipalAsync(user, family, token);
    }

    public async Task<Outcome> RefreshAsync(string refreshToken, HttpContext http)
    {
        var ct = http.RequestAborted;
        var ticket = bearer.Get(AuthSchemes.AccessToken).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow())
            return new(null, "refresh token invalid or expired: sign in again");
        var family = ticket.Principal.FindFirstValue(FamilyClaim);
        var presented = ticket.Principal.FindFirstValue(TokenClaim);
        var user = await signIn.ValidateSecurityStampAsync(ticket.Principal);
        if (family is null || presented is null || user is null || user.Disabled)
            return new(null, "the account changed (password, role or disabled) since this sign-in: sign in again");

        var next = Guid.NewGuid().ToString();
        var rotated = await Family(user.Id, family).Where(t => t.Value == presented).ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, next), ct);
        if (rotated == 1) return new(await PrincipalAsync(user, family, next), null);
        if (await Family(user.Id, family).ExecuteDeleteAsync(ct) == 0)
            return new(null, "this sign-in was ended (a reused refresh token, or a newer sign-in replaced it): sign in again");
        AuditLog.Add(db, user.Email!, AuditActions.RefreshReused, family, clock.GetUtcNow(), "a refresh token was used twice: its sign-in is revoked", http);
        await db.SaveChangesAsync(ct);
        return new(null, "refresh token already used: this sign-in is revoked, sign in again");
    }

    private IQueryable<IdentityUserToken<Guid>> Family(Guid user, string family) =>
        db.UserTokens.Where(t => t.UserId == user && t.LoginProvider == Provider && t.Name == family);

    private async Task<ClaimsPrincipal> PrincipalAsync(PlatformUser user, string family, string token)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaims([new Claim(FamilyClaim, family), new Claim(TokenClaim, token)]);
        return principal;
    }
}
