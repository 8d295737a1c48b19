using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using PcDarts.Api.Auth;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Persistence.Identity;
using PcDarts.Web.Data;

namespace PcDarts.Api.Dashboard;

/// <summary>
/// The account pages through <see cref="UsersApi"/> and <see cref="TokensApi"/> in-process, as the circuit's user. Each call
/// gets its own service scope (a UserManager and a DbContext of its own): a circuit outlives any request and may run calls
/// concurrently. The handlers take an HttpContext for cancellation and the audit line; a circuit has none, so each call
/// gets a bare one carrying the user.
/// </summary>
internal sealed class AccountsData(IServiceScopeFactory scopes, AuthenticationStateProvider state, TimeProvider clock) : IAccountsData
{
    public async Task<IReadOnlyList<UserDto>> ListUsersAsync(CancellationToken ct = default)
    {
        await using var call = await AdminCallAsync(ct);
        return (await UsersApi.ListUsers(call.Users, ct)).Value!;
    }

    public async Task<AccountResult<UserDto>> CreateUserAsync(CreateUserRequest request, CancellationToken ct = default)
    {
        await using var call = await AdminCallAsync(ct);
        return (await UsersApi.CreateUser(request, call.User, call.Http, call.Users, call.Db, clock)).Result switch
        {
            Created<UserDto> created => AccountResult<UserDto>.Done(created.Value!),
            ValidationProblem problem => new(null, problem.ProblemDetails.Errors.AsReadOnly()),
            var other => AccountResult<UserDto>.Failed("", $"unexpected result {other}"),
        };
    }

    public async Task<AccountResult<UserDto>> UpdateUserAsync(Guid id, UpdateUserRequest request, CancellationToken ct = default)
    {
        await using var call = await AdminCallAsync(ct);
        return (await UsersApi.UpdateUser(id, request, call.User, call.Http, call.Users, call.Db, clock)).Result switch
        {
            Ok<UserDto> ok => AccountResult<UserDto>.Done(ok.Value!),
            NotFound => AccountResult<UserDto>.Failed("id", $"no user {id}"),
            ValidationProblem problem => new(null, problem.ProblemDetails.Errors.AsReadOnly()),
            var other => AccountResult<UserDto>.Failed("", $"unexpected result {other}"),
        };
    }

    public async Task<IReadOnlyList<TokenDto>> ListTokensAsync(CancellationToken ct = default)
    {
        await using var call = await CallAsync(ct);
        return (await TokensApi.ListTokens(call.User, call.Db, ct)).Value!;
    }

    public async Task<AccountResult<CreatedTokenDto>> CreateTokenAsync(CreateTokenRequest request, CancellationToken ct = default)
    {
        await using var call = await CallAsync(ct);
        return (await TokensApi.CreateToken(request, call.User, call.Http, call.Db, clock, ct)).Result switch
        {
            Created<CreatedTokenDto> created => AccountResult<CreatedTokenDto>.Done(created.Value!),
            ValidationProblem problem => new(null, problem.ProblemDetails.Errors.AsReadOnly()),
            var other => AccountResult<CreatedTokenDto>.Failed("", $"unexpected result {other}"),
        };
    }

    public async Task<string?> RevokeTokenAsync(Guid id, CancellationToken ct = default)
    {
        await using var call = await CallAsync(ct);
        return (await TokensApi.RevokeToken(id, call.User, call.Http, call.Db, clock, ct)).Result is NoContent ? null : $"no token {id}";
    }

    /// <summary>As the REST group's admin policy: the pages are admin-only too, this refuses anyone else who gets here.</summary>
    private async Task<Call> AdminCallAsync(CancellationToken ct)
    {
        var call = await CallAsync(ct);
        if (call.User.IsAdmin()) return call;
        await call.DisposeAsync();
        throw new UnauthorizedAccessException($"your role ({call.User.Role()}) may not manage users: an admin may");
    }

    private async Task<Call> CallAsync(CancellationToken ct)
    {
        var user = (await state.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true) throw new UnauthorizedAccessException("not signed in");
        var scope = scopes.CreateAsyncScope();
        var http = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider, RequestAborted = ct };
        return new Call(scope, user, http);
    }

    private sealed class Call(AsyncServiceScope scope, ClaimsPrincipal user, HttpContext http) : IAsyncDisposable
    {
        public ClaimsPrincipal User => user;
        public HttpContext Http => http;
        public UserManager<PlatformUser> Users { get; } = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        public PcDartsDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
