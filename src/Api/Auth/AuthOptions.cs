namespace PcDarts.Api.Auth;

/// <summary>Section "PcDarts:Auth" of the configuration (environment: PcDarts__Auth__AdminEmail, …).</summary>
public sealed class AuthOptions
{
    public const string Section = "PcDarts:Auth";

    /// <summary>With <see cref="AdminPassword"/>: the first admin, created when no user exists.</summary>
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    /// <summary>Optional personal token (pcd_…, 40+ characters) registered for that first admin, for a deployment's CI.</summary>
    public string? AdminToken { get; set; }
    /// <summary>Lifetime of an access token from POST /api/auth/login.</summary>
    public int AccessTokenMinutes { get; set; } = 30;
    /// <summary>Lifetime of each refresh token (one use each, POST /api/auth/refresh): a script idle this long signs in again.</summary>
    public int RefreshTokenDays { get; set; } = 14;
    /// <summary>Failed sign-ins in a row before the account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int MaxFailedLogins { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>Mark the sign-in cookie Secure (HTTPS only); default: everywhere but Development.</summary>
    public bool? SecureCookie { get; set; }
}
