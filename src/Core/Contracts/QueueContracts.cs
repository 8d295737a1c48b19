namespace PcDarts.Core.Contracts;

/// <summary>
/// One queue as the runners page and <c>GET /api/queues</c> show it: how many experiments wait, since when the oldest
/// does, and how many live runners serve it (and how many of those are busy).
/// </summary>
public sealed record QueueDto(string Name, int Depth, DateTimeOffset? OldestQueuedAt, int LiveRunners, int BusyRunners);
