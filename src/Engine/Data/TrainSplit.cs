namespace PcDarts.Engine.Data;

/// <summary>
/// The search's split of the training set, as in DARTS' train_search.py:
/// split = floor(train_portion × num_train); indices [0, split) train the weights and
/// [split, num_train) the architecture; each part is then visited in a random order per epoch
/// (<see cref="EpochOrder.Shuffle(IReadOnlyList{int}, int, int)"/>). The split itself is not random.
/// </summary>
public static class TrainSplit
{
    public static (int[] Weights, int[] Architecture) Split(int count, double trainPortion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (double.IsNaN(trainPortion) || trainPortion < 0 || trainPortion > 1)
            throw new ArgumentOutOfRangeException(nameof(trainPortion), trainPortion, "The train portion must lie in [0, 1].");
        var split = (int)Math.Floor(trainPortion * count);
        return (Enumerable.Range(0, split).ToArray(), Enumerable.Range(split, count - split).ToArray());
    }
}
