using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PcDarts.Api.Auth;

/// <summary>
/// Who is acting right now, and from where, for code below the endpoints (the experiment interceptor, the audit log):
/// the request's user and address, or, inside a dashboard circuit (which has no HttpContext), the circuit's user and the
/// address its connection came from, set around each of its inbound activities.
/// </summary>
internal sealed class CurrentActor(IHttpContextAccessor http)
{
    private static readonly AsyncLocal<ClaimsPrincipal?> CircuitUser = new();
    private static readonly AsyncLocal<IPAddress?> CircuitAddress = new();

    public ClaimsPrincipal? User =>
        http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : CircuitUser.Value;

    /// <summary>The request being served, if any (none inside a circuit's events).</summary>
    public HttpContext? Request => http.HttpContext;

    /// <summary>
    /// The client's address: the request's (the proxy's client's when a proxy is trusted, <see cref="TrustedProxies"/>),
    /// or, for a circuit's event or the bare context a circuit's call carries, its connection's.
    /// </summary>
    public static IPAddress? RemoteAddress(HttpContext? request) => request?.Connection.RemoteIpAddress ?? CircuitAddress.Value;

    /// <summary>Gives every event a dashboard circuit handles (clicks, form posts) its signed-in user and its client's address.</summary>
    internal sealed class CircuitUserHandler(AuthenticationStateProvider state, IHttpContextAccessor http) : CircuitHandler
    {
        private IPAddress? _address;

        /// <summary>
        /// The one moment the circuit's connection (the WebSocket's request, after forwarded headers) is readable; its
        /// events later run without it. Called again on each reconnection, which may come from a new address.
        /// </summary>
        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            _address = http.HttpContext?.Connection.RemoteIpAddress ?? _address;
            return Task.CompletedTask;
        }

        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                CircuitUser.Value = (await state.GetAuthenticationStateAsync()).User;
                CircuitAddress.Value = _address;
                await next(context);
            };
    }
}
