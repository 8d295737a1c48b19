namespace PcDarts.Core.Jobs;

/// <summary>
/// The queued unit of work: run (or resume) one stored experiment. The API enqueues it by this interface, so it
/// needs no reference to the engine; a runner node resolves the implementation. It may run more than once for one
/// experiment (a runner died), so implementations resume instead of starting over.
/// </summary>
public interface IExperimentJob
{
    Task RunAsync(Guid experimentId, CancellationToken cancellationToken);
}

public static class JobQueues
{
    public const string Cpu = "cpu";
    public const string Gpu = "gpu";

    public static IReadOnlyList<string> All { get; } = [Cpu, Gpu];
}
