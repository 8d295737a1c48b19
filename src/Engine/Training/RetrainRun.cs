using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>The one entry point of a retrain, shared by the CLI and the platform's job.</summary>
public static class RetrainRun
{
    /// <param name="source">Where the spec's data set lies when it is not a built-in (a platform-registered set); null for a built-in.</param>
    public static RunOutcome Run(RetrainSpec spec, Genotype genotype, IRunStore store, IProgress<StepProgress>? progress, CancellationToken cancellationToken, DatasetSource? source = null)
    {
        spec.EnsureValid(source is null ? null : [.. DatasetNames.All, source.Name]);
        ComputeDevice.ApplyThreads(spec.Threads);
        using var data = RetrainData.Load(spec, source);
        using var loop = new RetrainLoop(spec, genotype, data, ComputeDevice.Select());
        return loop.Run(store, progress, cancellationToken);
    }
}
