using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>The one entry point of a retrain, shared by the CLI and the platform's job.</summary>
public static class RetrainRun
{
    public static RunOutcome Run(RetrainSpec spec, Genotype genotype, IRunStore store, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        spec.EnsureValid();
        ComputeDevice.ApplyThreads(spec.Threads);
        using var data = RetrainData.Load(spec);
        using var loop = new RetrainLoop(spec, genotype, data, ComputeDevice.Select());
        return loop.Run(store, progress, cancellationToken);
    }
}
