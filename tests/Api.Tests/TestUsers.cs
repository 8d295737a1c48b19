using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PcDarts.Api.Tests;

/// <summary>The first admin every test host bootstraps, with a known personal token, and ways to act as others.</summary>
public static class TestUsers
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "admin-password-1";
    public const string AdminToken = "pcd_test-admin-token-0123456789abcdefghijklmnop";

    public static void UseToken(this HttpClient client, string? token) =>
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

    /// <summary>A client acting as a new member <paramref name="email"/> (created by the admin).</summary>
    public static async Task<HttpClient> MemberClientAsync(ApiFactory api, string email)
    {
        var client = api.CreateClient();
        client.UseToken(await CreateUserWithTokenAsync(api, email, Core.Security.PlatformRoles.Member));
        return client;
    }

    /// <summary>Creates a user with <paramref name="role"/> (as the admin) and returns a personal token of that user.</summary>
    public static async Task<string> CreateUserWithTokenAsync(ApiFactory api, string email, string role)
    {
        using var admin = api.CreateClient();
        var created = await admin.PostAsJsonAsync("/api/users", new { email, password = "password-of-" + role, role });
        created.EnsureSuccessStatusCode();
        using var user = api.CreateClient();
        user.UseToken(await LoginAsync(user, email, "password-of-" + role));
        var token = await user.PostAsJsonAsync("/api/tokens", new { name = "tests", expiresInDays = 1 });
        token.EnsureSuccessStatusCode();
        return (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>POST /api/auth/login; the access token.</summary>
    public static async Task<string> LoginAsync(HttpClient client, string email, string password)
    {
        using var anonymous = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password }) };
        var response = await client.SendAsync(anonymous);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
