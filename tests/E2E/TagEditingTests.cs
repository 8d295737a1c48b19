using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PcDarts.E2E;

/// <summary>
/// Tags as their owner meets them: chips on the experiment page, added and removed there, a refusal shown beside them, and
/// in the list a click on a tag filters by it. On the study collection's platform: its one experiment carries tags of its own.
/// </summary>
[Collection(StudyDashboardCollection.Name)]
public sealed class TagEditingTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Tags_are_edited_on_the_experiment_page_and_a_tag_in_the_list_filters_it()
    {
        var created = await fixture.Api.PostAsJsonAsync("/api/experiments/search", new
        {
            name = "e2e tags", tags = new[] { "e2e-tags" },
            spec = new { dataset = "synthetic", epochs = 2, warmupEpochs = 1, batchSize = 16, channels = 4, layers = 3, nodes = 3, subset = 64, threads = 1 },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await fixture.Api.PostAsync($"/api/experiments/{id}/cancel", null); // its run is not the point; its tags are

        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/experiments/{id}");
        await Assertions.Expect(page.Locator("[data-tag='e2e-tags']")).ToBeVisibleAsync();

        await page.Locator("#new-tag").FillAsync("e2e-tagged");
        await page.Locator("form.tag-add button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-tag='e2e-tagged']")).ToBeVisibleAsync();

        await page.Locator("#new-tag").FillAsync(new string('x', 65));
        await page.Locator("form.tag-add button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-tag-error]")).ToContainTextAsync("at most 64 characters");

        await page.Locator("[data-tag='e2e-tags'] .chip-remove").ClickAsync();
        await Assertions.Expect(page.Locator("[data-tag='e2e-tags']")).ToHaveCountAsync(0);
        var stored = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}");
        Assert.Equal(["e2e-tagged"], stored.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        await page.GotoAsync("/");
        await page.Locator($"tr[data-id='{id}'] a.tag", new() { HasText = "e2e-tagged" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("[?&]tag=e2e-tagged"));
        await Assertions.Expect(page.Locator("table.experiments tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"table.experiments tbody tr[data-id='{id}']")).ToHaveCountAsync(1);
    }
}
