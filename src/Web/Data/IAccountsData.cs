using PcDarts.Core.Contracts;

namespace PcDarts.Web.Data;

/// <summary>
/// The account pages' reads and changes, for the signed-in user, through the same handlers as /api/users and
/// /api/tokens (so the same validation, role rules and audit lines). User management answers only an admin.
/// </summary>
public interface IAccountsData
{
    Task<IReadOnlyList<UserDto>> ListUsersAsync(CancellationToken ct = default);
    Task<AccountResult<UserDto>> CreateUserAsync(CreateUserRequest request, CancellationToken ct = default);
    Task<AccountResult<UserDto>> UpdateUserAsync(Guid id, UpdateUserRequest request, CancellationToken ct = default);
    /// <summary>The user's own tokens; an admin's list holds everyone's.</summary>
    Task<IReadOnlyList<TokenDto>> ListTokensAsync(CancellationToken ct = default);
    /// <summary>A new token for the signed-in user; its secret is in the answer and nowhere else.</summary>
    Task<AccountResult<CreatedTokenDto>> CreateTokenAsync(CreateTokenRequest request, CancellationToken ct = default);
    /// <summary>Null when revoked, else why not.</summary>
    Task<string?> RevokeTokenAsync(Guid id, CancellationToken ct = default);
}

/// <summary>The changed or created thing, or the field errors under the API's JSON names ("email", "role", "expiresInDays").</summary>
public sealed record AccountResult<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors) where T : class
{
    public static AccountResult<T> Done(T value) => new(value, new Dictionary<string, string[]>());
    public static AccountResult<T> Failed(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>All errors in one line, for a form-level message.</summary>
    public string Summary => string.Join("; ", Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
