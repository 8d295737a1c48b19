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

    [Fact]
    public async Task An_admin_adds_a_member_from_the_Users_page_who_makes_and_revokes_a_token_on_My_tokens()
    {
        var email = $"member-{Guid.NewGuid():N}@e2e.local";
        const string password = "member-password-1";
        var admin = await fixture.NewPageAsync();
        await admin.GotoAsync("/admin/users");
        await Fill(admin, "#new-user-email", email);
        await Fill(admin, "#new-user-password", password);
        await admin.Locator("#new-user-role").SelectOptionAsync(PlatformRoles.Member);
        await admin.ClickAsync("#add-user");
        await Assertions.Expect(admin.Locator("[data-status]")).ToContainTextAsync($"added {email} as member");
        await Assertions.Expect(admin.Locator($"tr[data-user='{email}'] [data-role]")).ToHaveValueAsync(PlatformRoles.Member);
        await admin.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Screenshots, "admin-users.png"), FullPage = true });

        var member = await fixture.NewPageAsAsync(email, password);
        await member.GotoAsync("/tokens");
        await Assertions.Expect(member.Locator("#token-role option")).ToHaveCountAsync(2);
        await Fill(member, "#token-name", "ci");
        await member.ClickAsync("#create-token");
        var secret = (await member.Locator("#token-secret").TextContentAsync())!.Trim();
        Assert.StartsWith("pcd_", secret);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(secret)).StatusCode);
        await member.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Screenshots, "my-tokens.png"), FullPage = true });

        await admin.GotoAsync("/admin/tokens");
        var row = admin.Locator("tr[data-token='ci']", new() { HasText = email });
        // Used once above, by /api/auth/me: the last-used column says when, not "never".
        await Assertions.Expect(row.Locator("td").Nth(4)).Not.ToHaveTextAsync("never");
        await row.Locator("[data-revoke]").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-status]")).ToContainTextAsync($"revoked {email}'s token ci");
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(secret)).StatusCode);
    }

    private async Task<HttpResponseMessage> MeAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await client.GetAsync("/api/auth/me");
    }

    /// <summary>Blazor's @bind reads the change event, which a browser fires when the field loses focus.</summary>
    private static async Task Fill(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.PressAsync(selector, "Tab");
    }
}
