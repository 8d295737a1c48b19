using Npgsql;

namespace PcDarts.Api.Live;

/// <summary>How the API listens to PostgreSQL for live events.</summary>
internal sealed record LiveEventsOptions(string ConnectionString)
{
    public TimeSpan MinReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>A LISTEN try is one connection, cheap: live updates resume within seconds of the database's return.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = PcDarts.Persistence.Resilience.OutageLog.MaxDelay;
    /// <summary>How long the host's start waits for the first LISTEN before serving anyway.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The listening connection stays out of the pool (a pooled connection is reset, which would UNLISTEN), and
    /// sends keepalives so that a silently dropped connection is noticed while waiting.
    /// </summary>
    public static LiveEventsOptions For(string connectionString) => new(new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        KeepAlive = 15,
        ApplicationName = "pcdarts-api-live",
    }.ConnectionString);
}
