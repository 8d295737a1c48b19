using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

// Each collection brings up its own platform; on two cores, one at a time keeps every run's timing what its test expects.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PcDarts.E2E;

/// <summary>A platform of its own: the studies' 32 experiments must not show in the other pages' lists.</summary>
[CollectionDefinition(Name)]
public sealed class StudyDashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "study-dashboard";
}

/// <summary>A study as a user meets it: the nav entry, the preset form, the page of a finished 2 × 2 study, its clone and its delete.</summary>
[Collection(StudyDashboardCollection.Name)]
public sealed class StudyPageTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_finished_study_shows_its_aggregates_scatter_and_best_and_the_preset_is_two_clicks_away()
    {
        var created = await fixture.Api.PostAsJsonAsync("/api/studies", new
        {
            name = "e2e K ablation",
            grid = new { seed = new[] { 1, 2 }, k = new[] { 2, 4 } },
            search = new { dataset = "synthetic", epochs = 2, batchSize = 16, channels = 4, layers = 3, nodes = 3, warmupEpochs = 1, subset = 64, threads = 1 },
            retrain = new { dataset = "synthetic", epochs = 1, batchSize = 16, channels = 4, layers = 3, subset = 64, threads = 1, cutout = 0 },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Open while it runs: the page follows its members' events, the retrains the study adds later included, without a reload.
        var watcher = await fixture.NewPageAsync();
        await watcher.GotoAsync($"/studies/{id}");
        await Assertions.Expect(watcher.Locator("#study-live")).ToHaveTextAsync("● live");
        await WaitForStudyAsync(id);
        var live = new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 };
        await Assertions.Expect(watcher.Locator("h1 .badge[data-status=succeeded]")).ToBeVisibleAsync(live);
        await Assertions.Expect(watcher.Locator("#study-progress")).ToContainTextAsync("8 of 8 experiments finished", new() { Timeout = 10_000 });
        await Assertions.Expect(watcher.Locator("table.study-members tbody td:nth-child(5) .badge[data-status=succeeded]"))
            .ToHaveCountAsync(4, new() { Timeout = 10_000 });

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Studies", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/studies$"));
        await Assertions.Expect(page.Locator($"tr[data-study='{id}']")).ToContainTextAsync("4 / 4");
        await page.ScreenshotAsync(new() { Path = Shot("studies"), FullPage = true });

        await page.Locator($"tr[data-study='{id}'] a").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/studies/{id}$"));
        await Assertions.Expect(page.Locator(".badge[data-status=succeeded]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.study-aggregates tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tr[data-configuration='k=2'] [data-stat=retrainTop1]")).ToContainTextAsync("(n=2)");
        await Assertions.Expect(page.Locator(".scatter-chart circle.point")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#best-of-study a", new() { HasText = "Genotype (DARTS text)" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("study"), FullPage = true });

        // "Run again with changes" opens the form filled in from this study: its grid, and its size said before queuing.
        await page.Locator("#clone-study").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/new/study\\?clone={id}$"));
        await Assertions.Expect(page.Locator("#f-name")).ToHaveValueAsync("e2e K ablation (again)");
        await Assertions.Expect(page.Locator("#member-count")).ToContainTextAsync("2 × 2 = 4 searches, 4 retrains");
        await Assertions.Expect(page.Locator("[id='f-search.epochs']")).ToHaveValueAsync("2");

        // The paper's ablation in two clicks: "Paper ablation" on the studies list, then "Queue study": 4 K × 2 edge norm × 3 seeds.
        await page.GotoAsync("/studies");
        await page.Locator("#ablation-preset").ClickAsync();
        await page.WaitForURLAsync(new Regex("/new/study"));
        await Assertions.Expect(page.Locator(".grid-row")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#expected-time")).ToContainTextAsync("24 searches");
        await page.ScreenshotAsync(new() { Path = Shot("new-study"), FullPage = true });
        await page.Locator("#submit").ClickAsync();
        await page.WaitForURLAsync(new Regex("/studies/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("table.study-members tbody tr")).ToHaveCountAsync(24);
        await Assertions.Expect(page.Locator("#study-progress")).ToContainTextAsync("of 48 experiments finished");

        // Cancelling it reaches every member: none is left to run.
        await page.Locator("#cancel-study").ClickAsync();
        // The running member stops at its next step: on a loaded machine a K = 1 step may take longer than the default wait.
        await Assertions.Expect(page.Locator("h1 .badge[data-status=cancelled]")).ToBeVisibleAsync(new() { Timeout = (float)RunTimeout.TotalMilliseconds });
        await Assertions.Expect(page.Locator("table.study-members tbody .badge[data-status=cancelled]")).ToHaveCountAsync(24);

        // Deleting it, in two clicks, takes its 24 searches with it.
        var cancelled = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await page.Locator("#delete-study").ClickAsync();
        await page.Locator("#delete-study").ClickAsync();
        await page.WaitForURLAsync(new Regex("/studies$"));
        await Assertions.Expect(page.Locator($"tr[data-study='{cancelled}']")).ToHaveCountAsync(0);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await fixture.Api.GetAsync($"/api/studies/{cancelled}")).StatusCode);
        output.WriteLine($"screenshots in {DashboardFixture.Screenshots}");
    }

    private async Task WaitForStudyAsync(Guid id)
    {
        var deadline = DateTime.UtcNow + RunTimeout;
        while (true)
        {
            var study = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/studies/{id}");
            var status = study.GetProperty("status").GetString();
            if (status == "succeeded") return;
            Assert.True(status is "queued" or "running", study.ToString());
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"study {id} still {status}: {study}");
            await Task.Delay(500);
        }
    }

    private static string Shot(string name) => Path.Combine(DashboardFixture.Screenshots, name + ".png");
}
