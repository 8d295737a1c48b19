using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>
/// The weight learning rate of a 0-based epoch index, as the authors' scripts set it at the start of each epoch
/// (docs/pc-darts.md §4, §5, §8).
/// </summary>
public static class LearningRateSchedule
{
    /// <summary>The authors warm the learning rate up only for batches larger than this (their `batch_size > 256`).</summary>
    public const int WarmupBatchThreshold = 256;

    /// <summary>Warm-up epochs of the ImageNet search (train_search_imagenet.py: `epoch < 5`).</summary>
    public const int SearchWarmupEpochs = 5;

    /// <summary>
    /// A search: cosine annealing from the spec's rate to its floor; with a batch over 256 the first 5 epochs scale the
    /// cosine value by (e + 1) / 5, as train_search_imagenet.py does.
    /// </summary>
    public static double Search(SearchSpec spec, int epochIndex)
    {
        var rate = CosineSchedule.At(epochIndex, spec.Epochs, spec.LearningRate, spec.LearningRateMin);
        return WarmedUp(rate, epochIndex, SearchWarmupEpochs, spec.BatchSize);
    }

    /// <summary>
    /// A retrain: the spec's schedule (cosine or linear), scaled by (e + 1) / W over the first W = lrWarmupEpochs epochs
    /// when the batch is over 256 — train_imagenet.py scales the scheduled value; a smaller batch is not warmed up.
    /// </summary>
    public static double Retrain(RetrainSpec spec, int epochIndex)
    {
        var rate = spec.Schedule == LearningRateSchedules.Linear
            ? Linear(epochIndex, spec.Epochs, spec.LearningRate, spec.LrWarmupEpochs)
            : CosineSchedule.At(epochIndex, spec.Epochs, spec.LearningRate, 0);
        return WarmedUp(rate, epochIndex, spec.LrWarmupEpochs, spec.BatchSize);
    }

    /// <summary>
    /// train_imagenet.py's `adjust_lr` with its 5 generalised to W: lr·(E − W − e)/(E − W) while more than W epochs remain,
    /// then a gentler lr·(E − e)/((E − W)·W) over the last W, so the last epochs still learn (E = 250, W = 5: 0.5·(245 − e)/245).
    /// </summary>
    public static double Linear(int epochIndex, int epochs, double initial, int warmupEpochs) =>
        epochs - epochIndex > warmupEpochs
            ? initial * (epochs - warmupEpochs - epochIndex) / (epochs - warmupEpochs)
            : initial * (epochs - epochIndex) / ((double)(epochs - warmupEpochs) * warmupEpochs);

    private static double WarmedUp(double rate, int epochIndex, int warmupEpochs, int batchSize) =>
        epochIndex < warmupEpochs && batchSize > WarmupBatchThreshold ? rate * (epochIndex + 1) / warmupEpochs : rate;
}
