using Microsoft.Playwright;

namespace PcDarts.E2E;

/// <summary>An admin registers a data set on its page; the search form then offers it with its sizes.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DatasetPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task An_admin_registers_a_data_set_and_the_search_form_offers_it_with_its_sizes()
    {
        var name = $"fashion-{Guid.NewGuid():N}"[..20];
        var admin = await fixture.NewPageAsync();
        await admin.GotoAsync("/admin/datasets");
        await Fill(admin, "#dataset-name", name);
        await admin.Locator("#dataset-format").SelectOptionAsync("idx");
        await Fill(admin, "#dataset-path", "/usr/share/datasets/fashion-mnist");
        await Fill(admin, "#dataset-image-size", "28");
        await Fill(admin, "#dataset-classes", "10");
        await admin.ClickAsync("#save-dataset");
        await Assertions.Expect(admin.Locator("[data-status]")).ToContainTextAsync($"registered {name}");
        await Assertions.Expect(admin.Locator($"tr[data-dataset='{name}']")).ToContainTextAsync("/usr/share/datasets/fashion-mnist");

        // A second registration under the same name is refused on the page, with the reason.
        await Fill(admin, "#dataset-name", name);
        await Fill(admin, "#dataset-path", "/elsewhere");
        await admin.ClickAsync("#save-dataset");
        await Assertions.Expect(admin.Locator("[data-status-error]")).ToContainTextAsync("already registered");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Screenshots, "admin-datasets.png"), FullPage = true });

        await admin.GotoAsync("/new/search");
        await Assertions.Expect(admin.Locator($"#f-dataset option[value='{name}']")).ToHaveTextAsync($"{name} (28×28, 10 classes, registered)");
        await admin.Locator("#f-dataset").SelectOptionAsync(name);
        await Assertions.Expect(admin.Locator("[data-field=dataset] .field-error")).ToHaveCountAsync(0);
    }

    /// <summary>Blazor's @bind reads the change event, which a browser fires when the field loses focus.</summary>
    private static async Task Fill(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.PressAsync(selector, "Tab");
    }
}
