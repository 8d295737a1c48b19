using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace PcDarts.E2E;

/// <summary>The leaderboard and the architectures view in Chromium, over searches and a retrain that really ran.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LeaderboardTests(DashboardFixture fixture)
{
    private const string Tag = "leaderboard";

    [Fact]
    public async Task Leaderboard_sorts_by_a_clicked_column_and_the_architectures_view_lists_what_was_found()
    {
        var first = await SubmitAsync("/api/experiments/search", new { name = "board search a", tags = new[] { Tag }, spec = TinySearch(seed: 1) });
        var second = await SubmitAsync("/api/experiments/search", new { name = "board search b", tags = new[] { Tag }, spec = TinySearch(seed: 2) });
        await WaitForStatusAsync(first, "succeeded");
        await WaitForStatusAsync(second, "succeeded");
        var retrain = await SubmitAsync("/api/experiments/retrain", new
        {
            name = "board retrain of a", tags = new[] { Tag }, fromExperimentId = first,
            spec = new { dataset = "synthetic", epochs = 1, batchSize = 8, channels = 4, layers = 3, subset = 16, threads = 1 },
        });
        await WaitForStatusAsync(retrain, "succeeded");

        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?tag={Tag}");
        await Assertions.Expect(page.Locator("table.experiments tbody tr")).ToHaveCountAsync(3);
        await page.Locator("th a.sort", new() { HasText = "Search acc." }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=-searchTop1"));
        var expected = (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/experiments?tag={Tag}&sort=-searchTop1")).GetProperty("items")
            .EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        await Assertions.Expect(page.Locator("table.experiments tbody tr").First).ToHaveAttributeAsync("data-id", expected[0]!);
        await Assertions.Expect(page.Locator("th[aria-sort=descending]")).ToContainTextAsync("Search acc.");
        await Assertions.Expect(page.Locator($"tr[data-id='{retrain}'] td").Nth(9)).Not.ToHaveTextAsync("–"); // test accuracy
        await page.ScreenshotAsync(new() { Path = Shot("leaderboard"), FullPage = true });

        // Lineage both ways: the search lists its retrain, the retrain links its search.
        await page.GotoAsync($"/experiments/{first}");
        await Assertions.Expect(page.Locator($".lineage-children li[data-id='{retrain}']")).ToHaveCountAsync(1);
        await page.GotoAsync($"/experiments/{retrain}");
        await Assertions.Expect(page.Locator($".lineage-chain a[href='/experiments/{first}']")).ToHaveCountAsync(1);

        await page.GotoAsync("/architectures?dataset=synthetic");
        await Assertions.Expect(page.Locator("table.architectures tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"table.architectures a[href='/experiments/{retrain}']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("architectures"), FullPage = true });
    }

    private static object TinySearch(int seed) => new
    {
        dataset = "synthetic", epochs = 2, batchSize = 16, channels = 4, layers = 3, nodes = 3, k = 2,
        warmupEpochs = 1, subset = 64, threads = 1, seed, archLearningRate = 0.05,
    };

    private static string Shot(string name) => Path.Combine(DashboardFixture.Screenshots, name + ".png");

    private async Task<Guid> SubmitAsync(string path, object body)
    {
        var response = await fixture.Api.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task WaitForStatusAsync(Guid id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            var now = (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}")).GetProperty("status").GetString();
            if (now == status) return;
            Assert.False(now is "failed" or "cancelled", $"{id} ended {now}");
            await Task.Delay(500);
        }
        Assert.Fail($"{id} did not reach {status}");
    }
}
