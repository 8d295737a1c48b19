using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>The one entry point of a search, shared by the CLI and the platform's job.</summary>
public static class SearchRun
{
    public static RunOutcome Run(SearchSpec spec, IRunStore store, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        spec.EnsureValid();
        ComputeDevice.ApplyThreads(spec.Threads);
        using var data = SearchData.Load(spec);
        using var loop = new SearchLoop(spec, data, ComputeDevice.Select());
        return loop.Run(store, progress, cancellationToken);
    }
}
