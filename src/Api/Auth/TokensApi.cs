using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Persistence;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>Personal API tokens for CI: created with a role no higher than the caller's, listed without secrets, revoked at once.</summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tokens").WithTags("Tokens");
        api.MapPost("/", CreateToken).WithName(nameof(CreateToken));
        api.MapGet("/", ListTokens).WithName(nameof(ListTokens));
        api.MapDelete("/{id:guid}", RevokeToken).WithName(nameof(RevokeToken));
        return api;
    }

    public static async Task<Results<Created<CreatedTokenDto>, ValidationProblem>> CreateToken(
        CreateTokenRequest request, ClaimsPrincipal user, HttpContext http, PcDartsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var role = request.Role ?? user.Role();
        var validation = new Validation();
        validation.Require(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Trim().Length <= 100, "name", "is required, at most 100 characters");
        validation.Require(PlatformRoles.IsKnown(role), "role", $"must be one of {string.Join(", ", PlatformRoles.All)}");
        validation.Require(!PlatformRoles.IsKnown(role) || PlatformRoles.Includes(user.Role(), role), "role", $"cannot be above your own role ({user.Role()})");
        validation.Require(request.ExpiresInDays is null or (>= 1 and <= PersonalTokens.MaxLifetimeDays), "expiresInDays", $"must be 1 to {PersonalTokens.MaxLifetimeDays}");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());

        var now = clock.GetUtcNow();
        var secret = PersonalTokens.NewSecret();
        var token = PersonalTokens.Add(db, user.UserId()!.Value, request.Name!.Trim(), role, secret, now, request.ExpiresInDays ?? 90);
        AuditLog.Add(db, user.Email(), AuditActions.TokenCreated, token.Id.ToString(), now, $"{token.Name} ({role})", http);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/tokens/{token.Id}", new CreatedTokenDto(token.Id, secret, token.Name, role, token.ExpiresAt));
    }

    /// <summary>The caller's tokens; an admin sees everyone's.</summary>
    public static async Task<Ok<List<TokenDto>>> ListTokens(ClaimsPrincipal user, PcDartsDbContext db, CancellationToken ct)
    {
        var query = db.ApiTokens.AsNoTracking();
        if (!user.IsAdmin()) query = query.Where(t => t.UserId == user.UserId());
        var tokens = await query.OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenDto(t.Id, t.Name, t.Role, t.User!.Email!, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(tokens);
    }

    public static async Task<Results<NoContent, NotFound>> RevokeToken(
        Guid id, ClaimsPrincipal user, HttpContext http, PcDartsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && (t.UserId == user.UserId() || user.IsAdmin()), ct);
        // Someone else's token answers as if it did not exist: its id tells nothing.
        if (token is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        token.RevokedAt ??= now;
        AuditLog.Add(db, user.Email(), AuditActions.TokenRevoked, token.Id.ToString(), now, token.Name, http);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
