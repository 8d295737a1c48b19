using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PcDarts.Core.Security;
using PcDarts.Persistence;

namespace PcDarts.Api.Tests.Auth;

/// <summary>Personal tokens: shown once, stored as a hash, refused once revoked or expired, never above the caller's role.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TokenTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_revoked_or_expired_token_is_refused_on_the_next_request()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var admin = api.CreateClient();
        var revoked = await CreateAsync(admin, "to revoke", PlatformRoles.Member);
        var expired = await CreateAsync(admin, "to expire", PlatformRoles.Member);
        using var client = api.CreateAnonymousClient();

        client.UseToken(revoked.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/experiments")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/tokens/{revoked.Id}")).StatusCode);
        await AssertRefusedAsync(client, "personal token 'to revoke' was revoked at ");

        client.UseToken(expired.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/experiments")).StatusCode);
        using (var scope = api.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<PcDartsDbContext>().ApiTokens.Where(t => t.Id == expired.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await AssertRefusedAsync(client, "personal token 'to expire' expired at ");

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/tokens");
        var row = listed.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == revoked.Id);
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("revokedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("lastUsedAt").ValueKind);
        Assert.False(row.TryGetProperty("token", out _));
        Assert.DoesNotContain(revoked.Token, listed.ToString());
    }

    [Fact]
    public async Task The_token_table_holds_only_a_SHA256_of_each_secret()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(database, embeddedRunner: false);
        using var admin = api.CreateClient();
        var created = await CreateAsync(admin, "ci", PlatformRoles.Member);
        Assert.StartsWith("pcd_", created.Token);

        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT t::text FROM api_tokens t", conn);
        var rows = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        Assert.Equal(2, rows.Count); // the bootstrap token and this one
        Assert.All(rows, r => Assert.DoesNotContain(created.Token, r));
        Assert.All(rows, r => Assert.DoesNotContain(TestUsers.AdminToken, r));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Token)));
        Assert.Contains(rows, r => r.Contains(hash));
    }

    [Fact]
    public async Task A_token_cannot_carry_a_role_above_its_creators()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var member = api.CreateClient();
        member.UseToken(await TestUsers.CreateUserWithTokenAsync(api, "member@test.local", PlatformRoles.Member));

        var response = await member.PostAsJsonAsync("/api/tokens", new { name = "escalate", role = PlatformRoles.Admin });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("role", out _));
        var viewerToken = await CreateAsync(member, "read only", PlatformRoles.Viewer);
        using var viewer = api.CreateAnonymousClient();
        viewer.UseToken(viewerToken.Token);
        Assert.Equal(PlatformRoles.Viewer, (await viewer.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/experiments/search", new { name = "x", spec = Specs.TinySearch() })).StatusCode);
        // A member sees only its own tokens.
        Assert.All((await member.GetFromJsonAsync<JsonElement>("/api/tokens")).EnumerateArray(),
            t => Assert.Equal("member@test.local", t.GetProperty("owner").GetString()));
    }

    private static async Task<(Guid Id, string Token)> CreateAsync(HttpClient client, string name, string role)
    {
        var response = await client.PostAsJsonAsync("/api/tokens", new { name, role, expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
    }

    /// <summary>A 401 whose ProblemDetails names the token and why it was refused.</summary>
    private static async Task AssertRefusedAsync(HttpClient client, string detailStart)
    {
        var response = await client.GetAsync("/api/experiments");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith(detailStart, problem.GetProperty("detail").GetString());
    }
}
