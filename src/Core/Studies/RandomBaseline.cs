using System.Text.Json;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;

namespace PcDarts.Core.Studies;

/// <summary>
/// A study's random baseline: N retrains of genotypes drawn by <see cref="RandomGenotype"/>, each with the study's
/// retrain spec, so that what the searches found is compared with what chance finds at the same retrain budget.
/// </summary>
public static class RandomBaseline
{
    public const string Field = "baselines.random";

    /// <summary>The errors of a baseline of <paramref name="count"/> random retrains, under <see cref="Field"/>.</summary>
    public static IReadOnlyList<SpecError> Validate(int count, bool retrains)
    {
        if (count is < 0 or > SpecLimits.MaxRandomBaselines)
            return [new(Field, $"must be between 0 and {SpecLimits.MaxRandomBaselines}, got {count}")];
        return count > 0 && !retrains
            ? [new(Field, "needs a retrain spec: the random genotypes are compared by their retrained test accuracy")]
            : [];
    }

    /// <summary>
    /// The seeds of <paramref name="count"/> random members: the study's seeds in grid order (the grid's <c>seed</c>
    /// values, or the search spec's seed when the grid has none), then max + 1, max + 2, … past the last. The seed
    /// both draws the genotype and seeds its retrain, so random member i pairs with the searches of the i-th seed.
    /// </summary>
    public static IReadOnlyList<int> Seeds(IReadOnlyDictionary<string, JsonElement[]>? grid, SearchSpec search, int count)
    {
        var seeds = grid is not null && grid.TryGetValue(StudyGrid.SeedKey, out var values) && values.Length > 0
            ? values.Select(v => v.GetInt32()).ToList()
            : [search.Seed];
        var next = seeds.Max();
        while (seeds.Count < count) seeds.Add(++next);
        return seeds.Take(count).ToList();
    }

    /// <summary>The genotype of the member with this seed: as many nodes as the study's search spec gives its cells.</summary>
    public static Genotype Genotype(int seed, SearchSpec search) => RandomGenotype.Sample(seed, search.Nodes);
}
