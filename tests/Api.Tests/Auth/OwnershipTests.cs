using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Core.Security;

namespace PcDarts.Api.Tests.Auth;

/// <summary>A member changes its own experiments only; an admin changes anyone's; each experiment says who created it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OwnershipTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_member_cancels_and_deletes_its_own_experiment_but_not_another_members()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var alice = await TestUsers.MemberClientAsync(api, "alice@test.local");
        using var bob = await TestUsers.MemberClientAsync(api, "bob@test.local");
        using var admin = api.CreateClient();

        var mine = await Polling.SubmitAsync(alice, Specs.TinySearch());
        var other = await Polling.SubmitAsync(alice, Specs.TinySearch());
        var bobs = await Polling.SubmitAsync(bob, Specs.TinySearch());

        var experiment = await alice.GetFromJsonAsync<JsonElement>($"/api/experiments/{mine}");
        Assert.Equal("alice@test.local", experiment.GetProperty("createdBy").GetString());
        var alicesList = await bob.GetFromJsonAsync<JsonElement>("/api/experiments?createdBy=alice@test.local");
        Assert.Equal(2, alicesList.GetProperty("total").GetInt32());
        Assert.All(alicesList.GetProperty("items").EnumerateArray(), i => Assert.Equal("alice@test.local", i.GetProperty("createdBy").GetString()));

        var refusedCancel = await bob.PostAsync($"/api/experiments/{mine}/cancel", null);
        Assert.Equal(HttpStatusCode.Forbidden, refusedCancel.StatusCode);
        Assert.Equal("application/problem+json", refusedCancel.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.DeleteAsync($"/api/experiments/{mine}")).StatusCode);
        Assert.Equal("queued", (await alice.GetFromJsonAsync<JsonElement>($"/api/experiments/{mine}")).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await alice.PostAsync($"/api/experiments/{mine}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/experiments/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await bob.PostAsync($"/api/experiments/{bobs}/cancel", null)).StatusCode);

        // An admin may change anyone's.
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/experiments/{other}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/experiments/{other}")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_submit()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var viewer = api.CreateClient();
        viewer.UseToken(await TestUsers.CreateUserWithTokenAsync(api, "viewer@test.local", PlatformRoles.Viewer));

        var submit = await viewer.PostAsJsonAsync("/api/experiments/search", new { name = "x", spec = Specs.TinySearch() });
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(0, (await viewer.GetFromJsonAsync<JsonElement>("/api/experiments")).GetProperty("total").GetInt32());
    }
}
