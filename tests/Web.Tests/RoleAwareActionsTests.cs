using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Core.Specs;
using PcDarts.Web.Components.ExperimentPanels;
using PcDarts.Web.Components.Layout;

namespace PcDarts.Web.Tests;

/// <summary>The dashboard shows each user only the actions its role and ownership allow (the save hook refuses the rest anyway).</summary>
public sealed class RoleAwareActionsTests : BunitContext
{
    private const string Owner = "owner@example.com";

    public RoleAwareActionsTests() => Services.AddSingleton<PcDarts.Web.Data.IDashboardData>(new ReadOnlyDashboardData()); // the header's tag editor saves through it

    [Theory]
    [InlineData(Owner, PlatformRoles.Viewer, false)]
    [InlineData("other@example.com", PlatformRoles.Member, false)]
    [InlineData(Owner, PlatformRoles.Member, true)]
    [InlineData("admin@example.com", PlatformRoles.Admin, true)]
    public void Cancel_shows_only_for_the_creator_as_a_member_or_an_admin(string user, string role, bool shown)
    {
        SignIn(user, role);
        var cut = Render<ExperimentHeader>(p => p.Add(h => h.Experiment, Running()));
        Assert.Equal(shown, cut.FindAll("#cancel").Count == 1);
        Assert.Empty(cut.FindAll("#delete")); // a running experiment is cancelled first
        Assert.Contains($"by {Owner}", cut.Find("[data-created-by]").TextContent);
    }

    [Theory]
    [InlineData(Owner, PlatformRoles.Viewer, false)]
    [InlineData("other@example.com", PlatformRoles.Member, false)]
    [InlineData(Owner, PlatformRoles.Member, true)]
    [InlineData("admin@example.com", PlatformRoles.Admin, true)]
    public void Delete_shows_only_for_the_creator_as_a_member_or_an_admin_and_asks_twice(string user, string role, bool shown)
    {
        SignIn(user, role);
        var deleted = 0;
        var cut = Render<ExperimentHeader>(p => p
            .Add(h => h.Experiment, Running() with { Status = ExperimentStatuses.Succeeded })
            .Add(h => h.OnDelete, () => deleted++));
        Assert.Empty(cut.FindAll("#cancel"));
        Assert.Equal(shown, cut.FindAll("#delete").Count == 1);
        if (!shown) return;
        cut.Find("#delete").Click();
        Assert.Equal(0, deleted);
        Assert.Equal("Really delete?", cut.Find("#delete").TextContent);
        cut.Find("#delete").Click();
        Assert.Equal(1, deleted);
    }

    [Theory]
    [InlineData(PlatformRoles.Viewer, false, false)]
    [InlineData(PlatformRoles.Member, true, false)]
    [InlineData(PlatformRoles.Admin, true, true)]
    public void The_navbar_links_only_the_pages_the_role_may_use(string role, bool submits, bool administers)
    {
        SignIn("someone@example.com", role);
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
        var links = cut.FindAll("nav a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(submits, links.Contains("New search"));
        Assert.Equal(submits, links.Contains("New retrain"));
        Assert.Equal(administers, links.Contains("Users"));
        Assert.Equal(administers, links.Contains("Tokens"));
        Assert.Equal(administers, links.Contains("Jobs"));
        Assert.Contains("Experiments", links);
    }

    private void SignIn(string user, string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user);
        auth.SetRoles(role);
    }

    private static ExperimentDto Running() => new(
        Guid.NewGuid(), ExperimentKinds.Search, "k4", [], ExperimentStatuses.Running, "cpu", 2, new SearchSpec(), null,
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, null, null, null, null, null, null, 1, null, [], Owner);
}
