using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Security;

namespace PcDarts.Api.Tests.Auth;

/// <summary>An access token stops working once its user is disabled, not only when it expires.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccessTokenStampTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_disabled_users_access_token_is_refused_after_the_validation_interval()
    {
        await using var factory = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        // The interval the cookie uses too (a minute in production); zero here, so the next request already sees the change.
        await using var api = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        using var admin = api.CreateClient();
        admin.UseToken(TestUsers.AdminToken);
        var created = await admin.PostAsJsonAsync("/api/users", new { email = "leaver@test.local", password = "leaver-password", role = PlatformRoles.Member });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var leaver = api.CreateClient();
        leaver.UseToken(await TestUsers.LoginAsync(leaver, "leaver@test.local", "leaver-password"));
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/auth/me")).StatusCode);

        (await admin.PatchAsJsonAsync($"/api/users/{id}", new { disabled = true })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/auth/me")).StatusCode);
    }
}
