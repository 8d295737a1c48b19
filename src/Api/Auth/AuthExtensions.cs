using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using PcDarts.Core.Security;
using PcDarts.Persistence;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>Users, roles, the three ways in (cookie, access token, personal token) and the role policies.</summary>
internal static class AuthExtensions
{
    /// <param name="embeddedDataFolder">The embedded default's data folder (its first admin's password goes there); null on a configured database.</param>
    public static void AddPlatformAuth(this IHostApplicationBuilder builder, string? embeddedDataFolder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);

        services.AddIdentityCore<PlatformUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length, not composition, makes a password hard to guess (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PcDartsDbContext>()
            .AddSignInManager();
        // A changed role or a disabled account reaches signed-in browsers and access tokens (AccessTokenStampCheck) within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(AuthSchemes.Platform)
            .AddPolicyScheme(AuthSchemes.Platform, "cookie, access token or personal token", o => o.ForwardDefaultSelector = AuthSchemes.Select)
            .AddBearerToken(AuthSchemes.AccessToken, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(options.AccessTokenMinutes);
                o.RefreshTokenExpiration = TimeSpan.FromDays(options.RefreshTokenDays);
                o.Events.OnMessageReceived = c => { c.Token = AuthSchemes.BearerToken(c.HttpContext); return Task.CompletedTask; };
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, PersonalTokenHandler>(AuthSchemes.PersonalToken, null)
            .AddIdentityCookies(c => c.ApplicationCookie!.Configure(o => ConfigureCookie(o, options.SecureCookie ?? !builder.Environment.IsDevelopment())));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PlatformRoles.Member, p => p.RequireRole(PlatformRoles.Member, PlatformRoles.Admin))
            .AddPolicy(PlatformRoles.Admin, p => p.RequireRole(PlatformRoles.Admin));

        // One key ring in PostgreSQL: a cookie or access token issued by one API instance is read by the others and survives restarts.
        services.AddDataProtection().SetApplicationName("PcDarts").PersistKeysToDbContext<PcDartsDbContext>();
        services.AddAbuseLimits(builder.Configuration);
        services.AddTrustedProxies(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddSingleton<CurrentActor>();
        services.AddSingleton<ExperimentChangeInterceptor>();
        services.ConfigureDbContext<PcDartsDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<ExperimentChangeInterceptor>()), ServiceLifetime.Singleton);
        services.AddScoped<CircuitHandler, CurrentActor.CircuitUserHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<PasswordLogin>();
        services.AddScoped<RefreshTokens>();
        services.AddSingleton(new BootstrapFolder(embeddedDataFolder));
        services.AddHostedService<AdminBootstrap>();
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o, bool secure)
    {
        o.Cookie.Name = "pcdarts.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        o.LoginPath = LoginPage.Path;
        o.ExpireTimeSpan = TimeSpan.FromHours(12);
        o.SlidingExpiration = true;
        // Programs get a status code (written as ProblemDetails by the status code pages); browsers get the login page.
        o.Events.OnRedirectToLogin = c =>
        {
            if (AuthSchemes.IsProgrammatic(c.Request)) c.Response.StatusCode = StatusCodes.Status401Unauthorized;
            else c.Response.Redirect(c.RedirectUri);
            return Task.CompletedTask;
        };
        o.Events.OnRedirectToAccessDenied = c =>
        {
            c.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    public static void UsePlatformAuth(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        app.UseRequestSizeLimit();
        app.UseAuthentication();
        app.UseAccessTokenStampCheck();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>Login and logout (REST and page), /api/auth/me, tokens, users and the audit log.</summary>
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapAuthApi();
        app.MapLoginPage();
        // Any signed-in user manages its own tokens (a viewer's carry at most the viewer role).
        app.MapTokensApi();
        app.MapUsersApi();
        app.MapAuditApi();
    }
}
