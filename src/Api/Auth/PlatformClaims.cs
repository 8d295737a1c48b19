using System.Security.Claims;
using PcDarts.Core.Security;

namespace PcDarts.Api.Auth;

/// <summary>What the endpoints read from the signed-in principal.</summary>
internal static class PlatformClaims
{
    /// <summary>Set when the caller came with a personal token: which one.</summary>
    public const string TokenId = "pcdarts:token";

    public static string Role(this ClaimsPrincipal user) =>
        PlatformRoles.All.LastOrDefault(user.IsInRole) ?? "";

    public static string Email(this ClaimsPrincipal user) => user.Identity?.Name ?? "";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(PlatformRoles.Admin);
}
