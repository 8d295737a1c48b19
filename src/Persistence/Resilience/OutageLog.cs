using Microsoft.Extensions.Logging;

namespace PcDarts.Persistence.Resilience;

/// <summary>
/// What a background loop tells the log about a database outage: one warning when it starts, one information line
/// when it ends (with how long it lasted), nothing in between however often the loop retries. Also holds the loop's
/// capped exponential backoff, which starts again from the bottom after each outage.
/// </summary>
public sealed class OutageLog(ILogger logger, string what, TimeProvider clock)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    /// <summary>Short enough that the platform is back within seconds of the database (readiness, heartbeats, queued epochs).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    private DateTimeOffset? _since;
    private TimeSpan _delay = FirstDelay;

    public bool InOutage => _since is not null;

    /// <summary>Records a failure and returns how long to wait before the next try.</summary>
    public TimeSpan Failed(Exception e)
    {
        if (_since is null)
        {
            _since = clock.GetUtcNow();
            logger.LogWarning("{What}: the database is unreachable ({Error}); retrying until it returns", what, e.Message);
        }
        var delay = _delay;
        _delay = TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, MaxDelay.Ticks));
        return delay;
    }

    public void Succeeded()
    {
        _delay = FirstDelay;
        if (_since is not { } since) return;
        _since = null;
        logger.LogInformation("{What}: the database is back after {Seconds:F1} s", what, (clock.GetUtcNow() - since).TotalSeconds);
    }
}
