using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PcDarts.Api.Tests.Archives;

/// <summary>POST /api/experiments/import with archives built to hurt: each is a 400 naming the entry, and nothing is written.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HostileArchiveTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Traversal_links_huge_entries_bad_JSON_and_damaged_artifacts_are_400s_naming_the_entry_and_write_nothing()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        var http = api.CreateClient();
        // A real archive to start from: a queued search, cancelled, is finished and exports.
        var id = await Polling.SubmitAsync(http, Specs.TinySearch());
        (await http.PostAsync($"/api/experiments/{id}/cancel", null)).EnsureSuccessStatusCode();
        var export = await http.GetAsync($"/api/experiments/{id}/export");
        Assert.Equal("application/gzip", export.Content.Headers.ContentType?.MediaType);
        var good = await EntriesAsync(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(["architecture.json", "logs.json", "manifest.json", "metrics.json"], good.Keys.Order());
        var before = await api.CountExperimentsAsync();

        var manifest = JsonNode(good["manifest.json"]);
        manifest["experiment"]!["status"] = "running";
        var weights = JsonNode(good["manifest.json"]);
        weights["artifacts"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["kind"] = "weights", ["epoch"] = 1, ["size"] = 3, ["sha256"] = new string('0', 64), ["createdAt"] = DateTimeOffset.UtcNow,
        });
        var cases = new (string Entry, byte[] Body)[]
        {
            ("../../etc/cron.d/evil", Pack(good, ("../../etc/cron.d/evil", "x"u8.ToArray()))),
            ("/etc/passwd", Pack(good, ("/etc/passwd", "x"u8.ToArray()))),
            ("manifest.json", Pack(good.Where(e => e.Key != "manifest.json"), ("manifest.json", "{\"format\": oops"u8.ToArray()))),
            ("metrics.json", Pack(good.Where(e => e.Key != "metrics.json"), ("metrics.json", new byte[65 * 1024 * 1024]))),
            ("manifest.json", Pack(good.Where(e => e.Key != "manifest.json"), ("manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString())))),
            ("artifacts/weights.bin", Pack(good.Where(e => e.Key != "manifest.json"),
                ("manifest.json", Encoding.UTF8.GetBytes(weights.ToJsonString())), ("artifacts/weights.bin", "abc"u8.ToArray()))),
            ("logs.json", Pack(good.Where(e => e.Key != "logs.json"))),
            ("archive", "not a gzip at all"u8.ToArray()),
        };
        foreach (var (entry, body) in cases)
        {
            var response = await PostAsync(http, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{entry}: {response.StatusCode}");
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(entry, out _), $"{entry}: {errors}");
        }
        var link = new MemoryStream();
        using (var gzip = new GZipStream(link, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
            tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "manifest.json") { LinkName = "/etc/passwd" });
        var linked = await PostAsync(http, link.ToArray());
        Assert.Contains("must be a regular file", await linked.Content.ReadAsStringAsync());
        Assert.Equal(before, await api.CountExperimentsAsync());

        // A viewer may export but not import.
        using var viewer = api.CreateClient();
        viewer.UseToken(await TestUsers.CreateUserWithTokenAsync(api, "viewer@test.local", "viewer"));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/experiments/{id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(viewer, Pack(good))).StatusCode);
        Assert.Equal(before, await api.CountExperimentsAsync());

        // The untouched archive imports: the cases above failed for what was done to them.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(http, Pack(good))).StatusCode);
        Assert.Equal(before + 1, await api.CountExperimentsAsync());
    }

    private static System.Text.Json.Nodes.JsonNode JsonNode(byte[] json) => System.Text.Json.Nodes.JsonNode.Parse(json)!;

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
        return http.PostAsync("/api/experiments/import", content);
    }

    private static async Task<Dictionary<string, byte[]>> EntriesAsync(byte[] archive)
    {
        var entries = new Dictionary<string, byte[]>();
        await using var tar = new TarReader(new GZipStream(new MemoryStream(archive), CompressionMode.Decompress));
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            var data = new MemoryStream();
            await entry.DataStream!.CopyToAsync(data);
            entries[entry.Name] = data.ToArray();
        }
        return entries;
    }

    private static byte[] Pack(IEnumerable<KeyValuePair<string, byte[]>> entries, params (string Name, byte[] Data)[] more)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
            foreach (var (name, data) in entries.Select(e => (e.Key, e.Value)).Concat(more))
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        return output.ToArray();
    }
}
