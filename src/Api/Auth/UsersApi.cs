using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Persistence;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>User management, for admins: create, list, change role, disable, reset a password.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(PlatformRoles.Admin);
        api.MapPost("/", CreateUser).WithName(nameof(CreateUser));
        api.MapGet("/", ListUsers).WithName(nameof(ListUsers));
        api.MapPatch("/{id:guid}", UpdateUser).WithName(nameof(UpdateUser));
        return api;
    }

    public static async Task<Results<Created<UserDto>, ValidationProblem>> CreateUser(
        CreateUserRequest request, ClaimsPrincipal admin, HttpContext http, UserManager<PlatformUser> users, PcDartsDbContext db, TimeProvider clock)
    {
        var validation = new Validation();
        validation.Require(!string.IsNullOrWhiteSpace(request.Email) && request.Email.Contains('@'), "email", "is required (an email address)");
        validation.Require(PlatformRoles.IsKnown(request.Role), "role", $"must be one of {string.Join(", ", PlatformRoles.All)}");
        validation.Require(!string.IsNullOrEmpty(request.Password), "password", "is required");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());

        var email = request.Email!.Trim();
        var user = new PlatformUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded) return Problem(created, "password");
        await users.AddToRoleAsync(user, request.Role!);
        AuditLog.Add(db, admin.Email(), AuditActions.UserCreated, email, clock.GetUtcNow(), $"role {request.Role}", http);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/users/{user.Id}", await ToDtoAsync(user, users));
    }

    public static async Task<Ok<List<UserDto>>> ListUsers(UserManager<PlatformUser> users, CancellationToken ct)
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync(ct);
        var result = new List<UserDto>();
        foreach (var user in all) result.Add(await ToDtoAsync(user, users));
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<UserDto>, NotFound, ValidationProblem>> UpdateUser(
        Guid id, UpdateUserRequest request, ClaimsPrincipal admin, HttpContext http, UserManager<PlatformUser> users, PcDartsDbContext db, TimeProvider clock)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return TypedResults.NotFound();
        if (request.Role is not null && !PlatformRoles.IsKnown(request.Role))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"must be one of {string.Join(", ", PlatformRoles.All)}"] });

        var changes = new List<string>();
        if (request.Password is { } password)
        {
            await users.RemovePasswordAsync(user);
            var set = await users.AddPasswordAsync(user, password);
            if (!set.Succeeded) return Problem(set, "password");
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            changes.Add("password reset");
        }
        if (request.Role is { } role && role != (await users.GetRolesAsync(user)).FirstOrDefault())
        {
            await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            await users.AddToRoleAsync(user, role);
            changes.Add($"role {role}");
        }
        if (request.Disabled is { } disabled && disabled != user.Disabled)
        {
            user.Disabled = disabled;
            await users.UpdateAsync(user);
            changes.Add(disabled ? "disabled" : "enabled");
        }
        if (changes.Count > 0)
        {
            // Signed-in browsers of this user pick the change up at their next validation (a minute at most).
            await users.UpdateSecurityStampAsync(user);
            AuditLog.Add(db, admin.Email(), AuditActions.UserChanged, user.Email, clock.GetUtcNow(), string.Join(", ", changes), http);
            await db.SaveChangesAsync(http.RequestAborted);
        }
        return TypedResults.Ok(await ToDtoAsync(user, users));
    }

    private static async Task<UserDto> ToDtoAsync(PlatformUser user, UserManager<PlatformUser> users) =>
        new(user.Id, user.Email!, (await users.GetRolesAsync(user)).FirstOrDefault() ?? "", user.Disabled, user.CreatedAt,
            user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null);

    private static ValidationProblem Problem(IdentityResult result, string field) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
}
