using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Metrics;
using PcDarts.Web.Components.Pages;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

public sealed class SearchFormTests : BunitContext
{
    [Fact]
    public void Validation_messages_come_from_SearchSpec_Validate_and_sit_next_to_their_field()
    {
        Services.AddSingleton<IDashboardData>(new ReadOnlyDashboardData());
        Services.AddSingleton<IDatasetsData>(new RegisteredSets());
        var cut = Render<NewSearch>();
        Assert.Empty(cut.FindAll(".field-error"));
        Assert.Equal("16", cut.Find("#f-channels").GetAttribute("value"));

        cut.Find("#f-channels").Change("6");
        var error = cut.Find("[data-field=k] [data-error-for=k]");
        Assert.Contains("does not divide the 6 channels", error.TextContent);

        cut.Find("#f-epochs").Change("0");
        Assert.Contains($"between 1 and {PcDarts.Core.Specs.SpecLimits.MaxEpochs}", cut.Find("[data-field=epochs] .field-error").TextContent);

        cut.Find("#f-epochs").Change("many");
        Assert.Contains("not a number", cut.Find("[data-field=epochs] .field-error").TextContent);
    }

    [Fact]
    public void A_preset_fills_every_field_and_marks_nothing_changed()
    {
        Services.AddSingleton<IDashboardData>(new ReadOnlyDashboardData());
        Services.AddSingleton<IDatasetsData>(new RegisteredSets());
        var cut = Render<NewSearch>();
        cut.Find("[data-preset=quick]").Click();
        Assert.Equal("fashion-mnist", cut.Find("#f-dataset").GetAttribute("value"));
        Assert.Equal("2000", cut.Find("#f-subset").GetAttribute("value"));
        Assert.Empty(cut.FindAll("input.changed"));
        cut.Find("#f-epochs").Change("7");
        Assert.Single(cut.FindAll("input.changed"));
    }

    [Fact]
    public void The_imagenet_preset_fills_the_share_of_each_class_and_a_share_over_one_is_refused_beside_it()
    {
        Services.AddSingleton<IDashboardData>(new ReadOnlyDashboardData());
        Services.AddSingleton<IDatasetsData>(new RegisteredSets());
        var cut = Render<NewSearch>();
        cut.Find("[data-preset=imagenet-paper]").Click();
        Assert.Equal("0.125", cut.Find("#f-subsetFraction").GetAttribute("value"));

        cut.Find("#f-subsetFraction").Change("1.5");
        Assert.Contains("must be in (0, 1]", cut.Find("[data-field=subsetFraction] .field-error").TextContent);
    }

    [Fact]
    public void The_data_set_choice_offers_the_registered_sets_with_their_sizes_and_accepts_one()
    {
        Services.AddSingleton<IDashboardData>(new ReadOnlyDashboardData());
        Services.AddSingleton<IDatasetsData>(new RegisteredSets());
        var cut = Render<NewSearch>();

        var options = cut.FindAll("#f-dataset option");
        Assert.Equal(["fashion-mnist", "cifar10", "synthetic", "flowers"], options.Select(o => o.GetAttribute("value")));
        Assert.Equal("flowers (64×64, 102 classes, registered)", options[^1].TextContent);
        Assert.Equal("fashion-mnist (28×28, 10 classes)", options[0].TextContent);

        cut.Find("#f-dataset").Change("flowers");
        Assert.Empty(cut.FindAll("[data-field=dataset] .field-error"));
        Assert.Contains("registered by an admin", cut.Find("[data-field=dataset]").TextContent);
    }
}
