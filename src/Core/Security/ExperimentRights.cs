using System.Security.Claims;

namespace PcDarts.Core.Security;

/// <summary>
/// Who may do what to experiments: the save hook enforces it and the dashboard hides what a user may not use, from this
/// one rule. A member submits and changes its own experiments; an admin changes any; a viewer only reads.
/// </summary>
public static class ExperimentRights
{
    /// <summary>For <c>[Authorize(Roles = …)]</c> and <c>AuthorizeView Roles</c>: the roles that may submit.</summary>
    public const string SubmitRoles = PlatformRoles.Member + "," + PlatformRoles.Admin;

    public static bool MaySubmit(ClaimsPrincipal user) => user.IsInRole(PlatformRoles.Member) || user.IsInRole(PlatformRoles.Admin);

    /// <summary>An admin changes (cancels, deletes) any experiment; a member only those it created.</summary>
    public static bool MayChange(ClaimsPrincipal user, string? createdBy) =>
        user.IsInRole(PlatformRoles.Admin) ||
        (user.IsInRole(PlatformRoles.Member) && createdBy is not null && string.Equals(createdBy, user.Identity?.Name, StringComparison.OrdinalIgnoreCase));
}
