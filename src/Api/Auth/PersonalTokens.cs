using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PcDarts.Persistence;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>Personal API tokens: <c>pcd_</c> and 32 random bytes; the database keeps only the SHA-256.</summary>
internal static class PersonalTokens
{
    public const string Prefix = "pcd_";
    public const int MinimumLength = 40;
    public const int MaxLifetimeDays = 3650;

    public static string NewSecret() => Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Stores a token for <paramref name="userId"/> (the caller saves the context).</summary>
    public static ApiToken Add(PcDartsDbContext db, Guid userId, string name, string role, string secret, DateTimeOffset now, int? expiresInDays)
    {
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name,
            Role = role,
            SecretHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.ApiTokens.Add(token);
        return token;
    }
}
