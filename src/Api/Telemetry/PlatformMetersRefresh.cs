using Microsoft.EntityFrameworkCore;
using PcDarts.Persistence;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Api.Telemetry;

/// <summary>Keeps <see cref="PlatformMeters"/>' snapshot fresh; a database outage leaves the last snapshot in place.</summary>
internal sealed class PlatformMetersRefresh(PlatformMeters meters, IDbContextFactory<PcDartsDbContext> contexts, TimeProvider clock, ILogger<PlatformMetersRefresh> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outage = new OutageLog(logger, "Platform meters", clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
                    await meters.RefreshAsync(db, clock.GetUtcNow(), stoppingToken);
                outage.Succeeded();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // During an outage, or before the first migration made the tables: keep the last numbers.
                outage.Failed(e);
            }
            try { await Task.Delay(PlatformMeters.RefreshInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
