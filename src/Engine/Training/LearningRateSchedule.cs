using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>The retrain's learning rate of a 0-based epoch index, by the spec's schedule.</summary>
public static class LearningRateSchedule
{
    public static double At(RetrainSpec spec, int epochIndex) => spec.Schedule switch
    {
        LearningRateSchedules.Linear => Linear(epochIndex, spec.Epochs, spec.LearningRate, spec.LrWarmupEpochs),
        _ => spec.LrWarmupEpochs > 0 && epochIndex < spec.LrWarmupEpochs
            ? WarmUp(epochIndex, spec.LearningRate, spec.LrWarmupEpochs)
            : CosineSchedule.At(epochIndex, spec.Epochs, spec.LearningRate, 0),
    };

    /// <summary>
    /// ImageNet evaluation (docs/pc-darts.md §5): a linear ramp over the warm-up epochs, then a linear decay that would
    /// reach 0 one epoch after the last, so the last epoch still learns.
    /// </summary>
    public static double Linear(int epochIndex, int epochs, double initial, int warmupEpochs)
    {
        if (epochIndex < warmupEpochs) return WarmUp(epochIndex, initial, warmupEpochs);
        return initial * (epochs - epochIndex) / (epochs - warmupEpochs);
    }

    private static double WarmUp(int epochIndex, double initial, int warmupEpochs) => initial * (epochIndex + 1) / warmupEpochs;
}
