using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Web.Components.Leaderboard;
using PcDarts.Web.Components.Pages;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>The retrain form takes its source search by name, searched as the user types, never as a raw id.</summary>
public sealed class ExperimentPickerTests : BunitContext
{
    private readonly ExperimentStore _store = new(
        ExperimentStore.Search("k4 seed 1", ExperimentStatuses.Succeeded),
        ExperimentStore.Search("k4 seed 2", ExperimentStatuses.Succeeded),
        ExperimentStore.Search("k8 seed 1", ExperimentStatuses.Succeeded),
        ExperimentStore.Search("k4 still running", ExperimentStatuses.Running));

    [Fact]
    public void Typing_narrows_the_choices_to_succeeded_searches_whose_name_holds_the_text_and_a_pick_fills_the_box()
    {
        Services.AddSingleton<IDashboardData>(_store);
        ExperimentSummaryDto? picked = null;
        var cut = Render<ExperimentPicker>(p => p.Add(x => x.Id, "f-from").Add(x => x.Kind, ExperimentKinds.Search)
            .Add(x => x.Status, ExperimentStatuses.Succeeded).Add(x => x.ShowNewest, true).Add(x => x.OnPick, e => picked = e));
        Assert.Equal(3, cut.FindAll(".picker-option").Count); // before typing: the newest succeeded searches

        cut.Find("#f-from").Input("K4");
        Assert.Equal(["k4 seed 1", "k4 seed 2"], cut.FindAll(".picker-option .picker-name").Select(n => n.TextContent).Order());
        Assert.Equal("K4", _store.Queries[^1].Text);
        Assert.Equal("true", cut.Find("#f-from").GetAttribute("aria-expanded"));

        cut.FindAll(".picker-option").Single(o => o.TextContent.Contains("k4 seed 2", StringComparison.Ordinal)).Click();
        Assert.Equal("k4 seed 2", picked?.Name);
        Assert.Equal("k4 seed 2", cut.Find("#f-from").GetAttribute("value"));
        Assert.Empty(cut.FindAll(".picker-option"));
        Assert.Equal("false", cut.Find("#f-from").GetAttribute("aria-expanded")); // a screen reader hears the list close

        cut.Find("#f-from").Input("resnet");
        Assert.Contains("No search (succeeded) has “resnet” in its name", cut.Find(".picker-none").TextContent);
    }

    [Fact]
    public void The_retrain_form_offers_the_picker_for_its_source_search()
    {
        AddAuthorization().SetAuthorized("owner@example.com").SetRoles(PlatformRoles.Member);
        Services.AddSingleton<IDashboardData>(_store);
        Services.AddSingleton<IDatasetsData>(new RegisteredSets());
        var cut = Render<NewRetrain>();

        var box = cut.Find("#f-fromExperimentId");
        Assert.Equal("search", box.GetAttribute("type"));
        Assert.Equal("combobox", box.GetAttribute("role"));
        box.Input("k8");
        Assert.Equal("k8 seed 1", cut.Find(".picker-option .picker-name").TextContent);
    }
}
