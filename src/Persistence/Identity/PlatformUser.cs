using Microsoft.AspNetCore.Identity;

namespace PcDarts.Persistence.Identity;

/// <summary>A person or CI account; its email is its user name. Its one role is an Identity role (see PlatformRoles).</summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    /// <summary>A disabled user can neither sign in nor use its tokens; its experiments stay.</summary>
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
