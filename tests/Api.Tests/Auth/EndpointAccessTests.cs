using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Api.Auth;
using PcDarts.Core.Security;
using Xunit.Abstractions;

namespace PcDarts.Api.Tests.Auth;

/// <summary>
/// Every endpoint the app registers (read from its EndpointDataSource, so a new one cannot be forgotten) is called as
/// nobody, a viewer and an admin: nobody is refused everywhere but the allow-list, a viewer reads but changes nothing,
/// an admin is let in everywhere.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EndpointAccessTests(PostgresCluster cluster, ITestOutputHelper output)
{
    /// <summary>Reachable without credentials: the probes, the sign-in page and its assets, REST sign-in and refresh.</summary>
    private static readonly string[] Anonymous =
    [
        "GET /healthz", "GET /readyz", "GET /login", "POST /login", "POST /api/auth/login", "POST /api/auth/refresh",
        // The API reference page's own script and icon (the page itself needs a user).
        "GET /scalar/scalar.js", "GET /scalar/scalar.aspnetcore.js", "GET /scalar/favicon.svg",
    ];
    /// <summary>Non-GET endpoints that change nothing of anyone else's: signing out, one's own tokens (and live connections, below).</summary>
    private static readonly string[] SelfService = ["POST /logout", "POST /api/tokens/", "DELETE /api/tokens/{id}"];
    private static readonly string[] ConnectionPrefixes = ["/hubs/", "/_blazor"];

    private sealed record Route(string Method, string Path, Endpoint Endpoint)
    {
        public string Key => $"{Method} {Template}";
        public string Template { get; init; } = "";
        // A dashboard page's POST is Blazor's form handler: the pages change things only through their circuit (/_blazor).
        public bool IsRead => Method is "GET" or "HEAD" || Endpoint.Metadata.GetMetadata<ComputesOnlyAttribute>() is not null ||
                              Endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata") ||
                              ConnectionPrefixes.Any(Template.StartsWith) || SelfService.Contains(Key);
        private IEnumerable<IAuthorizeData> Rules => Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        public bool AdminOnly => Template.StartsWith("/hangfire") || Rules.Any(a => a.Policy == PlatformRoles.Admin || a.Roles == PlatformRoles.Admin);
        /// <summary>A dashboard page for submitting (New search, New retrain): a viewer may not open it.</summary>
        public bool NotForViewers => AdminOnly || Rules.Any(a => a.Roles == ExperimentRights.SubmitRoles);
    }

    [Fact]
    public async Task Nobody_is_refused_a_viewer_only_reads_and_an_admin_is_let_in_on_every_endpoint()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        var viewerToken = await TestUsers.CreateUserWithTokenAsync(api, "viewer@test.local", PlatformRoles.Viewer);
        var routes = Routes(api);
        Assert.Contains(routes, r => r.Key == "POST /api/experiments/search");
        Assert.Contains(routes, r => r.Key == "GET /hangfire/{**path}");
        // The Prometheus scrape: platform-wide numbers, admins only (a scraper uses an admin's personal token).
        Assert.Contains(routes, r => r.Key == "GET /metrics" && r.AdminOnly);

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var anonymous = await SendAsync(api, route, token: null);
            var allowed = Anonymous.Contains(route.Key);
            var redirectedToLogin = anonymous.StatusCode == HttpStatusCode.Redirect && anonymous.Headers.Location?.OriginalString.Contains("/login") == true;
            if (!allowed && anonymous.StatusCode != HttpStatusCode.Unauthorized && !redirectedToLogin)
                failures.Add($"anonymous {route.Key} → {(int)anonymous.StatusCode}");
            if (route.Template.StartsWith("/api") && anonymous.StatusCode == HttpStatusCode.Unauthorized &&
                anonymous.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"anonymous {route.Key}: 401 without ProblemDetails");
            if (!allowed && route.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                failures.Add($"{route.Key} allows anonymous callers but is not on the allow-list");

            if (allowed) continue; // the sign-in endpoints answer signed-in callers like anyone else
            var viewer = (int)(await SendAsync(api, route, viewerToken)).StatusCode;
            var viewerRefused = viewer is 401 or 403;
            if (route.IsRead && !route.NotForViewers && viewerRefused) failures.Add($"viewer {route.Key} (a read) → {viewer}");
            if ((!route.IsRead || route.NotForViewers) && viewer != 403) failures.Add($"viewer {route.Key} → {viewer}, expected 403");

            var admin = (int)(await SendAsync(api, route, TestUsers.AdminToken)).StatusCode;
            if (admin is 401 or 403) failures.Add($"admin {route.Key} → {admin}");
            output.WriteLine($"{route.Key}: anonymous {(int)anonymous.StatusCode}, viewer {viewer}, admin {admin}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static List<Route> Routes(ApiFactory api) =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // Static files (stylesheets, scripts) are public by design: the login page needs them.
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new Route(m, Materialize(e.RoutePattern), e) { Template = Template(e.RoutePattern) }))
            .DistinctBy(r => r.Key)
            .ToList();

    private static async Task<HttpResponseMessage> SendAsync(ApiFactory api, Route route, string? token)
    {
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.UseToken(token);
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
        if (route.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    /// <summary>A concrete path: each parameter gets a value its constraint accepts (an unknown id is fine: 404 is not 401).</summary>
    private static string Materialize(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { ParameterPolicies: var policies } when policies.Any(x => x.Content is "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart { ParameterPolicies: var policies } when policies.Any(x => x.Content is "int" or "long") => "1",
            RoutePatternParameterPart { IsCatchAll: true } => "",
            RoutePatternParameterPart => "x",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    private static string Template(RoutePattern pattern) => "/" + (pattern.RawText ?? "").TrimStart('/').Replace(":guid", "");
}
