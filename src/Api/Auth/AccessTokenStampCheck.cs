using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>
/// An access token carries the user's security stamp from its sign-in. The bearer handler reads only the token, so a
/// disabled user's token (or one whose role changed: every change renews the stamp) would work until it expires; this
/// compares the stamp with the user's now and treats a stale token as no token (401). Like the cookie's check, a result
/// is kept for <see cref="SecurityStampValidatorOptions.ValidationInterval"/> (a minute), so most requests touch no table.
/// </summary>
internal static class AccessTokenStampCheck
{
    public static IApplicationBuilder UseAccessTokenStampCheck(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true && AuthSchemes.Select(http) == AuthSchemes.AccessToken && !await IsCurrentAsync(http))
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            await next(http);
        });

    private static async Task<bool> IsCurrentAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var key = $"access-token-stamp:{http.User.FindFirstValue(ClaimTypes.NameIdentifier)}:{http.User.FindFirstValue(stampClaim)}";
        var cache = services.GetRequiredService<IMemoryCache>();
        if (cache.TryGetValue(key, out bool current)) return current;

        // Null when the user is gone or the stamp changed since the token was issued.
        current = await services.GetRequiredService<SignInManager<PlatformUser>>().ValidateSecurityStampAsync(http.User) is { Disabled: false };
        var interval = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        if (interval > TimeSpan.Zero) cache.Set(key, current, interval);
        return current;
    }
}
