using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PcDarts.Api.Auth;

/// <summary>
/// Who is acting right now, for code below the endpoints (the experiment interceptor): the request's user, or, inside a
/// dashboard circuit (which has no HttpContext), the circuit's user, set around each of its inbound activities.
/// </summary>
internal sealed class CurrentActor(IHttpContextAccessor http)
{
    private static readonly AsyncLocal<ClaimsPrincipal?> CircuitUser = new();

    public ClaimsPrincipal? User =>
        http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : CircuitUser.Value;

    /// <summary>Gives every event a dashboard circuit handles (clicks, form posts) its signed-in user.</summary>
    internal sealed class CircuitUserHandler(AuthenticationStateProvider state) : CircuitHandler
    {
        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                CircuitUser.Value = (await state.GetAuthenticationStateAsync()).User;
                await next(context);
            };
    }
}
