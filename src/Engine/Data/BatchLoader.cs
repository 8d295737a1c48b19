using PcDarts.Core.Randomness;
using static TorchSharp.torch;

namespace PcDarts.Engine.Data;

/// <summary>
/// Batches over a list of sample indices (one epoch's order). Batch b holds indices
/// [b·size, (b+1)·size) — the last batch may be smaller, nothing is dropped — and is augmented
/// with a seed derived from (seedBase, b) only, so any batch can be rebuilt on its own:
/// a loop resumes mid-epoch, or pairs weight batch b with architecture batch b.
/// </summary>
public static class BatchLoader
{
    public static int BatchCount(int indexCount, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(indexCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return (indexCount + batchSize - 1) / batchSize;
    }

    /// <summary>A seedBase for one epoch of one stream (e.g. 0 = weights, 1 = architecture) of a run seed.</summary>
    public static long SeedBase(int seed, int epoch, int stream) =>
        unchecked((long)SplitMix64.Derive((long)SplitMix64.Derive(seed, epoch), stream));

    /// <summary>The augmentation seed of batch <paramref name="batchIndex"/>.</summary>
    public static long BatchSeed(long seedBase, int batchIndex) => unchecked((long)SplitMix64.Derive(seedBase, batchIndex));

    /// <summary>
    /// Yields every batch in order. Each pair is created in the caller's dispose scope at the time
    /// of the MoveNext that produced it: open a scope per step and they are freed with it.
    /// </summary>
    public static IEnumerable<(Tensor images, Tensor labels)> Batches(
        ImageDataset data, int[] indices, int batchSize, AugmentOptions aug, Device device, bool train, long seedBase)
    {
        var augmenter = new BatchAugmenter(aug);
        var count = BatchCount(indices.Length, batchSize);
        for (var b = 0; b < count; b++)
            yield return GetBatch(data, indices, batchSize, b, augmenter, device, train, seedBase);
    }

    public static (Tensor images, Tensor labels) GetBatch(
        ImageDataset data, int[] indices, int batchSize, int batchIndex, AugmentOptions aug, Device device, bool train, long seedBase) =>
        GetBatch(data, indices, batchSize, batchIndex, new BatchAugmenter(aug), device, train, seedBase);

    /// <summary>A batch of any set: in memory it is cut here, from disk the set decodes it (ahead of time, see
    /// <see cref="Folders.BatchPrefetcher"/>).</summary>
    public static (Tensor images, Tensor labels) GetBatch(
        ILabelledImages data, int[] indices, int batchSize, int batchIndex, BatchAugmenter augmenter, Device device, bool train, long seedBase) =>
        data.GetBatch(indices, batchSize, batchIndex, augmenter, device, train, seedBase);

    public static (Tensor images, Tensor labels) GetBatch(
        ImageDataset data, int[] indices, int batchSize, int batchIndex, BatchAugmenter augmenter, Device device, bool train, long seedBase)
    {
        var count = BatchCount(indices.Length, batchSize);
        if (batchIndex < 0 || batchIndex >= count)
            throw new ArgumentOutOfRangeException(nameof(batchIndex), batchIndex, $"{indices.Length} indices in batches of {batchSize} give {count} batches.");

        var start = batchIndex * batchSize;
        var chosen = new long[Math.Min(batchSize, indices.Length - start)];
        for (var i = 0; i < chosen.Length; i++)
        {
            var index = indices[start + i];
            if ((uint)index >= (uint)data.Count)
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"Index outside the {data.Count} images of '{data.Name}'.");
            chosen[i] = index;
        }

        using var scope = NewDisposeScope();
        var rows = tensor(chosen);
        var images = augmenter.Apply(data.Images.index_select(0, rows), BatchSeed(seedBase, batchIndex), device, train);
        var labels = data.Labels.index_select(0, rows).to(device);
        return (images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }
}
