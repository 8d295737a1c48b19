using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PcDarts.Core.Security;

namespace PcDarts.E2E;

/// <summary>What each role sees in the dashboard: a viewer reads and is offered no action it may not take.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RoleTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_viewer_sees_no_New_search_and_no_admin_page()
    {
        var email = $"viewer-{Guid.NewGuid():N}@e2e.local";
        const string password = "viewer-password-1";
        var created = await fixture.Api.PostAsJsonAsync("/api/users", new { email, password, role = PlatformRoles.Viewer });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await fixture.NewPageAsAsync(email, password);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Experiments");
        await Assertions.Expect(page.Locator($"[data-signed-in='{email}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("New search")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("New retrain")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("nav >> text=Users")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Screenshots, "viewer-experiments.png"), FullPage = true });

        var search = await page.GotoAsync("/new/search");
        Assert.Equal((int)HttpStatusCode.Forbidden, search!.Status);
        var users = await page.GotoAsync("/admin/users");
        Assert.Equal((int)HttpStatusCode.Forbidden, users!.Status);
    }
}
