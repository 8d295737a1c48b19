using PcDarts.Core.Randomness;

namespace PcDarts.Engine.Data;

/// <summary>
/// The search's sample of a large training set, drawn per class as the paper does for ImageNet (docs/pc-darts.md §4:
/// 10 % of the images train the weights, another 2.5 % the architecture): in every class a seeded shuffle picks
/// floor(fraction · n) images, whose first floor(trainPortion · picked) train the weights and the rest α/β. The two
/// parts are disjoint, every class keeps its share, and the same seed picks the same images on every machine.
/// </summary>
public static class ClassSampling
{
    public static (int[] Weights, int[] Architecture) Split(int[] classOfEach, double fraction, double trainPortion, long seed)
    {
        if (double.IsNaN(fraction) || fraction <= 0 || fraction > 1)
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The share of each class must lie in (0, 1].");
        if (double.IsNaN(trainPortion) || trainPortion < 0 || trainPortion > 1)
            throw new ArgumentOutOfRangeException(nameof(trainPortion), trainPortion, "The train portion must lie in [0, 1].");

        var weights = new List<int>();
        var architecture = new List<int>();
        var byClass = Enumerable.Range(0, classOfEach.Length).GroupBy(i => classOfEach[i]).OrderBy(g => g.Key);
        foreach (var members in byClass)
        {
            var order = members.ToArray();
            var random = new SplitMix64(SplitMix64.Derive(seed, members.Key));
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            var picked = (int)Math.Floor(fraction * order.Length);
            var forWeights = (int)Math.Floor(trainPortion * picked);
            weights.AddRange(order.Take(forWeights));
            architecture.AddRange(order.Skip(forWeights).Take(picked - forWeights));
        }
        weights.Sort();
        architecture.Sort();
        return (weights.ToArray(), architecture.ToArray());
    }
}
