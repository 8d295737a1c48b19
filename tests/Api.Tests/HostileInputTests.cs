using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PcDarts.Api.Tests;

/// <summary>
/// Inputs found by fuzzing the REST API, each of which once cost a 500, gigabytes or a run that never ends: every one
/// is now a 400 naming the field, answered at once, and writes nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HostileInputTests(PostgresCluster cluster)
{
    private const string Nul = "\\u0000";

    private static string Search(string name = "x", string tags = "[]", string spec = "{}") =>
        $$"""{"name":"{{name}}","tags":{{tags}},"spec":{{spec}}}""";

    private static string Retrain(string genotype, string spec = """{"dataset":"synthetic"}""") =>
        $$"""{"name":"x","genotype":"{{genotype}}","spec":{{spec}}}""";

    private static readonly string Cifar = PcDarts.Core.Genotypes.PublishedGenotypes.PcDartsCifarText.Replace("'", "\\u0027");

    public static readonly TheoryData<string, string, string?, string[]> Posts = new()
    {
        { "NUL in name", "search", Search(name: $"a{Nul}b"), ["name"] },
        { "bell in name", "search", Search(name: "a\\u0007b"), ["name"] },
        { "NUL in a tag", "search", Search(tags: $"[\"ok\",\"a{Nul}\"]"), ["tags"] },
        { "100,000 tags", "search", Search(tags: "[" + string.Join(",", Enumerable.Repeat("\"t\"", 100_000)) + "]"), ["tags"] },
        { "a 65-character tag", "search", Search(tags: $"[\"{new string('t', 65)}\"]"), ["tags"] },
        { "dataDir /root/.ssh", "search", Search(spec: """{"dataDir":"/root/.ssh"}"""), ["spec.dataDir"] },
        { "dataDir with NUL", "search", Search(spec: $$"""{"dataDir":"/proc/self/environ{{Nul}}"}"""), ["spec.dataDir"] },
        { "a run for years", "search", Search(spec: """{"epochs":10000,"batchSize":65536,"channels":1024,"layers":100,"warmupEpochs":2147483647}"""),
            ["spec.epochs", "spec.batchSize", "spec.channels", "spec.layers", "spec.warmupEpochs"] },
        { "NaN-free but huge rates", "search", Search(spec: """{"learningRate":1e300,"weightDecay":1e300}"""), ["spec.learningRate", "spec.weightDecay"] },
        { "every field in bounds, the whole too costly", "retrain",
            Retrain("PC_DARTS_cifar", """{"epochs":1000,"channels":256,"layers":50}"""), ["spec"] },
        { "range(2, 200000000)", "retrain", Retrain(Cifar.Replace("normal_concat=range(2, 6)", "normal_concat=range(2, 200000000)")), ["genotype"] },
        { "NUL in genotype", "retrain", Retrain($"PC_DARTS{Nul}cifar"), ["genotype"] },
        // Half a megabyte: a body over 1 MiB is refused whole (413) before any field is read (LimitsTests).
        { "half a megabyte of genotype", "retrain", Retrain(Cifar + new string(' ', 1 << 19)), ["genotype"] },
    };

    public static readonly TheoryData<string, string[]> Queries = new()
    {
        { "page=2147483647", ["page"] },
        { "page=0&pageSize=0", ["page", "pageSize"] },
        { "pageSize=100000", ["pageSize"] },
        { "text=a%00b", ["text"] },
        { "tag=%00&status=%00&kind=%00", ["tag", "status", "kind"] },
        { "text=" + new string('a', 201), ["text"] },
    };

    [Fact]
    public async Task Every_hostile_request_is_a_fast_400_naming_its_field_and_writes_no_row()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        foreach (var row in Posts)
        {
            var (what, path, body, fields) = ((string)row[0], (string)row[1], (string)row[2]!, (string[])row[3]);
            var clock = Stopwatch.StartNew();
            var response = await client.PostAsync($"/api/experiments/{path}", new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode} {text}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{what}: answered after {clock.Elapsed}");
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            foreach (var field in fields) Assert.True(errors.TryGetProperty(field, out _), $"{what}: no error for {field}: {errors}");
            Assert.DoesNotContain("/root/.ssh", text);
            Assert.DoesNotContain("/proc/self", text);
            Assert.Equal(0, await api.CountExperimentsAsync());
        }

        foreach (var row in Queries)
        {
            var (query, fields) = ((string)row[0], (string[])row[1]);
            var response = await client.GetAsync($"/api/experiments?{query}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {response.StatusCode} {text}");
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            foreach (var field in fields) Assert.True(errors.TryGetProperty(field, out _), $"{query}: no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Paper_scale_presets_and_the_last_page_are_accepted()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        foreach (var name in PcDarts.Core.Specs.SearchPresets.Names)
        {
            var search = await client.PostAsJsonAsync("/api/experiments/search", new { name, spec = PcDarts.Core.Specs.SearchPresets.Find(name) });
            Assert.True(search.StatusCode == HttpStatusCode.Created, $"{name}: {await search.Content.ReadAsStringAsync()}");
            var retrain = await client.PostAsJsonAsync("/api/experiments/retrain",
                new { name, genotype = "PC_DARTS_cifar", tags = Enumerable.Range(0, 32).Select(i => $"t{i}"), spec = PcDarts.Core.Specs.RetrainPresets.Find(name) });
            Assert.True(retrain.StatusCode == HttpStatusCode.Created, $"{name}: {await retrain.Content.ReadAsStringAsync()}");
        }

        var page = await client.GetFromJsonAsync<JsonElement>("/api/experiments?page=100000&pageSize=200");
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }
}
