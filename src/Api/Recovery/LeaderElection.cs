using Npgsql;

namespace PcDarts.Api.Recovery;

/// <summary>
/// One API instance at a time acts as the reaper: the one holding a session-level PostgreSQL advisory lock on a
/// connection it keeps open. When that connection breaks (an outage, the instance dies) the lock is released by the
/// server and the next instance to try takes over.
/// </summary>
internal sealed class LeaderElection(string connectionString) : IAsyncDisposable
{
    /// <summary>Any fixed number, the same in every instance: "pcdarts reaper".</summary>
    private const long LockKey = 0x7063_6461_7274_7301;

    private NpgsqlConnection? _connection;

    public async Task<bool> TryLeadAsync(CancellationToken ct)
    {
        try
        {
            if (_connection is not null)
            {
                await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                await ping.ExecuteScalarAsync(ct);
                return true;
            }
            // Its own pool: the lock's connection must not be one the request pool is waiting for.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(ct);
            await using var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection);
            if (await tryLock.ExecuteScalarAsync(ct) is true)
            {
                _connection = connection;
                return true;
            }
            await connection.DisposeAsync();
            return false;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }
}
