using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PcDarts.Api.Tests.Live;
using PcDarts.Core.Security;

namespace PcDarts.Api.Tests.Auth;

/// <summary>REST sign-in, who-am-I, lockout, and the hub and OpenAPI document behind the same credentials.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LoginTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Login_returns_a_short_lived_access_token_that_says_who_the_caller_is()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = TestUsers.AdminEmail, password = TestUsers.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.InRange(body.GetProperty("expiresIn").GetInt32(), 60, 3600);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);

        client.UseToken(body.GetProperty("accessToken").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(TestUsers.AdminEmail, me.GetProperty("email").GetString());
        Assert.Equal(PlatformRoles.Admin, me.GetProperty("role").GetString());
        Assert.Equal("access token", me.GetProperty("via").GetString());
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_for_the_right_password()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        await TestUsers.CreateUserWithTokenAsync(api, "carol@test.local", PlatformRoles.Member);
        using var client = api.CreateAnonymousClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = "carol@test.local", password = $"guess-{i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        }
        var right = await client.PostAsJsonAsync("/api/auth/login", new { email = "carol@test.local", password = "password-of-member" });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        using var admin = api.CreateClient();
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        var carol = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == "carol@test.local");
        Assert.NotEqual(JsonValueKind.Null, carol.GetProperty("lockedOutUntil").ValueKind);
    }

    [Fact]
    public async Task The_hub_refuses_an_anonymous_connection_and_accepts_a_token()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: false);

        await using var anonymous = api.Hub(token: null);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await using var signedIn = api.Hub();
        await signedIn.StartAsync();
        Assert.Equal(HubConnectionState.Connected, signedIn.State);
    }

    [Fact]
    public async Task The_OpenAPI_document_needs_a_user_and_declares_the_bearer_scheme()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var anonymous = api.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);

        using var client = api.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
    }
}
