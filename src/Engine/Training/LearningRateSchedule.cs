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
    /// A search: cosine annealing from the spec's rate to its floor. An ImageNet-shaped search with a batch over 256
    /// runs its first 5 epochs at initial·(e + 1)/5 instead, as train_search_imagenet.py does; the CIFAR search script
    /// (train_search.py) has no warm-up at all, so a CIFAR-shaped search is never warmed up, whatever its batch.
    /// </summary>
    public static double Search(SearchSpec spec, int epochIndex)
    {
        var rate = CosineSchedule.At(epochIndex, spec.Epochs, spec.LearningRate, spec.LearningRateMin);
        return SearchWarmsUp(spec) ? WarmedUp(rate, spec.LearningRate, epochIndex, SearchWarmupEpochs, spec.BatchSize) : rate;
    }

    /// <summary>Only the ImageNet search script warms up (docs/pc-darts.md §8); the batch rule is applied per epoch.</summary>
    public static bool SearchWarmsUp(SearchSpec spec) => spec.Network == NetworkShapes.ImageNet;

    /// <summary>
    /// A retrain: the spec's schedule (cosine or linear), replaced by initial·(e + 1)/W over the first W = lrWarmupEpochs
    /// epochs when the batch is over 256, as train_imagenet.py does; a smaller batch, or W = 0 (the CIFAR retrain, whose
    /// train.py has no warm-up), is not warmed up.
    /// </summary>
    public static double Retrain(RetrainSpec spec, int epochIndex)
    {
        var rate = spec.Schedule == LearningRateSchedules.Linear
            ? Linear(epochIndex, spec.Epochs, spec.LearningRate, spec.LrWarmupEpochs)
            : CosineSchedule.At(epochIndex, spec.Epochs, spec.LearningRate, 0);
        return WarmedUp(rate, spec.LearningRate, epochIndex, spec.LrWarmupEpochs, spec.BatchSize);
    }

    /// <summary>
    /// train_imagenet.py's `adjust_lr` with its 5 generalised to W: lr·(E − W − e)/(E − W) while more than W epochs remain,
    /// then a gentler lr·(E − e)/((E − W)·W) over the last W, so the last epochs still learn (E = 250, W = 5: 0.5·(245 − e)/245).
    /// </summary>
    public static double Linear(int epochIndex, int epochs, double initial, int warmupEpochs) =>
        epochs - epochIndex > warmupEpochs
            ? initial * (epochs - warmupEpochs - epochIndex) / (epochs - warmupEpochs)
            : initial * (epochs - epochIndex) / ((double)(epochs - warmupEpochs) * warmupEpochs);

    /// <summary>
    /// Both ImageNet scripts overwrite the scheduled value during the warm-up with `lr * (epoch + 1) / 5.0`, where `lr`
    /// is `args.learning_rate`, the initial rate — not the cosine or linear value of that epoch (authors' code at HEAD).
    /// So epochs 0–4 of lr 0.5 run at 0.1, 0.2, 0.3, 0.4, 0.5, and epoch 5 picks the schedule up where it stands.
    /// </summary>
    private static double WarmedUp(double scheduled, double initial, int epochIndex, int warmupEpochs, int batchSize) =>
        epochIndex < warmupEpochs && batchSize > WarmupBatchThreshold ? initial * (epochIndex + 1) / warmupEpochs : scheduled;
}
