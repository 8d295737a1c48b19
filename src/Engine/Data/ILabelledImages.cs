using static TorchSharp.torch;

namespace PcDarts.Engine.Data;

/// <summary>
/// A labelled image set the training loops draw batches from: held in memory (<see cref="ImageDataset"/>) or read from
/// disk batch by batch (<see cref="Folders.ImageFolderSource"/>). Batch b of an index list holds indices
/// [b·size, (b+1)·size) and its random draws come from (seedBase, b) only, whichever kind of set it is.
/// </summary>
public interface ILabelledImages : IDisposable
{
    string Name { get; }
    int Count { get; }
    int Channels { get; }
    int Classes { get; }

    /// <summary>The class of every image, in index order (per-class sampling reads it).</summary>
    int[] ClassOfEach();

    /// <summary>The first <paramref name="count"/> images as a set of their own.</summary>
    ILabelledImages Take(int count);

    /// <summary>Batch <paramref name="batchIndex"/> of <paramref name="indices"/>, on <paramref name="device"/>, normalized by
    /// <paramref name="augmenter"/>; owned by the caller's dispose scope.</summary>
    (Tensor Images, Tensor Labels) GetBatch(int[] indices, int batchSize, int batchIndex, BatchAugmenter augmenter,
        Device device, bool train, long seedBase);
}
