using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace PcDarts.Api.Tests.Auth;

/// <summary>What one caller may send and start: body size (413), sign-ins and changes per minute (429), active experiments (409).</summary>
[Collection(PostgresCollection.Name)]
public sealed class LimitsTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Oversized_bodies_too_many_requests_and_too_many_active_experiments_are_refused_with_their_reason()
    {
        await using var factory = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        await using var api = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("PcDarts:Limits:LoginsPerMinute", "3");
            b.UseSetting("PcDarts:Limits:ChangesPerMinute", "3");
            b.UseSetting("PcDarts:Limits:MaxActiveExperiments", "2");
        });
        using var client = api.CreateClient();
        client.UseToken(TestUsers.AdminToken);

        var huge = new StringContent($"{{\"name\":\"{new string('x', 1024 * 1024)}\"}}", Encoding.UTF8, "application/json");
        var tooLarge = await client.PostAsync("/api/experiments/search", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);

        await Polling.SubmitAsync(client, Specs.TinySearch());
        await Polling.SubmitAsync(client, Specs.TinySearch());
        var third = await client.PostAsJsonAsync("/api/experiments/search", new { name = "third", spec = Specs.TinySearch() });
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Contains("MaxActiveExperiments = 2", (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var fourth = await client.PostAsJsonAsync("/api/experiments/search", new { name = "fourth", spec = Specs.TinySearch() });
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {fourth.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/experiments")).StatusCode); // reads are not counted

        var logins = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            logins.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = TestUsers.AdminEmail, password = TestUsers.AdminPassword })).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], logins);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_the_dashboard_a_content_security_policy()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        var page = await client.GetAsync("/");
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        // Blazor adds a frame-ancestors policy of its own; a browser enforces both.
        Assert.Contains(page.Headers.GetValues("Content-Security-Policy"), v => v.Contains("default-src 'self'"));
        Assert.Equal("nosniff", (await client.GetAsync("/api/experiments")).Headers.GetValues("X-Content-Type-Options").Single());
    }
}
