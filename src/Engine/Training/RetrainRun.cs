using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>The one entry point of a retrain, shared by the CLI and the platform's job.</summary>
public static class RetrainRun
{
    /// <param name="initialWeights">Weights to start from instead of a random initialisation (ours or a PyTorch state_dict
    /// of the authors' layout); a resumed run continues from its checkpoint instead.</param>
    public static RunOutcome Run(RetrainSpec spec, Genotype genotype, IRunStore store, IProgress<StepProgress>? progress,
        CancellationToken cancellationToken, string? initialWeights = null)
    {
        spec.EnsureValid();
        ComputeDevice.ApplyThreads(spec.Threads);
        using var data = RetrainData.Load(spec);
        using var loop = new RetrainLoop(spec, genotype, data, ComputeDevice.Select(), initialWeights);
        return loop.Run(store, progress, cancellationToken);
    }
}
