using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Core.Security;

namespace PcDarts.Api.Tests.Auth;

/// <summary>The audit log names the actor of every sign-in, experiment change, token change and role change.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_audit_log_records_each_action_with_its_actor()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var admin = api.CreateClient();
        using var dave = api.CreateClient();
        dave.UseToken(await TestUsers.CreateUserWithTokenAsync(api, "dave@test.local", PlatformRoles.Member));
        await dave.PostAsJsonAsync("/api/auth/login", new { email = "dave@test.local", password = "wrong" });

        var id = await Polling.SubmitAsync(dave, Specs.TinySearch());
        Assert.Equal(HttpStatusCode.Accepted, (await dave.PostAsync($"/api/experiments/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await dave.DeleteAsync($"/api/experiments/{id}")).StatusCode);
        var token = await (await dave.PostAsJsonAsync("/api/tokens", new { name = "short" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.NoContent, (await dave.DeleteAsync($"/api/tokens/{token.GetProperty("id").GetGuid()}")).StatusCode);
        var daveId = (await dave.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/users/{daveId}", new { role = PlatformRoles.Viewer })).StatusCode);

        var daves = await admin.GetFromJsonAsync<JsonElement>("/api/audit?actor=dave@test.local&pageSize=100");
        var actions = daves.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        foreach (var action in new[] { "login.succeeded", "login.failed", "token.created", "experiment.created", "experiment.cancelled", "experiment.deleted", "token.revoked" })
            Assert.Contains(action, actions);
        Assert.Equal(2, actions.Count(a => a == "token.created"));
        var created = daves.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "experiment.created");
        Assert.Equal(id.ToString(), created.GetProperty("target").GetString());

        var roleChange = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=user.changed")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(TestUsers.AdminEmail, roleChange.GetProperty("actor").GetString());
        Assert.Equal("dave@test.local", roleChange.GetProperty("target").GetString());
        Assert.Contains("role viewer", roleChange.GetProperty("detail").GetString());

        // Dave is a viewer now: his token acts as one, and the audit log is not his to read.
        Assert.Equal(HttpStatusCode.Forbidden, (await dave.PostAsJsonAsync("/api/experiments/search", new { name = "x", spec = Specs.TinySearch() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dave.GetAsync("/api/audit")).StatusCode);
    }
}
