using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace PcDarts.E2E;

/// <summary>
/// A dashboard action's audit line names the client's address, read from the circuit's connection when it opened (the
/// events that follow have no request). The fixture trusts loopback as a proxy, so the address is the forwarded one.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AuditAddressTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_token_made_on_My_tokens_is_audited_with_the_browsers_address()
    {
        const string client = "198.51.100.23";
        var name = $"audit-{Guid.NewGuid():N}"[..20];
        var page = await fixture.NewPageAsAsync(DashboardFixture.AdminEmail, DashboardFixture.AdminPassword,
            headers: new Dictionary<string, string> { ["X-Forwarded-For"] = client });
        await page.GotoAsync("/tokens");
        await page.FillAsync("#token-name", name);
        await page.PressAsync("#token-name", "Tab");
        await page.ClickAsync("#create-token");
        await Assertions.Expect(page.Locator("#token-secret")).ToContainTextAsync("pcd_");

        var lines = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/audit?action=token.created&pageSize=100");
        var line = lines.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("detail").GetString()!.StartsWith(name));
        Assert.Equal(DashboardFixture.AdminEmail, line.GetProperty("actor").GetString());
        Assert.Equal(client, line.GetProperty("remoteAddress").GetString());
    }
}
