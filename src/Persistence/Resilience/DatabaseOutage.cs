using Microsoft.Extensions.Logging;

namespace PcDarts.Persistence.Resilience;

/// <summary>
/// Runs a piece of database work until it succeeds, waiting out transient failures (PostgreSQL restarting, a broken
/// pooled connection) with <see cref="OutageLog"/>'s backoff and logging. Anything else is thrown at once, and so is
/// <paramref name="ct"/>'s cancellation: the wait is bounded by whoever owns the token (a host's stop, a job's cancel).
/// </summary>
public static class DatabaseOutage
{
    public static async Task<T> WaitOutAsync<T>(Func<CancellationToken, Task<T>> work, ILogger logger, string what, TimeProvider clock, CancellationToken ct)
    {
        var outage = new OutageLog(logger, what, clock);
        while (true)
        {
            try
            {
                var result = await work(ct);
                outage.Succeeded();
                return result;
            }
            catch (Exception e) when (TransientErrors.IsTransient(e) && !ct.IsCancellationRequested)
            {
                await Task.Delay(outage.Failed(e), clock, ct);
            }
        }
    }

    public static Task WaitOutAsync(Func<CancellationToken, Task> work, ILogger logger, string what, TimeProvider clock, CancellationToken ct) =>
        WaitOutAsync<bool>(async c => { await work(c); return true; }, logger, what, clock, ct);

    /// <summary>The same for synchronous callers (the engine's thread).</summary>
    public static T WaitOut<T>(Func<int, T> work, ILogger logger, string what, TimeProvider clock, CancellationToken ct)
    {
        var outage = new OutageLog(logger, what, clock);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = work(attempt);
                outage.Succeeded();
                return result;
            }
            catch (Exception e) when (TransientErrors.IsTransient(e) && !ct.IsCancellationRequested)
            {
                ct.WaitHandle.WaitOne(outage.Failed(e));
                ct.ThrowIfCancellationRequested();
            }
        }
    }
}
