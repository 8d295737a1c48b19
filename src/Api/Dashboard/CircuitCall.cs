using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using PcDarts.Api.Auth;
using PcDarts.Persistence;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Dashboard;

/// <summary>
/// One call of a REST handler from a Blazor circuit, as the circuit's user: a service scope of its own (a UserManager and
/// a DbContext), because a circuit outlives any request and may run calls concurrently. The handlers take an HttpContext
/// for cancellation and the audit line; a circuit has none, so each call gets a bare one carrying the user.
/// </summary>
internal sealed class CircuitCall(AsyncServiceScope scope, ClaimsPrincipal user, HttpContext http) : IAsyncDisposable
{
    public ClaimsPrincipal User => user;
    public HttpContext Http => http;
    public UserManager<PlatformUser> Users => scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
    public PcDartsDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
    public ValueTask DisposeAsync() => scope.DisposeAsync();

    public static async Task<CircuitCall> StartAsync(IServiceScopeFactory scopes, AuthenticationStateProvider state, CancellationToken ct)
    {
        var user = (await state.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true) throw new UnauthorizedAccessException("not signed in");
        var scope = scopes.CreateAsyncScope();
        var http = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider, RequestAborted = ct };
        return new CircuitCall(scope, user, http);
    }

    /// <summary>As the REST groups' admin policy: the admin pages are admin-only too, this refuses anyone else who gets here.</summary>
    public static async Task<CircuitCall> StartAsAdminAsync(IServiceScopeFactory scopes, AuthenticationStateProvider state, string what, CancellationToken ct)
    {
        var call = await StartAsync(scopes, state, ct);
        if (call.User.IsAdmin()) return call;
        await call.DisposeAsync();
        throw new UnauthorizedAccessException($"your role ({call.User.Role()}) may not {what}: an admin may");
    }
}
