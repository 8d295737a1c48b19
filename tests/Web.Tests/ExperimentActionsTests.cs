using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Core.Specs;
using PcDarts.Web.Components.ExperimentPanels;
using PcDarts.Web.Components.Pages;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>From an experiment's page a member runs it again with changes, or deletes it.</summary>
public sealed class ExperimentActionsTests : BunitContext
{
    private const string Owner = "owner@example.com";

    [Theory]
    [InlineData(PlatformRoles.Member, true)]
    [InlineData(PlatformRoles.Viewer, false)]
    public void Run_again_with_changes_links_the_form_for_this_experiment(string role, bool shown)
    {
        AddAuthorization().SetAuthorized(Owner).SetRoles(role);
        var experiment = ExperimentStore.Search("k4", ExperimentStatuses.Succeeded);
        Services.AddSingleton<IDashboardData>(new ExperimentStore(experiment));
        var cut = Render<ExperimentHeader>(p => p.Add(h => h.Experiment, experiment));

        Assert.Equal(shown, cut.FindAll("#clone").Count == 1);
        if (shown) Assert.Equal($"/new/search?clone={experiment.Id}", cut.Find("#clone").GetAttribute("href"));
    }

    [Fact]
    public void The_cloned_search_form_starts_as_the_source_spec_name_and_tags()
    {
        AddAuthorization().SetAuthorized(Owner).SetRoles(PlatformRoles.Member);
        var source = ExperimentStore.Search("k4 seed 2", ExperimentStatuses.Succeeded, spec: new SearchSpec { Channels = 8, K = 2, Epochs = 7, Seed = 5 });
        Services.AddSingleton<IDashboardData>(new ExperimentStore(source));
        Services.AddSingleton<IDatasetsData>(new RegisteredSets());
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/new/search?clone={source.Id}");

        var cut = Render<NewSearch>();

        cut.WaitForAssertion(() => Assert.Equal("k4 seed 2 (again)", cut.Find("#f-name").GetAttribute("value")));
        Assert.Equal("tagged", cut.Find("#f-tags").GetAttribute("value"));
        Assert.Equal("8", cut.Find("#f-channels").GetAttribute("value"));
        Assert.Equal("7", cut.Find("#f-epochs").GetAttribute("value"));
        Assert.Equal("5", cut.Find("#f-seed").GetAttribute("value"));
    }

    [Fact]
    public void The_cloned_retrain_form_starts_as_the_source_spec_with_its_search_picked_by_name()
    {
        AddAuthorization().SetAuthorized(Owner).SetRoles(PlatformRoles.Member);
        var search = ExperimentStore.Search("k4 seed 2", ExperimentStatuses.Succeeded);
        var retrain = search with
        {
            Id = Guid.NewGuid(), Kind = ExperimentKinds.Retrain, Name = "retrain of k4 seed 2", Search = null,
            Retrain = new RetrainSpec { Channels = 12, Epochs = 9 }, DerivedFromId = search.Id,
        };
        Services.AddSingleton<IDashboardData>(new ExperimentStore(search, retrain));
        Services.AddSingleton<IDatasetsData>(new RegisteredSets());
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/new/retrain?clone={retrain.Id}");

        var cut = Render<NewRetrain>();

        cut.WaitForAssertion(() => Assert.Equal("retrain of k4 seed 2 (again)", cut.Find("#f-name").GetAttribute("value")));
        Assert.Equal("k4 seed 2", cut.Find("#f-fromExperimentId").GetAttribute("value"));
        Assert.Equal("12", cut.Find("#f-channels").GetAttribute("value"));
        Assert.Equal("9", cut.Find("#f-epochs").GetAttribute("value"));
    }

    [Fact]
    public void Delete_on_the_page_asks_twice_then_deletes_and_returns_to_the_list()
    {
        AddAuthorization().SetAuthorized(Owner).SetRoles(PlatformRoles.Member);
        var experiment = ExperimentStore.Search("to delete", ExperimentStatuses.Succeeded);
        var store = new ExperimentStore(experiment);
        Services.AddSingleton<IDashboardData>(store);
        Services.AddSingleton<IExperimentLogs>(new NoLogs());
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo($"/experiments/{experiment.Id}");

        var cut = Render<ExperimentView>(p => p.Add(v => v.Id, experiment.Id));
        cut.WaitForElement("#delete").Click();
        Assert.Empty(store.Deleted);
        cut.Find("#delete").Click();

        cut.WaitForAssertion(() => Assert.Equal([experiment.Id], store.Deleted));
        Assert.Equal(nav.BaseUri, nav.Uri);
    }
}
