using System.Text.Json;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Core.Studies;

namespace PcDarts.Core.Tests.Studies;

public sealed class RandomBaselineTests
{
    private static JsonElement[] Numbers(params int[] values) => values.Select(v => JsonSerializer.SerializeToElement(v)).ToArray();

    [Fact]
    public void Seeds_follow_the_grid_then_continue_past_its_largest()
    {
        var grid = new Dictionary<string, JsonElement[]> { ["k"] = Numbers(2, 4), ["seed"] = Numbers(7, 3, 5) };

        Assert.Equal([7, 3], RandomBaseline.Seeds(grid, new SearchSpec(), 2));
        Assert.Equal([7, 3, 5, 8, 9], RandomBaseline.Seeds(grid, new SearchSpec(), 5));
        Assert.Empty(RandomBaseline.Seeds(grid, new SearchSpec(), 0));
    }

    [Fact]
    public void Without_seeds_in_the_grid_they_start_at_the_search_specs()
    {
        Assert.Equal([11, 12, 13], RandomBaseline.Seeds(new Dictionary<string, JsonElement[]> { ["k"] = Numbers(2) }, new SearchSpec { Seed = 11 }, 3));
        Assert.Equal([2], RandomBaseline.Seeds(null, new SearchSpec(), 1));
    }

    [Fact]
    public void The_genotype_is_the_seeded_sample_with_the_search_specs_nodes()
    {
        var genotype = RandomBaseline.Genotype(3, new SearchSpec { Nodes = 3 });

        Assert.Equal(RandomGenotype.Sample(3, 3), genotype);
        Assert.Equal(3, genotype.Nodes);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(17, true)]
    [InlineData(1, false)]
    public void Out_of_range_or_without_a_retrain_is_an_error_on_the_field(int count, bool retrains) =>
        Assert.Equal(RandomBaseline.Field, Assert.Single(RandomBaseline.Validate(count, retrains)).Field);

    [Theory]
    [InlineData(0, false)]
    [InlineData(16, true)]
    public void Zero_or_up_to_the_limit_with_a_retrain_is_fine(int count, bool retrains) =>
        Assert.Empty(RandomBaseline.Validate(count, retrains));
}
