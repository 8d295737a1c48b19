using System.Text.Json;
using PcDarts.Core.Specs;
using PcDarts.Core.Studies;

namespace PcDarts.Core.Tests.Studies;

public sealed class StudyGridTests
{
    private static Dictionary<string, JsonElement[]> Grid(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(json)!;

    private static readonly SearchSpec Tiny = new() { Dataset = DatasetNames.Synthetic, Channels = 8, Layers = 3, Epochs = 2, WarmupEpochs = 1 };

    [Fact]
    public void Two_seeds_by_two_k_values_give_four_members_in_two_configurations()
    {
        var (points, errors) = StudyGrid.Expand(Tiny, Grid("""{"seed":[1,2],"k":[2,4]}"""));

        Assert.Empty(errors);
        Assert.Equal([(1, 2), (1, 4), (2, 2), (2, 4)], points.Select(p => (p.Spec.Seed, p.Spec.K)));
        Assert.Equal(["k=2", "k=4"], points.Select(p => p.Configuration).Distinct().Order());
        Assert.All(points, p => Assert.Equal(8, p.Spec.Channels));
    }

    [Fact]
    public void A_stored_member_finds_its_configuration_again_from_its_spec()
    {
        var (points, _) = StudyGrid.Expand(Tiny, Grid("""{"edgeNormalization":[true,false],"seed":[5]}"""));

        foreach (var point in points)
            Assert.Equal(point.Configuration, StudyGrid.ConfigurationOf(StudyGrid.ValuesOf(point.Spec, ["edgeNormalization", "seed"])));
        Assert.Equal("edgeNormalization=false", points[1].Configuration);
    }

    [Theory]
    [InlineData("""{"kk":[2]}""", "grid.kk")]
    [InlineData("""{"k":[3]}""", "grid.k")]
    [InlineData("""{"k":["x"]}""", "grid.k")]
    [InlineData("""{"k":[]}""", "grid.k")]
    [InlineData("""{"k":[2,2]}""", "grid.k")]
    [InlineData("""{"dataDir":["/tmp"]}""", "grid.dataDir")]
    public void A_bad_grid_is_refused_naming_the_key(string grid, string field)
    {
        var (points, errors) = StudyGrid.Expand(Tiny, Grid(grid));

        Assert.Empty(points);
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void An_error_of_the_search_spec_itself_is_named_under_search()
    {
        var (_, errors) = StudyGrid.Expand(Tiny with { Epochs = 0 }, Grid("""{"seed":[1]}"""));

        Assert.Contains(errors, e => e.Field == "search.epochs");
    }

    [Fact]
    public void A_grid_over_the_member_limit_is_refused()
    {
        var seeds = string.Join(",", Enumerable.Range(1, SpecLimits.MaxStudyMembers + 1));
        var (points, errors) = StudyGrid.Expand(Tiny, Grid($$"""{"seed":[{{seeds}}]}"""));

        Assert.Empty(points);
        Assert.Equal("grid", Assert.Single(errors).Field);

        // Twelve axes of 64 values: a product that would wrap a 64-bit count around.
        var axis = string.Join(",", Enumerable.Range(1, 64).Select(i => $"{i / 100.0}"));
        var keys = new[] { "learningRate", "learningRateMin", "momentum", "weightDecay", "gradClip", "archLearningRate", "archWeightDecay", "archGradClip", "trainPortion", "seed", "subset", "epochs" };
        var huge = Grid("{" + string.Join(",", keys.Select(k => $"\"{k}\":[{(k is "seed" or "subset" or "epochs" ? string.Join(",", Enumerable.Range(1, 64)) : axis)}]")) + "}");
        Assert.Equal("grid", Assert.Single(StudyGrid.Expand(Tiny, huge).Errors).Field);
    }

    [Fact]
    public void The_paper_ablation_preset_expands_to_24_valid_searches()
    {
        var preset = StudyPresets.PaperAblation;
        var (points, errors) = StudyGrid.Expand(preset.Search!, preset.Grid);

        Assert.Empty(errors);
        Assert.Equal(24, points.Count);
        Assert.Equal(8, points.Select(p => p.Configuration).Distinct().Count());
        Assert.Empty(preset.Retrain!.Validate());
    }
}
