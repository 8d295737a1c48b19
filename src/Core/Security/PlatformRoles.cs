namespace PcDarts.Core.Security;

/// <summary>
/// The three roles, lowest first: a viewer reads everything; a member also submits, cancels and deletes its own
/// experiments; an admin does everything, manages users and everyone's tokens and sees the jobs dashboard.
/// </summary>
public static class PlatformRoles
{
    public const string Viewer = "viewer";
    public const string Member = "member";
    public const string Admin = "admin";

    /// <summary>Lowest first: a role includes every right of those before it.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Member, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>0 for viewer, 1 for member, 2 for admin; -1 for anything else.</summary>
    public static int Rank(string? role) => role is null ? -1 : All.ToList().IndexOf(role);

    /// <summary>True when <paramref name="role"/> includes every right of <paramref name="required"/>.</summary>
    public static bool Includes(string? role, string required) => Rank(role) >= Rank(required) && Rank(required) >= 0;

    /// <summary>The lower of two roles (a token never carries more than its owner has now).</summary>
    public static string Lower(string a, string b) => Rank(a) <= Rank(b) ? a : b;
}
