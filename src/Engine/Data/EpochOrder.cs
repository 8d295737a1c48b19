using PcDarts.Core.Randomness;

namespace PcDarts.Engine.Data;

/// <summary>
/// The order in which an epoch visits samples, a pure function of (seed, epoch): a run resumed
/// at epoch e sees exactly the batches it would have seen, with no sampler state to store.
/// </summary>
public static class EpochOrder
{
    /// <summary>A permutation of 0..count-1 (Fisher–Yates driven by SplitMix64).</summary>
    public static int[] Shuffle(int count, int seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        ShuffleInPlace(order, seed, epoch);
        return order;
    }

    /// <summary>
    /// The given indices in this epoch's random order, like DARTS' SubsetRandomSampler over one
    /// part of a <see cref="TrainSplit"/>. Give the weight and architecture parts different seeds.
    /// </summary>
    public static int[] Shuffle(IReadOnlyList<int> indices, int seed, int epoch)
    {
        var order = indices.ToArray();
        ShuffleInPlace(order, seed, epoch);
        return order;
    }

    private static void ShuffleInPlace(int[] items, int seed, int epoch)
    {
        var rng = new SplitMix64(SplitMix64.Derive(seed, epoch));
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
