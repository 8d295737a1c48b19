using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PcDarts.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ExperimentsApiTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Invalid_spec_is_a_validation_problem_naming_each_field_and_nothing_is_stored()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/api/experiments/search", new { name = "", spec = new { dataset = "nope", epochs = 0, k = 3 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "spec.dataset", "spec.epochs", "spec.k" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Equal(0, await api.CountExperimentsAsync());
    }

    [Fact]
    public async Task Unknown_or_mistyped_spec_field_is_a_validation_problem()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/experiments/search", new { name = "x", spec = new { epoch = 3 } });
        var mistyped = await client.PostAsJsonAsync("/api/experiments/search", new { name = "x", spec = new { epochs = "three" } });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mistyped.StatusCode);
        var errors = (await mistyped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("spec.epochs", out _), errors.ToString());
        Assert.Equal(0, await api.CountExperimentsAsync());
    }

    [Fact]
    public async Task Queued_search_is_listed_fetched_cancelled_and_deleted()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        var created = await client.PostAsJsonAsync("/api/experiments/search", new { name = "tiny", tags = new[] { "ci" }, spec = Specs.TinySearch() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var experiment = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = experiment.GetProperty("id").GetGuid();
        Assert.Equal($"/api/experiments/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("queued", experiment.GetProperty("status").GetString());
        Assert.Equal(3, experiment.GetProperty("search").GetProperty("epochs").GetInt32());

        var page = await client.GetFromJsonAsync<JsonElement>("/api/experiments?tag=ci&status=queued");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/experiments?tag=other")).GetProperty("total").GetInt32());

        var cancel = await client.PostAsync($"/api/experiments/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}");
        Assert.Equal("cancelled", fetched.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/experiments/{id}/cancel", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/experiments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/experiments/{id}")).StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_answer_when_migrated()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class WelcomeSearchTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_first_start_queues_the_quick_search_once()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using (var api = new ApiFactory(database, embeddedRunner: false, welcomeSearch: true))
        {
            using var client = api.CreateClient();
            var page = await client.GetFromJsonAsync<JsonElement>("/api/experiments");

            var welcome = Assert.Single(page.GetProperty("items").EnumerateArray());
            Assert.Contains("welcome", welcome.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal("queued", welcome.GetProperty("status").GetString());
            var id = welcome.GetProperty("id").GetGuid();
            var experiment = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}");
            Assert.Equal(PcDarts.Core.Specs.SearchPresets.QuickSearch.Channels, experiment.GetProperty("search").GetProperty("channels").GetInt32());
        }
        await using (var again = new ApiFactory(database, embeddedRunner: false, welcomeSearch: true))
        {
            using var client = again.CreateClient();
            var page = await client.GetFromJsonAsync<JsonElement>("/api/experiments");
            Assert.Single(page.GetProperty("items").EnumerateArray());
        }
    }
}
