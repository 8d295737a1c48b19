using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Persistence;

namespace PcDarts.Api.Tests.Studies;

/// <summary>DELETE /api/studies/{id}: the study goes with its members and all they stored, never while one runs, and only by its owner or an admin.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StudyDeletionTests(PostgresCluster cluster)
{
    private static readonly object TinyRetrain = new { dataset = "synthetic", epochs = 1, batchSize = 16, channels = 4, layers = 3, subset = 64, threads = 1, cutout = 0 };

    [Fact]
    public async Task Deleting_a_finished_study_removes_it_and_its_searches_and_retrains_with_their_metrics_logs_and_weights()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        using var client = api.CreateClient();
        var id = await CreateAsync(client, new { seed = new[] { 1, 2 } }, TinyRetrain);
        var study = await StudyApiTests.WaitForStudyAsync(client, id, s => s is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(3));
        Assert.True(study.GetProperty("status").GetString() == "succeeded", study.ToString());
        var members = MemberIds(study);
        Assert.Equal(4, members.Count); // 2 searches, 2 retrains
        var before = await RowsOfAsync(api, members);
        Assert.True(before.All(r => r.Value > 0), string.Join(", ", before));
        var lone = await Polling.SubmitAsync(client, Specs.TinySearch(), name: "not in the study");

        var deleted = await client.DeleteAsync($"/api/studies/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/studies/{id}")).StatusCode);
        foreach (var member in members)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/experiments/{member}")).StatusCode);
        Assert.All(await RowsOfAsync(api, members), r => Assert.True(r.Value == 0, $"{r.Key} left: {r.Value}"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/experiments/{lone}")).StatusCode);
        var audit = await client.GetFromJsonAsync<JsonElement>("/api/audit?action=study.deleted");
        Assert.Equal(id.ToString(), audit.GetProperty("items").EnumerateArray().Single().GetProperty("target").GetString());
        Assert.Equal(4, (await client.GetFromJsonAsync<JsonElement>("/api/audit?action=experiment.deleted&pageSize=100")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_study_with_a_member_queued_is_refused_with_409_until_it_is_cancelled()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        var id = await CreateAsync(client, new { seed = new[] { 1, 2, 3 } }); // no runner: the searches stay queued

        var refused = await client.DeleteAsync($"/api/studies/{id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cancel it first", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(3, await api.CountExperimentsAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/studies/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/studies/{id}/cancel", null)).StatusCode);
        await StudyApiTests.WaitForStudyAsync(client, id, s => s == "cancelled", TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/studies/{id}")).StatusCode);
        Assert.Equal(0, await api.CountExperimentsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/studies/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_member_may_not_delete_a_study_but_an_admin_may()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var alice = await TestUsers.MemberClientAsync(api, "alice@test.local");
        using var bob = await TestUsers.MemberClientAsync(api, "bob@test.local");
        using var admin = api.CreateClient();
        var id = await CreateAsync(alice, new { seed = new[] { 1, 2 } });
        Assert.Equal(HttpStatusCode.Accepted, (await alice.PostAsync($"/api/studies/{id}/cancel", null)).StatusCode);
        await StudyApiTests.WaitForStudyAsync(alice, id, s => s == "cancelled", TimeSpan.FromSeconds(30));

        var refused = await bob.DeleteAsync($"/api/studies/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("alice@test.local", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(2, await api.CountExperimentsAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/studies/{id}")).StatusCode);
        Assert.Equal(0, await api.CountExperimentsAsync());
    }

    internal static async Task<Guid> CreateAsync(HttpClient client, object grid, object? retrain = null)
    {
        var created = await client.PostAsJsonAsync("/api/studies", new { name = "to delete", grid, search = Specs.TinySearch(epochs: 1), retrain });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static List<Guid> MemberIds(JsonElement study) => study.GetProperty("members").EnumerateArray()
        .SelectMany(m => new[] { m.GetProperty("searchId"), m.GetProperty("retrainId") })
        .Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetGuid()).ToList();

    /// <summary>What the members stored, by table: what a delete must leave nothing of.</summary>
    private static async Task<Dictionary<string, int>> RowsOfAsync(ApiFactory api, IReadOnlyList<Guid> ids)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
        return new()
        {
            ["experiments"] = await db.Experiments.CountAsync(e => ids.Contains(e.Id)),
            ["epochs"] = await db.EpochMetrics.CountAsync(r => ids.Contains(r.ExperimentId)),
            ["log lines"] = await db.LogLines.CountAsync(r => ids.Contains(r.ExperimentId)),
            ["artifacts"] = await db.Artifacts.CountAsync(r => ids.Contains(r.ExperimentId)),
            ["attempts"] = await db.JobAttempts.CountAsync(r => ids.Contains(r.ExperimentId)),
        };
    }
}
