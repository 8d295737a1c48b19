using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>The one entry point of a search, shared by the CLI and the platform's job.</summary>
public static class SearchRun
{
    /// <param name="source">Where the spec's data set lies when it is not a built-in (a platform-registered set); null for a built-in.</param>
    public static RunOutcome Run(SearchSpec spec, IRunStore store, IProgress<StepProgress>? progress, CancellationToken cancellationToken, DatasetSource? source = null)
    {
        spec.EnsureValid(source is null ? null : [.. DatasetNames.All, source.Name]);
        ComputeDevice.ApplyThreads(spec.Threads);
        using var data = SearchData.Load(spec, source);
        using var loop = new SearchLoop(spec, data, ComputeDevice.Select());
        return loop.Run(store, progress, cancellationToken);
    }
}
