using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PcDarts.Core.Security;
using PcDarts.Persistence;

namespace PcDarts.Api.Auth;

/// <summary>
/// Authenticates <c>Bearer pcd_…</c>: the token's hash must match a row that is neither revoked nor expired, and its
/// owner must not be disabled. Checked on every request, so a revoked token is refused on the very next one.
/// </summary>
internal sealed class PersonalTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<PcDartsDbContext> contexts, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Last-used is written at most this often per token, not on every request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = AuthSchemes.BearerToken(Context);
        if (secret is null || !secret.StartsWith(PersonalTokens.Prefix, StringComparison.Ordinal)) return AuthenticateResult.NoResult();

        var hash = PersonalTokens.Hash(secret);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var found = await db.ApiTokens.AsNoTracking().Where(t => t.SecretHash == hash)
            .Select(t => new
            {
                t.Id, t.Name, t.Role, t.RevokedAt, t.ExpiresAt, t.LastUsedAt, t.UserId, User = t.User!,
                UserRole = db.UserRoles.Where(r => r.UserId == t.UserId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("this personal token is not one this platform issued");
        if (found.RevokedAt is { } revoked) return AuthenticateResult.Fail($"personal token '{found.Name}' was revoked at {revoked:yyyy-MM-dd HH:mm} UTC");
        if (found.ExpiresAt is { } expires && expires <= now) return AuthenticateResult.Fail($"personal token '{found.Name}' expired at {expires:yyyy-MM-dd HH:mm} UTC");
        if (found.User.Disabled || !PlatformRoles.IsKnown(found.UserRole)) return AuthenticateResult.Fail($"the account of personal token '{found.Name}' is disabled");

        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUsedResolution)
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, found.UserId.ToString()),
            new Claim(ClaimTypes.Name, found.User.UserName!),
            new Claim(ClaimTypes.Email, found.User.Email!),
            new Claim(ClaimTypes.Role, PlatformRoles.Lower(found.Role, found.UserRole!)),
            new Claim(PlatformClaims.TokenId, found.Id.ToString()),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>A refused token gets a 401 that says which token and why (expired when, revoked when), not a bare status.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if ((await HandleAuthenticateOnceSafeAsync()).Failure is not { } failure)
        {
            await base.HandleChallengeAsync(properties);
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await TypedResults.Problem(failure.Message, title: "Token refused", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }
}
