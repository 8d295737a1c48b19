using Microsoft.Playwright;

namespace PcDarts.E2E;

/// <summary>Signing in and out of the dashboard in Chromium: no page without a user, the user in the navbar.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LoginTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_page_asks_for_a_sign_in_refuses_a_wrong_password_and_returns_there_signed_in()
    {
        var page = await fixture.NewAnonymousPageAsync();
        await page.GotoAsync("/runners");
        Assert.Contains("/login", page.Url);

        await page.FillAsync("#login-email", DashboardFixture.AdminEmail);
        await page.FillAsync("#login-password", "not the password");
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("[data-login-error]")).ToContainTextAsync("wrong email or password");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Screenshots, "login-refused.png"), FullPage = true });

        await page.FillAsync("#login-password", DashboardFixture.AdminPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => url.EndsWith("/runners"));
        await Assertions.Expect(page.Locator($"[data-signed-in='{DashboardFixture.AdminEmail}']")).ToBeVisibleAsync();

        await page.ClickAsync("[data-signed-in] button");
        await page.WaitForURLAsync(url => url.Contains("/login"));
        await page.GotoAsync("/");
        Assert.Contains("/login", page.Url);
    }
}
