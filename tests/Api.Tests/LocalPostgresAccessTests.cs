using Npgsql;
using PcDarts.Persistence.Local;

namespace PcDarts.Api.Tests;

/// <summary>A private cluster made by an older version (trust for everyone, an open socket folder) is locked on its next start.</summary>
public sealed class LocalPostgresAccessTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_trust_cluster_gets_passwords_scram_and_a_closed_socket_folder_on_its_next_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pcdarts-old-cluster-{Guid.NewGuid():N}");
        var options = new LocalPostgresOptions { Folder = folder, Durable = false };
        try
        {
            await using (await LocalPostgres.StartAsync(options)) { }
            // What an older version left: trust in pg_hba.conf, no password files, a socket folder anyone may enter.
            var hba = Path.Combine(folder, "data", "pg_hba.conf");
            await File.WriteAllTextAsync(hba, "local all all trust\n");
            File.Delete(Path.Combine(folder, "password"));
            File.Delete(Path.Combine(folder, "superuser-password"));
            File.SetUnixFileMode(Path.Combine(folder, "socket"), (UnixFileMode)0b111_111_111);

            await using var postgres = await LocalPostgres.StartAsync(options);
            Assert.DoesNotContain("trust", await File.ReadAllTextAsync(hba));
            Assert.Contains("scram-sha-256", await File.ReadAllTextAsync(hba));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(folder, "socket")));

            var platform = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false };
            await using (var conn = new NpgsqlConnection(platform.ConnectionString)) await conn.OpenAsync();
            var guessed = new NpgsqlConnectionStringBuilder(platform.ConnectionString) { Username = "postgres", Password = "postgres" };
            await using var superuser = new NpgsqlConnection(guessed.ConnectionString);
            Assert.Equal(PostgresErrorCodes.InvalidPassword, (await Assert.ThrowsAsync<PostgresException>(() => superuser.OpenAsync())).SqlState);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
