using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Core.Specs;
using PcDarts.Web.Components.Pages;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>The study page's delete (two clicks, its owner or an admin, never while it runs) and "run again with changes".</summary>
public sealed class StudyActionsTests : BunitContext
{
    private const string Owner = "owner@test.local";
    private readonly StudyFormTests.StudiesFake _studies = new();

    public StudyActionsTests() => Services.AddSingleton<IStudiesData>(_studies);

    [Fact]
    public void Its_owner_deletes_a_finished_study_in_two_clicks_and_lands_on_the_studies_list()
    {
        SignIn(Owner, PlatformRoles.Member);
        _studies.Study = Study(ExperimentStatuses.Succeeded);
        var cut = Render<StudyView>(p => p.Add(v => v.Id, _studies.Study.Id));

        cut.Find("#delete-study").Click();
        Assert.Empty(_studies.Deleted);
        Assert.Contains("Really delete", cut.Find("#delete-study").TextContent);
        cut.Find("#delete-study").Click();

        Assert.Equal([_studies.Study.Id], _studies.Deleted);
        Assert.EndsWith("/studies", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal($"/new/study?clone={_studies.Study.Id}", cut.Find("#clone-study").GetAttribute("href"));
    }

    [Fact]
    public void A_refused_delete_says_why_on_the_page()
    {
        SignIn(Owner, PlatformRoles.Member);
        _studies.Study = Study(ExperimentStatuses.Failed);
        _studies.DeleteRefusal = "study has 1 member queued or running: cancel it first";
        var cut = Render<StudyView>(p => p.Add(v => v.Id, _studies.Study.Id));

        cut.Find("#delete-study").Click();
        cut.Find("#delete-study").Click();

        Assert.Contains("cancel it first", cut.Find("[role=alert]").TextContent);
    }

    [Theory]
    [InlineData("other@test.local", PlatformRoles.Member, ExperimentStatuses.Succeeded, false)]
    [InlineData("admin@test.local", PlatformRoles.Admin, ExperimentStatuses.Succeeded, true)]
    [InlineData(Owner, PlatformRoles.Member, ExperimentStatuses.Running, false)]
    public void Delete_is_offered_to_its_owner_or_an_admin_once_nothing_runs(string user, string role, string status, bool offered)
    {
        SignIn(user, role);
        _studies.Study = Study(status);
        var cut = Render<StudyView>(p => p.Add(v => v.Id, _studies.Study.Id));

        Assert.Equal(offered, cut.FindAll("#delete-study").Count == 1);
    }

    private void SignIn(string user, string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user);
        auth.SetRoles(role);
    }

    private static StudyDto Study(string status) => new(Guid.NewGuid(), "K sweep", [], status,
        new() { ["seed"] = [System.Text.Json.JsonSerializer.SerializeToElement(1)] }, new SearchSpec(), null,
        DateTimeOffset.UtcNow, Owner, null, [], [], null, [], []);
}
