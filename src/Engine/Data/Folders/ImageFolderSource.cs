using PcDarts.Core.Randomness;
using static TorchSharp.torch;

namespace PcDarts.Engine.Data.Folders;

/// <summary>
/// One split of an image-folder data set, read from disk batch by batch: each image is decoded and augmented on a
/// worker thread (<see cref="ImageDecoder"/>) ahead of the step that needs it (<see cref="BatchPrefetcher"/>); the
/// training loop only turns the ready bytes into a tensor and normalizes it (<see cref="BatchAugmenter"/> with the
/// ImageNet mean and std). Whether a training batch is colour-jittered is the augmenter's
/// <see cref="AugmentOptions.ColorJitter"/>: the retrain's pipeline jitters, the search's does not. Image i of batch b draws its augmentation from (seedBase, b, i), so a resumed run decodes
/// exactly the pixels an uninterrupted one would have.
/// </summary>
public sealed class ImageFolderSource : ILabelledImages
{
    /// <summary>Batches decoded ahead of the one in use, per stream.</summary>
    public const int DefaultDepth = 3;

    private readonly ImageFolderIndex _index;
    private readonly BatchPrefetcher _prefetcher;

    public ImageFolderSource(string name, ImageFolderIndex index, int size, int? workers = null, int depth = DefaultDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Name = name;
        _index = index;
        Size = size;
        _prefetcher = new BatchPrefetcher(depth, workers ?? DefaultWorkers, Decode);
    }

    /// <summary>All cores but one, which the training step keeps.</summary>
    public static int DefaultWorkers => Math.Max(1, Environment.ProcessorCount - 1);

    public string Name { get; }
    public int Count => _index.Files.Length;
    public int Channels => ImageDecoder.Channels;
    public int Classes => _index.ClassNames.Count;
    /// <summary>The side length of every decoded image.</summary>
    public int Size { get; }
    public int Workers => _prefetcher.Workers;
    public IReadOnlyList<string> ClassNames => _index.ClassNames;

    public int[] ClassOfEach() => (int[])_index.Labels.Clone();

    public ILabelledImages Take(int count) => new ImageFolderSource(Name, _index.Take(count), Size, Workers, _prefetcher.Depth);

    public (Tensor Images, Tensor Labels) GetBatch(int[] indices, int batchSize, int batchIndex, BatchAugmenter augmenter,
        Device device, bool train, long seedBase)
    {
        var count = BatchLoader.BatchCount(indices.Length, batchSize);
        if (batchIndex < 0 || batchIndex >= count)
            throw new ArgumentOutOfRangeException(nameof(batchIndex), batchIndex, $"{indices.Length} indices in batches of {batchSize} give {count} batches.");
        var batch = Decoded(new BatchRequest(indices, batchSize, batchIndex, seedBase, train, augmenter.Options.ColorJitter));

        using var scope = NewDisposeScope();
        var pixels = tensor(batch.Pixels, ScalarType.Byte).view(batch.Labels.Length, Channels, Size, Size);
        // The folder pipeline has done the random part; the augmenter normalizes (and adds Cutout when a retrain asks).
        var images = augmenter.Apply(pixels, BatchLoader.BatchSeed(seedBase, batchIndex), device, train);
        var labels = tensor(batch.Labels).to(device);
        return (images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    /// <summary>The uint8 bytes of a batch (B×3×S×S) and its labels, from the prefetch queue.</summary>
    internal DecodedBatch Decoded(BatchRequest request) => _prefetcher.Take(request);

    private Task<DecodedBatch> Decode(BatchRequest request, TaskScheduler workers, CancellationToken cancel)
    {
        var start = request.BatchIndex * request.BatchSize;
        var rows = request.Indices.AsSpan(start, Math.Min(request.BatchSize, request.Indices.Length - start)).ToArray();
        foreach (var row in rows)
        {
            if ((uint)row >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(request), row, $"Index outside the {Count} images of '{Name}'.");
        }
        var imageBytes = Channels * Size * Size;
        var pixels = new byte[rows.Length * imageBytes];
        var labels = rows.Select(row => (long)_index.Labels[row]).ToArray();
        var imageSeed = BatchLoader.BatchSeed(request.SeedBase, request.BatchIndex);
        var images = rows.Select((row, i) => Task.Factory.StartNew(() =>
        {
            var random = new SplitMix64(SplitMix64.Derive(imageSeed, i));
            ImageDecoder.DecodeInto(_index.Files[row], Size, request.Train, request.ColorJitter, random, pixels.AsSpan(i * imageBytes, imageBytes));
        }, cancel, TaskCreationOptions.None, workers));
        return Task.WhenAll(images).ContinueWith(done =>
        {
            if (done.IsFaulted) throw done.Exception!.InnerExceptions[0];
            cancel.ThrowIfCancellationRequested();
            return new DecodedBatch(pixels, labels, Size);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public void Dispose() => _prefetcher.Dispose();
}
