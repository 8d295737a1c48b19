using Hangfire.Server;

namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// The Hangfire job id of the job running on this thread, for <see cref="ExperimentJob"/>: a job runs only when it is
/// its experiment's current job, which makes a duplicate (a re-dispatch, a job replaced by the reaper) harmless.
/// Hangfire calls a server filter's OnPerforming and then the job on the same worker thread, so the id set here flows
/// into the job; the job's interface (in Core) stays free of Hangfire types.
/// </summary>
public sealed class CurrentJob : IServerFilter
{
    private static readonly AsyncLocal<string?> Id = new();

    public static string? JobId => Id.Value;

    public void OnPerforming(PerformingContext context) => Id.Value = context.BackgroundJob.Id;

    public void OnPerformed(PerformedContext context) => Id.Value = null;
}
