using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>The one entry point of a retrain, shared by the CLI and the platform's job.</summary>
public static class RetrainRun
{
    /// <param name="source">As in <see cref="SearchRun.Run"/>: the images when <c>spec.Dataset</c> is not a built-in.</param>
    /// <param name="initialWeights">Weights to start from instead of a random initialisation (ours or a PyTorch state_dict
    /// of the authors' layout); a resumed run continues from its checkpoint instead.</param>
    public static RunOutcome Run(RetrainSpec spec, Genotype genotype, IRunStore store, IProgress<StepProgress>? progress,
        CancellationToken cancellationToken, DatasetSource? source = null, string? initialWeights = null)
    {
        // With a source the input size is known here, so the auxiliary tower's minimum is checked before any image is read.
        (source is null ? spec : spec with { InputSize = spec.InputSize ?? source.ImageSize }).EnsureValid(RunSources.KnownNames(spec.Dataset, source));
        ComputeDevice.ApplyThreads(spec.Threads);
        using var memory = JobMemory.Begin();
        using var data = RetrainData.Load(spec, source);
        using var loop = new RetrainLoop(spec, genotype, data, ComputeDevice.Select(), initialWeights) { HostProcessBytes = memory.HostBytes };
        return loop.Run(store, progress, cancellationToken);
    }
}
