using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using PcDarts.Persistence.Local;

namespace PcDarts.Api.Tests;

/// <summary>With no connection string, the host starts its own PostgreSQL while it starts, and stops it when it stops.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task Without_a_connection_string_the_api_serves_from_a_private_postgres_that_stops_with_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pcdarts-embedded-{Guid.NewGuid():N}");
        var pidFile = Path.Combine(folder, "postgres", "data", "postmaster.pid");
        try
        {
            await using (var api = new EmbeddedApi(folder))
            {
                using var client = api.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
                await SignInAsync(client, folder);
                var created = await client.PostAsJsonAsync("/api/experiments/search", new { name = "kept", spec = Specs.TinySearch() });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                Assert.True(File.Exists(pidFile), "the cluster runs from the data folder");
            }
            // The test host stops waiting for a slow graceful stop after a few seconds (the runner hands its job back
            // first); PostgreSQL goes down at the end of that stop, so allow it the host's own shutdown time.
            var stopped = Stopwatch.StartNew();
            while (File.Exists(pidFile) && stopped.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(200);
            Assert.False(File.Exists(pidFile), "PostgreSQL is stopped once the host has stopped");

            // The next start reuses the cluster, data and all.
            await using (var again = new EmbeddedApi(folder))
            {
                using var client = again.CreateClient();
                await SignInAsync(client, folder);
                var page = await client.GetFromJsonAsync<JsonElement>("/api/experiments");
                Assert.Equal("kept", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_private_postgres_lets_in_only_the_platform_role_with_its_password_and_answers_only_local_host_names()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pcdarts-embedded-{Guid.NewGuid():N}");
        try
        {
            await using var api = new EmbeddedApi(folder);
            using var client = api.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

            using var evil = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { Host = "evil.example" } };
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(evil)).StatusCode);
            using var local = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { Host = "127.0.0.1:5080" } };
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(local)).StatusCode);

            var cluster = Path.Combine(folder, "postgres");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(cluster, "socket")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(cluster, "password")));

            var platform = new NpgsqlConnectionStringBuilder(LocalPostgres.ConnectionStringFor(new LocalPostgresOptions { Folder = cluster })) { Pooling = false };
            await using (var conn = new NpgsqlConnection(platform.ConnectionString))
            {
                await conn.OpenAsync();
                await using var who = new NpgsqlCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", conn);
                Assert.Equal(false, await who.ExecuteScalarAsync());
            }
            foreach (var user in new[] { "pcdarts", "postgres" })
            {
                var noPassword = new NpgsqlConnectionStringBuilder(platform.ConnectionString) { Username = user, Password = null };
                await using var conn = new NpgsqlConnection(noPassword.ConnectionString);
                await Assert.ThrowsAnyAsync<NpgsqlException>(() => conn.OpenAsync());
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>As the first admin, whose generated password the embedded default leaves beside its cluster.</summary>
    private static async Task SignInAsync(HttpClient client, string folder)
    {
        var password = (await File.ReadAllTextAsync(Path.Combine(folder, PcDarts.Api.Auth.AdminBootstrap.PasswordFileName))).Trim();
        client.UseToken(await TestUsers.LoginAsync(client, PcDarts.Api.Auth.AdminBootstrap.EmbeddedAdminEmail, password));
    }

    private sealed class EmbeddedApi(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Postgres", "");
            builder.UseSetting("PcDarts:DataFolder", folder);
            builder.UseSetting("PcDarts:EmbeddedRunner", "false");
            builder.UseSetting("PcDarts:WelcomeSearch", "false");
        }
    }
}
