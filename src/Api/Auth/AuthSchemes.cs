using Microsoft.AspNetCore.Identity;
using Microsoft.Net.Http.Headers;

namespace PcDarts.Api.Auth;

/// <summary>
/// The three ways a caller proves who it is, and the policy scheme that picks one per request: a personal token
/// (<c>Bearer pcd_…</c>), a short-lived access token from POST /api/auth/login (any other bearer), or the dashboard's
/// sign-in cookie. WebSockets cannot send headers, so the hub also takes either token as <c>?access_token=</c>.
/// </summary>
internal static class AuthSchemes
{
    public const string Platform = "PcDarts";
    public const string PersonalToken = "PersonalToken";
    public static readonly string AccessToken = IdentityConstants.BearerScheme;
    public static readonly string Cookie = IdentityConstants.ApplicationScheme;
    public const string QueryTokenName = "access_token";
    public const string HubsPrefix = "/hubs";

    public static string Select(HttpContext http)
    {
        var token = BearerToken(http);
        if (token is null) return Cookie;
        return token.StartsWith(PersonalTokens.Prefix, StringComparison.Ordinal) ? PersonalToken : AccessToken;
    }

    /// <summary>The bearer token of the Authorization header, or of the query string on the hub's paths.</summary>
    public static string? BearerToken(HttpContext http)
    {
        string? header = http.Request.Headers[HeaderNames.Authorization];
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim();
        if (http.Request.Path.StartsWithSegments(HubsPrefix) && http.Request.Query[QueryTokenName] is [{ Length: > 0 } query])
            return query;
        return null;
    }

    /// <summary>Requests from programs (REST, hub, OpenAPI document): they get 401/403, never a redirect to the login page.</summary>
    public static bool IsProgrammatic(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(HubsPrefix) ||
        request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/_blazor");
}
