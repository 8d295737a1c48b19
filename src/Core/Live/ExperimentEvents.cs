using PcDarts.Core.Metrics;

namespace PcDarts.Core.Live;

/// <summary>One live event of one experiment; <see cref="SendTo"/> calls the matching <see cref="IExperimentClient"/> method.</summary>
public interface IExperimentEvent
{
    Guid ExperimentId { get; }
    Task SendTo(IExperimentClient client);
}

/// <summary>A finished epoch: the same fields as a metrics row. <see cref="EpochMetrics.Epoch"/> lets a client that reconnects ask for what it missed.</summary>
public sealed record EpochCompletedEvent(Guid ExperimentId, EpochMetrics Metrics) : IExperimentEvent
{
    public Task SendTo(IExperimentClient client) => client.EpochCompleted(this);
}

/// <summary>Where the architecture stood after an epoch: softmaxed α (edges × ops), node-normalized β (null when edge normalization is off), and the derived genotype in DARTS text.</summary>
public sealed record ArchitectureUpdatedEvent(
    Guid ExperimentId, int Epoch, float[][] AlphasNormal, float[][] AlphasReduce, float[]? BetasNormal, float[]? BetasReduce, string Genotype)
    : IExperimentEvent
{
    public Task SendTo(IExperimentClient client) => client.ArchitectureUpdated(this);
}

/// <summary>Status is one of queued, running, succeeded, failed, cancelled; <see cref="EpochsCompleted"/> tells how far the run got.</summary>
public sealed record StatusChangedEvent(Guid ExperimentId, string Status, string? Error, int EpochsCompleted) : IExperimentEvent
{
    public Task SendTo(IExperimentClient client) => client.StatusChanged(this);
}

/// <summary>
/// A line of the run's log ("epoch 3/50 done: …", "resumed after epoch 2 on runner gpu-1"); level is info, warning or error.
/// <see cref="Sequence"/> is the line's number in the stored log (GET /api/experiments/{id}/logs?after=N), so a client
/// that loaded the stored lines skips the live ones it already has.
/// </summary>
public sealed record LogLineEvent(Guid ExperimentId, DateTimeOffset At, string Level, string Text, long Sequence = 0) : IExperimentEvent
{
    public Task SendTo(IExperimentClient client) => client.LogLine(this);
}

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
/// <remarks>
/// Events are delivered one at a time, in the order PostgreSQL delivered them; a subscriber should return quickly
/// (a Blazor component: <c>InvokeAsync(StateHasChanged)</c>), since the next event waits for it. A subscriber that
/// throws is logged and stays subscribed.
/// </remarks>
public interface IExperimentEventStream
{
    /// <summary>Calls <paramref name="client"/> for every event of one experiment until the result is disposed.</summary>
    IDisposable Subscribe(Guid experimentId, IExperimentClient client);

    /// <summary>Calls <paramref name="client"/> for every event of every experiment (lists, runner views).</summary>
    IDisposable SubscribeAll(IExperimentClient client);

    /// <summary>
    /// Calls <paramref name="client"/> for the status changes and finished epochs of every member of one study, members
    /// added later (a retrain started when a search succeeds) included: a study page needs no list of ids to follow.
    /// </summary>
    IDisposable SubscribeStudy(Guid studyId, IExperimentClient client);

    /// <summary>True while this process hears PostgreSQL's notifications; while false, events are missed and a view must poll.</summary>
    bool Connected { get; }
}

/// <summary>What a client may call on the experiments hub (at <c>/hubs/experiments</c>); the hub implements it.</summary>
public interface IExperimentHub
{
    /// <summary>Join the experiment's group: its events follow until <see cref="Unsubscribe"/> or the connection ends.</summary>
    Task Subscribe(Guid experimentId);
    Task Unsubscribe(Guid experimentId);

    /// <summary>Join the study's group: status changes and finished epochs of all its members, present and future, follow.</summary>
    Task SubscribeStudy(Guid studyId);
    Task UnsubscribeStudy(Guid studyId);
}
