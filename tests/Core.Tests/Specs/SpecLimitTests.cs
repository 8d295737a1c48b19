using PcDarts.Core.Specs;

namespace PcDarts.Core.Tests.Specs;

public class SpecLimitTests
{
    [Fact]
    public void Every_preset_is_valid_and_under_the_default_cost_limit()
    {
        foreach (var name in SearchPresets.Names)
        {
            var search = SearchPresets.Find(name)!;
            Assert.Empty(search.Validate());
            Assert.Null(SpecCost.Check(SpecCost.Of(search), SpecCost.DefaultLimit));
            var retrain = RetrainPresets.Find(name)!;
            Assert.Empty(retrain.Validate());
            Assert.Null(SpecCost.Check(SpecCost.Of(retrain), SpecCost.DefaultLimit));
        }
    }

    [Fact]
    public void The_papers_cifar10_retrain_costs_about_8e14()
    {
        Assert.Equal(600.0 * 50_000 * 20 * 36 * 36 * 32 * 32, SpecCost.Of(RetrainPresets.Cifar10));
    }

    [Fact]
    public void A_spec_sized_to_tie_up_a_runner_for_years_is_refused_field_by_field()
    {
        var spec = new SearchSpec { Epochs = 10_000, BatchSize = 65_536, Channels = 1_024, Layers = 100, WarmupEpochs = int.MaxValue };

        var fields = spec.Validate().Select(e => e.Field).ToHashSet();

        Assert.Equal(new HashSet<string> { "epochs", "batchSize", "channels", "layers", "warmupEpochs" }, fields);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void Rates_and_clips_have_an_upper_bound(double value)
    {
        var spec = new SearchSpec { LearningRate = value, ArchLearningRate = value, WeightDecay = value, GradClip = value, ArchGradClip = value };

        var fields = spec.Validate().Select(e => e.Field).ToHashSet();

        Assert.Superset(new HashSet<string> { "learningRate", "archLearningRate", "weightDecay", "gradClip", "archGradClip" }, fields);
    }

    [Fact]
    public void The_warmup_may_not_outlast_the_run()
    {
        Assert.Empty(new SearchSpec { Epochs = 20, WarmupEpochs = 20 }.Validate());
        Assert.Equal("warmupEpochs", Assert.Single(new SearchSpec { Epochs = 20, WarmupEpochs = 21 }.Validate()).Field);
        Assert.Equal("lrWarmupEpochs", Assert.Single(new RetrainSpec { Epochs = 20, LrWarmupEpochs = 20 }.Validate()).Field);
    }

    [Fact]
    public void A_spec_whose_every_field_is_in_bounds_can_still_cost_too_much()
    {
        var spec = new RetrainSpec { Epochs = SpecLimits.MaxEpochs, Channels = SpecLimits.MaxChannels, Layers = SpecLimits.MaxLayers };

        Assert.Empty(spec.Validate());
        var error = SpecCost.Check(SpecCost.Of(spec), SpecCost.DefaultLimit);

        Assert.NotNull(error);
        Assert.Contains("over the limit of 2e15", error);
        Assert.Contains("lower epochs", error);
    }

    [Fact]
    public void A_subset_counts_only_up_to_the_data_sets_size()
    {
        var whole = new SearchSpec { Dataset = DatasetNames.FashionMnist };

        Assert.Equal(SpecCost.Of(whole), SpecCost.Of(whole with { Subset = SpecLimits.MaxSubset }));
        Assert.Equal(SpecCost.Of(whole) / 60, SpecCost.Of(whole with { Subset = 1_000 }), 6);
    }

    [Fact]
    public void A_share_of_every_class_costs_that_share_in_the_limit_and_in_the_estimate()
    {
        var whole = new SearchSpec { Dataset = DatasetNames.FashionMnist, BatchSize = 64 };
        var eighth = whole with { SubsetFraction = 0.125 };

        Assert.Equal(7_500, eighth.ExamplesDrawn());
        Assert.Equal(SpecCost.Of(whole) / 8, SpecCost.Of(eighth), 6);
        // Half of the 7,500 for the weights, at 64 a step.
        Assert.Equal(59, PcDarts.Core.Estimates.StepShape.ForSearch(eighth).StepsPerEpoch);
    }
}
