using System.Net.Http.Json;
using System.Text.Json;

namespace PcDarts.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class OpenApiTests(PostgresCluster cluster)
{
    public static readonly (string Method, string Path)[] Endpoints =
    [
        ("post", "/api/experiments/search"),
        ("post", "/api/experiments/retrain"),
        ("get", "/api/experiments"),
        ("get", "/api/experiments/{id}"),
        ("get", "/api/experiments/{id}/metrics"),
        ("get", "/api/experiments/{id}/architecture"),
        ("get", "/api/experiments/{id}/genotype"),
        ("get", "/api/experiments/{id}/weights"),
        ("post", "/api/experiments/{id}/cancel"),
        ("delete", "/api/experiments/{id}"),
        ("get", "/api/genotypes"),
        ("post", "/api/genotypes/derive"),
        ("get", "/api/compare"),
        ("get", "/api/runners"),
        ("get", "/api/datasets"),
        ("get", "/api/datasets/choices"),
        ("post", "/api/datasets"),
        ("put", "/api/datasets/{name}"),
        ("delete", "/api/datasets/{name}"),
    ];

    [Fact]
    public async Task Document_lists_every_endpoint_and_the_reference_page_is_served_offline()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        foreach (var (method, path) in Endpoints)
        {
            var documented = paths.EnumerateObject().FirstOrDefault(p => p.Name.TrimEnd('/') == path);
            Assert.True(documented.Value.ValueKind == JsonValueKind.Object, $"{path} missing from {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
            Assert.True(documented.Value.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} missing");
        }

        var page = await client.GetStringAsync("/scalar/");
        Assert.Contains("scalar.js", page);
        Assert.True((await client.GetAsync("/scalar/scalar.js")).IsSuccessStatusCode);
    }
}
