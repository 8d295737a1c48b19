using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>The one entry point of a search, shared by the CLI and the platform's job.</summary>
public static class SearchRun
{
    /// <param name="source">Where the images come from when <c>spec.Dataset</c> is not a built-in (a registered data set,
    /// or a local folder); its name must be the spec's data set. Null = the built-in of that name.</param>
    public static RunOutcome Run(SearchSpec spec, IRunStore store, IProgress<StepProgress>? progress, CancellationToken cancellationToken,
        DatasetSource? source = null)
    {
        spec.EnsureValid(RunSources.KnownNames(spec.Dataset, source));
        ComputeDevice.ApplyThreads(spec.Threads);
        using var memory = JobMemory.Begin();
        using var data = SearchData.Load(spec, source);
        using var loop = new SearchLoop(spec, data, ComputeDevice.Select()) { HostProcessBytes = memory.HostBytes };
        return loop.Run(store, progress, cancellationToken);
    }
}
