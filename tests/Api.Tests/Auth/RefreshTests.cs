using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Core.Security;

namespace PcDarts.Api.Tests.Auth;

/// <summary>POST /api/auth/refresh: one use per refresh token, a reused one ends its sign-in, an account change ends them all.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RefreshTests(PostgresCluster cluster)
{
    private const string Email = "script@test.local";
    private const string Password = "script-password-1";

    [Fact]
    public async Task A_refresh_token_buys_a_new_pair_once_and_its_reuse_revokes_the_sign_in()
    {
        await using var api = await StartAsync();
        using var anonymous = api.CreateAnonymousClient();
        var signIn = await PostAsync(anonymous, "/api/auth/login", new { email = Email, password = Password });

        var first = await PostAsync(anonymous, "/api/auth/refresh", new { refreshToken = Token(signIn, "refreshToken") });
        Assert.NotEqual(Token(signIn, "refreshToken"), Token(first, "refreshToken"));
        Assert.Equal(Email, (await MeAsync(anonymous, Token(first, "accessToken"))).GetProperty("email").GetString());
        var second = await PostAsync(anonymous, "/api/auth/refresh", new { refreshToken = Token(first, "refreshToken") });

        // The first refresh token again: someone else holds a copy. Refused, and the newest one dies with it.
        await AssertRefusedAsync(anonymous, Token(first, "refreshToken"), "refresh token already used");
        await AssertRefusedAsync(anonymous, Token(second, "refreshToken"), "this sign-in was ended");
        using var admin = api.CreateClient();
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=login.refresh-reused");
        Assert.Equal(Email, audit.GetProperty("items").EnumerateArray().Single().GetProperty("actor").GetString());

        // Another sign-in is a family of its own, untouched.
        var other = await PostAsync(anonymous, "/api/auth/login", new { email = Email, password = Password });
        await PostAsync(anonymous, "/api/auth/refresh", new { refreshToken = Token(other, "refreshToken") });
    }

    [Fact]
    public async Task A_refresh_is_refused_once_the_account_is_disabled_and_a_missing_or_forged_token_is_named()
    {
        await using var api = await StartAsync();
        using var anonymous = api.CreateAnonymousClient();
        var signIn = await PostAsync(anonymous, "/api/auth/login", new { email = Email, password = Password });

        var missing = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("refreshToken", out _));
        await AssertRefusedAsync(anonymous, "not-a-token", "refresh token invalid or expired");

        using var admin = api.CreateClient();
        var id = (await MeAsync(anonymous, Token(signIn, "accessToken"))).GetProperty("id").GetGuid();
        (await admin.PatchAsJsonAsync($"/api/users/{id}", new { disabled = true })).EnsureSuccessStatusCode();
        await AssertRefusedAsync(anonymous, Token(signIn, "refreshToken"), "the account changed");
    }

    private async Task<ApiFactory> StartAsync()
    {
        var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var admin = api.CreateClient();
        (await admin.PostAsJsonAsync("/api/users", new { email = Email, password = Password, role = PlatformRoles.Member })).EnsureSuccessStatusCode();
        return api;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Token(JsonElement answer, string name) => answer.GetProperty(name).GetString()!;

    private static async Task<JsonElement> MeAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new("Bearer", accessToken);
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertRefusedAsync(HttpClient client, string refreshToken, string detailStart)
    {
        var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith(detailStart, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
