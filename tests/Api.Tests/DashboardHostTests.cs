using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PcDarts.Api.Tests;

/// <summary>What the dashboard needs from the host: the page at /, its script and stylesheet, and the list and CSV shapes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardHostTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Root_serves_the_dashboard_with_its_script_and_stylesheet()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        var html = await client.GetStringAsync("/");
        Assert.Contains("<!--Blazor:", html);
        foreach (Match asset in Regex.Matches(html, "(?:src|href)=\"([^\"]+\\.(?:js|css))\""))
        {
            var response = await client.GetAsync("/" + asset.Groups[1].Value);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset.Groups[1].Value}: {response.StatusCode}");
        }
        Assert.Matches("blazor\\.web(\\.[a-z0-9]+)?\\.js", html);
    }

    [Fact]
    public async Task List_rows_carry_dataset_and_K_and_metrics_come_as_csv()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        var id = await Polling.SubmitAsync(client, Specs.TinySearch());

        var row = (await client.GetFromJsonAsync<JsonElement>("/api/experiments")).GetProperty("items")[0];
        Assert.Equal("synthetic", row.GetProperty("dataset").GetString());
        Assert.Equal(2, row.GetProperty("k").GetInt32());

        var csv = await client.GetAsync($"/api/experiments/{id}/metrics?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("epoch,trainLoss,trainTop1,validLoss,validTop1", await csv.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/experiments/{id}/metrics?format=xml")).StatusCode);
    }
}
