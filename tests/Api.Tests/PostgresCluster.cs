using Npgsql;
using PcDarts.Persistence.Local;

namespace PcDarts.Api.Tests;

/// <summary>One real private PostgreSQL cluster for the whole test run; each test gets a database of its own.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"pcdarts-tests-{Guid.NewGuid():N}");
    private LocalPostgres? _postgres;

    public async Task InitializeAsync() =>
        _postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions { Folder = _folder, Durable = false });

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(_postgres!.ConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
