using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PcDarts.Core.Genotypes;
using Xunit.Abstractions;

namespace PcDarts.E2E;

/// <summary>The dashboard in Chromium against the real API, runner and PostgreSQL: what a user does, page by page.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(150);

    /// <summary>Tiny synthetic search: 4 channels, 3 cells, 3 nodes, K = 2, batch 16, 64 examples, one thread.</summary>
    private static object TinySpec(int epochs, int seed) => new
    {
        dataset = "synthetic", epochs, batchSize = 16, channels = 4, layers = 3, nodes = 3, k = 2,
        warmupEpochs = 1, subset = 64, threads = 1, seed, archLearningRate = 0.05,
    };

    [Fact]
    public async Task Search_from_the_form_goes_live_then_cancel_compare_and_download_work()
    {
        // A run ahead in the queue: the form's search waits behind it, so its page is open before its first epoch.
        var blocker = await SubmitAsync("blocker", TinySpec(epochs: 4, seed: 5));

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/new/search?preset=quick");
        await page.Locator("#f-name").WaitForAsync();
        await page.Locator("[data-preset=quick].selected").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-field=epochs] .hint")).ToContainTextAsync("default 50");

        // Validation next to the field, from SearchSpec.Validate(): K = 4 does not divide 6 channels.
        await SetAsync(page, "channels", "6");
        await Assertions.Expect(page.Locator("[data-error-for=k]")).ToContainTextAsync("does not divide");
        await page.ScreenshotAsync(new() { Path = Shot("new-search-validation"), FullPage = true });

        await SetAsync(page, "name", "e2e form search");
        await SetAsync(page, "tags", "e2e, form");
        await page.Locator("#f-dataset").SelectOptionAsync("synthetic");
        await page.Locator("#f-k").SelectOptionAsync("2");
        foreach (var (field, value) in new[]
                 {
                     ("channels", "4"), ("layers", "3"), ("nodes", "3"), ("epochs", "10"), ("warmupEpochs", "1"), ("batchSize", "16"),
                     ("subset", "64"), ("threads", "1"), ("seed", "3"), ("archLearningRate", "0.05"),
                 })
            await SetAsync(page, field, value);
        await Assertions.Expect(page.Locator(".field-error")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("new-search"), FullPage = true });

        await page.Locator("#submit").ClickAsync();
        await page.WaitForURLAsync(new Regex("/experiments/[0-9a-f-]{36}$"));
        var id = Guid.Parse(page.Url[^36..]);
        await page.EvaluateAsync("() => window.__noReload = true");

        // Live: the loss chart gains points and the normal cell goes from "no genotype yet" to drawn and changing.
        var loss = page.Locator("figure[data-title=Loss]");
        var normal = page.Locator(".cell-diagram[data-cell=normal]");
        await loss.WaitForAsync();
        var firstPoints = int.Parse(await loss.GetAttributeAsync("data-points") ?? "0");
        var firstGenotype = await normal.GetAttributeAsync("data-genotype") ?? "";
        output.WriteLine($"page opened at {firstPoints} points, genotype '{firstGenotype}'");
        await page.ScreenshotAsync(new() { Path = Shot("experiment-queued"), FullPage = true });

        await WaitUntilAsync(async () => int.Parse(await loss.GetAttributeAsync("data-points") ?? "0") > firstPoints + 2, "loss chart gains points");
        await WaitUntilAsync(async () => (await normal.GetAttributeAsync("data-genotype") ?? "") != firstGenotype, "normal cell changes");
        Assert.Equal(1, await normal.Locator("svg").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("experiment-running"), FullPage = true });

        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = (float)RunTimeout.TotalMilliseconds });
        await Assertions.Expect(page.Locator("#epochs-done")).ToHaveTextAsync("10");
        await Assertions.Expect(page.Locator("figure[data-title=Loss]")).ToHaveAttributeAsync("data-points", "20");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "the page reloaded");
        await page.ScreenshotAsync(new() { Path = Shot("experiment-succeeded"), FullPage = true });

        // Download the genotype in the DARTS text form and parse it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-darts").ClickAsync());
        var path = await download.PathAsync();
        var genotype = Genotype.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal(3, genotype.Nodes);
        Assert.Equal(genotype.ToDartsText(), await normal.GetAttributeAsync("data-genotype"));
        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-csv").ClickAsync());
        var lines = await File.ReadAllLinesAsync(await csv.PathAsync());
        Assert.StartsWith("epoch,trainLoss", lines[0]);
        Assert.Equal(11, lines.Length);

        // Cancel another run from its page.
        var longRun = await SubmitAsync("to cancel", TinySpec(epochs: 500, seed: 9));
        await page.GotoAsync($"/experiments/{longRun}");
        await page.Locator("#cancel").ClickAsync();
        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = Shot("experiment-cancelled"), FullPage = true });

        // Compare the form's search with the blocker: both drawn, differing edges bold, numbers side by side.
        await WaitForStatusAsync(blocker, "succeeded");
        await page.GotoAsync($"/compare?ids={id},{blocker}");
        await page.Locator(".compare-table").WaitForAsync();
        await Assertions.Expect(page.Locator(".compare-row[data-cell=normal] .compare-cell svg")).ToHaveCountAsync(2);
        var compare = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/compare?ids={id},{blocker}");
        var changedNormal = compare.GetProperty("diffs")[0].GetProperty("edges").EnumerateArray()
            .Count(e => e.GetProperty("cell").GetString() == "normal" && !e.GetProperty("same").GetBoolean());
        await Assertions.Expect(page.Locator(".compare-row[data-cell=normal] .compare-cell[data-index='1'] g.op-edge.highlight")).ToHaveCountAsync(changedNormal);
        await Assertions.Expect(page.Locator("figure[data-title=Loss] g.series")).ToHaveCountAsync(4);
        await page.ScreenshotAsync(new() { Path = Shot("compare"), FullPage = true });

        // The list, newest first, with the filters; the runners page; the retrain form prefilled from the search.
        await page.GotoAsync("/");
        // Other tests of this collection may have added experiments of their own: these three are listed, the newest first.
        await Assertions.Expect(page.Locator("table.experiments tbody tr").First).ToHaveAttributeAsync("data-id", longRun.ToString());
        foreach (var listed in new[] { longRun, id, blocker })
            await Assertions.Expect(page.Locator($"table.experiments tbody tr[data-id='{listed}']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("experiments"), FullPage = true });
        await page.GotoAsync("/?tag=form");
        await Assertions.Expect(page.Locator("table.experiments tbody tr")).ToHaveCountAsync(1);

        await page.GotoAsync("/runners");
        await Assertions.Expect(page.Locator("table.runners tbody tr")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("runners"), FullPage = true });

        await page.GotoAsync($"/new/retrain?from={id}&preset=quick");
        await Assertions.Expect(page.Locator("#f-fromExperimentId")).ToHaveValueAsync("e2e form search");
        await page.ScreenshotAsync(new() { Path = Shot("new-retrain"), FullPage = true });
        output.WriteLine($"screenshots in {DashboardFixture.Screenshots}");
    }

    [Fact]
    public async Task Empty_and_missing_states_are_designed()
    {
        var page = await fixture.NewPageAsync(1280, 800);
        await page.GotoAsync($"/experiments/{Guid.NewGuid()}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Experiment not found");
        await page.GotoAsync("/compare");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Compare");
        await page.ScreenshotAsync(new() { Path = Shot("compare-picker"), FullPage = true });
    }

    private static string Shot(string name) => Path.Combine(DashboardFixture.Screenshots, name + ".png");

    /// <summary>Types into a field and leaves it, which is when Blazor's change event fires.</summary>
    private static async Task SetAsync(IPage page, string field, string value)
    {
        var input = page.Locator($"#f-{field}");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + RunTimeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting until {what}");
            await Task.Delay(200);
        }
    }

    private async Task<Guid> SubmitAsync(string name, object spec)
    {
        var response = await fixture.Api.PostAsJsonAsync("/api/experiments/search", new { name, spec });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task WaitForStatusAsync(Guid id, string status)
    {
        await WaitUntilAsync(async () =>
            (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}")).GetProperty("status").GetString() == status, $"{id} is {status}");
    }
}
