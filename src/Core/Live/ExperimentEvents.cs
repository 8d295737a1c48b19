using PcDarts.Core.Metrics;

namespace PcDarts.Core.Live;

/// <summary>A finished epoch: the same fields as a metrics row. <see cref="EpochMetrics.Epoch"/> lets a client that reconnects ask for what it missed.</summary>
public sealed record EpochCompletedEvent(Guid ExperimentId, EpochMetrics Metrics);

/// <summary>Where the architecture stood after an epoch: softmaxed α (edges × ops), node-normalized β (null when edge normalization is off), and the derived genotype in DARTS text.</summary>
public sealed record ArchitectureUpdatedEvent(
    Guid ExperimentId, int Epoch, float[][] AlphasNormal, float[][] AlphasReduce, float[]? BetasNormal, float[]? BetasReduce, string Genotype);

/// <summary>Status is one of queued, running, succeeded, failed, cancelled; <see cref="EpochsCompleted"/> tells how far the run got.</summary>
public sealed record StatusChangedEvent(Guid ExperimentId, string Status, string? Error, int EpochsCompleted);

public sealed record LogLineEvent(Guid ExperimentId, DateTimeOffset At, string Level, string Text);

/// <summary>What the experiments hub sends; one method per event, so hub code is strongly typed.</summary>
public interface IExperimentClient
{
    Task EpochCompleted(EpochCompletedEvent e);
    Task ArchitectureUpdated(ArchitectureUpdatedEvent e);
    Task StatusChanged(StatusChangedEvent e);
    Task LogLine(LogLineEvent e);
}

/// <summary>
/// Live events of experiments inside one API process, fed by PostgreSQL LISTEN: the SignalR hub relays them to
/// browsers and CI clients, and server-side dashboard components subscribe to them directly.
/// </summary>
public interface IExperimentEventStream
{
    /// <summary>Calls <paramref name="client"/> for every event of one experiment until the result is disposed.</summary>
    IDisposable Subscribe(Guid experimentId, IExperimentClient client);

    /// <summary>Calls <paramref name="client"/> for every event of every experiment (lists, runner views).</summary>
    IDisposable SubscribeAll(IExperimentClient client);
}
