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
/// The account pages through <see cref="UsersApi"/> and <see cref="TokensApi"/> in-process, as the circuit's user, one
/// <see cref="CircuitCall"/> each.
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

    private Task<CircuitCall> AdminCallAsync(CancellationToken ct) => CircuitCall.StartAsAdminAsync(scopes, state, "manage users", ct);

    private Task<CircuitCall> CallAsync(CancellationToken ct) => CircuitCall.StartAsync(scopes, state, ct);
}
