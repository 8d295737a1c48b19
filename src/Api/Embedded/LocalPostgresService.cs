using PcDarts.Persistence.Local;

namespace PcDarts.Api.Embedded;

/// <summary>
/// The embedded default's private PostgreSQL as a hosted service. Registered before every other hosted service, it
/// starts first (asynchronously, while the host starts) and stops last: after the server, the dashboard's circuits,
/// the live listener and the runner (which puts its job back on the queue) are done with the database.
/// </summary>
internal sealed class LocalPostgresService(LocalPostgresOptions options, ILogger<LocalPostgresService> logger) : IHostedService
{
    private LocalPostgres? _postgres;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _postgres = await LocalPostgres.StartAsync(options, cancellationToken);
        logger.LogInformation("Private PostgreSQL running in {Folder}", options.Folder);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        _postgres = null;
    }
}
