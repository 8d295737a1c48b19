using PcDarts.Core.Specs;
using PcDarts.Engine.Training;

namespace PcDarts.Engine.Tests.Training;

/// <summary>The smallest real search: synthetic data, three cells of three nodes, a few steps an epoch.</summary>
internal static class TinySearch
{
    public static SearchSpec Spec { get; } = new()
    {
        Dataset = DatasetNames.Synthetic,
        Subset = 96,
        BatchSize = 16,
        Channels = 4,
        Layers = 3,
        Nodes = 3,
        K = 2,
        Epochs = 3,
        WarmupEpochs = 1,
        LearningRate = 0.05,
        ArchLearningRate = 3e-2,
        Seed = 7,
        Threads = 1,
    };

    /// <summary>Stops a run right after it commits a given epoch, as a killed process would.</summary>
    public sealed class StopAfter(IRunStore inner, int epoch, CancellationTokenSource stop) : IRunStore
    {
        public byte[]? LoadCheckpoint() => inner.LoadCheckpoint();

        public void CommitEpoch(EpochResult result, byte[] checkpoint)
        {
            inner.CommitEpoch(result, checkpoint);
            if (result.Metrics.Epoch == epoch) stop.Cancel();
        }
    }

    /// <summary>What must be equal between two runs of one seed: everything but clocks and memory.</summary>
    public static object Comparable(EpochResult result) => new
    {
        result.Metrics.Epoch,
        result.Metrics.TrainLoss,
        result.Metrics.TrainTop1,
        result.Metrics.ValidLoss,
        result.Metrics.ValidTop1,
        result.Metrics.LearningRate,
        result.Metrics.ArchitectureUpdated,
        Alphas = string.Join(",", result.Architecture!.AlphasNormal.SelectMany(r => r).Concat(result.Architecture.AlphasReduce.SelectMany(r => r))),
        Betas = string.Join(",", result.Architecture.BetasNormal!.Concat(result.Architecture.BetasReduce!)),
        Genotype = result.Architecture.Genotype.ToDartsText(),
    };
}
