using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;

namespace PcDarts.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DatasetsApiTests(PostgresCluster cluster)
{
    private static object Flowers(string path = "/data/flowers") =>
        new { name = "flowers", format = "image-folder", path, imageSize = 64, classes = 102, description = "Oxford flowers" };

    [Fact]
    public async Task An_admin_registers_changes_and_removes_a_data_set_that_everyone_signed_in_can_list()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var admin = api.CreateClient();
        using var viewer = api.CreateClient();
        viewer.UseToken(await TestUsers.CreateUserWithTokenAsync(api, "viewer@test.local", PlatformRoles.Viewer));

        var created = await admin.PostAsJsonAsync("/api/datasets", Flowers());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/datasets/flowers", created.Headers.Location?.OriginalString);

        var listed = Assert.Single((await viewer.GetFromJsonAsync<List<DatasetDto>>("/api/datasets"))!);
        Assert.Equal(("flowers", "image-folder", "/data/flowers", 64, 102, "Oxford flowers"),
            (listed.Name, listed.Format, listed.Path, listed.ImageSize, listed.Classes, listed.Description));
        var choices = (await viewer.GetFromJsonAsync<List<DatasetChoice>>("/api/datasets/choices"))!;
        Assert.Equal(["fashion-mnist", "cifar10", "synthetic", "flowers"], choices.Select(c => c.Name));
        Assert.Contains(new DatasetChoice("flowers", 64, 102, BuiltIn: false), choices);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/datasets", new { name = "other", format = "idx", path = "/d", imageSize = 28, classes = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync("/api/datasets/flowers")).StatusCode);

        var duplicate = await admin.PostAsJsonAsync("/api/datasets", Flowers("/elsewhere"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
        Assert.Contains("flowers", await duplicate.Content.ReadAsStringAsync());

        var changed = await admin.PutAsJsonAsync("/api/datasets/flowers", new { format = "image-folder", path = "/mnt/flowers", imageSize = 96, classes = 102 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("/mnt/flowers", Assert.Single((await viewer.GetFromJsonAsync<List<DatasetDto>>("/api/datasets"))!).Path);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/datasets/nothing", Flowers())).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/datasets/flowers")).StatusCode);
        Assert.Empty((await viewer.GetFromJsonAsync<List<DatasetDto>>("/api/datasets"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/datasets/flowers")).StatusCode);
    }

    [Fact]
    public async Task A_bad_registration_is_a_400_naming_each_field_and_writes_nothing()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var admin = api.CreateClient();

        var shadow = await ErrorsAsync(admin, new { name = "cifar10", format = "cifar10-binary", path = "/data/c", imageSize = 32, classes = 10 });
        Assert.Equal(["name"], shadow.Keys);
        Assert.Contains("built-in", shadow["name"][0]);

        var bad = await ErrorsAsync(admin, new { name = "Bad Name", format = "jpeg", path = "relative/dir", imageSize = 4, classes = 1 });
        Assert.Equal(["classes", "format", "imageSize", "name", "path"], bad.Keys.Order());
        Assert.Contains("image-folder, cifar10-binary, idx", bad["format"][0]);

        Assert.Empty((await admin.GetFromJsonAsync<List<DatasetDto>>("/api/datasets"))!);
    }

    [Fact]
    public async Task A_spec_may_name_a_registered_set_but_not_an_unknown_one()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var admin = api.CreateClient();
        (await admin.PostAsJsonAsync("/api/datasets", new { name = "fmnist-copy", format = "idx", path = "/data/fm", imageSize = 28, classes = 10 })).EnsureSuccessStatusCode();

        var accepted = await admin.PostAsJsonAsync("/api/experiments/search", new { name = "on a registered set", spec = Specs.TinySearch(dataset: "fmnist-copy") });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());

        var refused = await admin.PostAsJsonAsync("/api/experiments/retrain", new { name = "unknown set", genotype = "PC_DARTS_cifar", spec = new { dataset = "nowhere" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("fmnist-copy", errors.GetProperty("spec.dataset")[0].GetString());
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/datasets", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
