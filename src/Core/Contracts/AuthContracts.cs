namespace PcDarts.Core.Contracts;

public sealed record LoginRequest(string? Email, string? Password);

/// <summary>The refresh token of the last sign-in or refresh answer; each is good for one use.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>Who the caller is: <paramref name="Via"/> is cookie, access token or personal token.</summary>
public sealed record MeDto(Guid Id, string Email, string Role, string Via);

public sealed record CreateTokenRequest(string? Name, string? Role, int? ExpiresInDays);

/// <summary>The secret is in this answer only; the server keeps its hash.</summary>
public sealed record CreatedTokenDto(Guid Id, string Token, string Name, string Role, DateTimeOffset? ExpiresAt);

public sealed record TokenDto(Guid Id, string Name, string Role, string Owner, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed record CreateUserRequest(string? Email, string? Password, string? Role);

/// <summary>Any subset: a new role, disabled or enabled again, a new password.</summary>
public sealed record UpdateUserRequest(string? Role, bool? Disabled, string? Password);

public sealed record UserDto(Guid Id, string Email, string Role, bool Disabled, DateTimeOffset CreatedAt, DateTimeOffset? LockedOutUntil);

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string? RemoteAddress);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, int Page, int PageSize, int Total);
