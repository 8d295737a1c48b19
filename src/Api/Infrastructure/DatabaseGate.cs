namespace PcDarts.Api.Infrastructure;

/// <summary>The database is busy (not broken): the request may be repeated after <see cref="RetryAfter"/>.</summary>
public sealed class DatabaseBusyException(TimeSpan retryAfter, string message) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>
/// Bounds how many submissions write at once, well under the connection pool's size: a burst of requests waits here,
/// in order, for a few milliseconds each, instead of all grabbing connections at once and starving one another (and
/// Hangfire, which shares the pool) until the pool's timeout. A request that cannot get in within
/// <see cref="MaxWait"/> is answered 503 with Retry-After.
/// </summary>
public sealed class DatabaseGate
{
    public const int MaxConcurrent = 16;
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _slots = new(MaxConcurrent, MaxConcurrent);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!await _slots.WaitAsync(MaxWait, ct))
            throw new DatabaseBusyException(TimeSpan.FromSeconds(2), $"{MaxConcurrent} submissions are being written and more waited {MaxWait.TotalSeconds:F0} s: try again shortly");
        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
