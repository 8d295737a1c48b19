namespace PcDarts.Persistence.Identity;

/// <summary>
/// A personal API token (CI's credential). Only the SHA-256 of the secret is stored: the secret itself is shown once,
/// when the token is created, and cannot be read back.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public PlatformUser? User { get; set; }
    public required string Name { get; set; }
    /// <summary>The role the token acts with, never above its owner's role at the time of use.</summary>
    public required string Role { get; set; }
    /// <summary>Lower-case hex SHA-256 of the whole secret (prefix included).</summary>
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
