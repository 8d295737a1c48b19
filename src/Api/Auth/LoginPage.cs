using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PcDarts.Persistence.Identity;
using PcDarts.Web.Components.Account;

namespace PcDarts.Api.Auth;

/// <summary>The dashboard's sign-in: a static page at /login whose form posts back here and sets the cookie; /logout clears it.</summary>
internal static class LoginPage
{
    public const string Path = "/login";
    public const string LogoutPath = "/logout";

    public static void MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, Submit).AllowAnonymous().RequireRateLimiting(AbuseLimits.LoginPolicy).ExcludeFromDescription();
        // SameSite=Lax keeps other sites from posting here with the cookie, so no antiforgery token is needed to sign out.
        app.MapPost(LogoutPath, Logout).DisableAntiforgery().ExcludeFromDescription();
    }

    private static RazorComponentResult<Login> Show(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, string? email)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new RazorComponentResult<Login>(new Dictionary<string, object?>
        {
            [nameof(Login.ReturnUrl)] = LocalOrRoot(returnUrl),
            [nameof(Login.Error)] = error,
            [nameof(Login.Email)] = email,
            [nameof(Login.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(Login.AntiforgeryToken)] = tokens.RequestToken,
        });
    }

    private static async Task<RedirectHttpResult> Submit(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext http, PasswordLogin login, SignInManager<PlatformUser> signIn)
    {
        var target = LocalOrRoot(returnUrl);
        var outcome = await login.CheckAsync(email, password, http);
        if (outcome.User is null)
            return TypedResults.LocalRedirect($"{Path}?returnUrl={Uri.EscapeDataString(target)}&error={Uri.EscapeDataString(outcome.Error!)}&email={Uri.EscapeDataString(email ?? "")}");
        await signIn.SignInAsync(outcome.User, isPersistent: false);
        return TypedResults.LocalRedirect(target);
    }

    private static async Task<RedirectHttpResult> Logout(SignInManager<PlatformUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(Path);
    }

    /// <summary>Only a path on this site: a crafted link cannot send a freshly signed-in user elsewhere.</summary>
    private static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
