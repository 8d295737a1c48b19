using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Api.Auth;

namespace PcDarts.Api.Tests.Auth;

/// <summary>The embedded default's first admin: a generated password, in a file only its owner can read, that signs in.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BootstrapTests(PostgresCluster cluster)
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Without_configured_credentials_the_embedded_default_writes_a_generated_admin_password_0600()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pcdarts-bootstrap-{Guid.NewGuid():N}");
        try
        {
            await using var factory = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
            await using var api = factory.WithWebHostBuilder(b =>
            {
                b.UseSetting("PcDarts:Auth:AdminEmail", "");
                b.UseSetting("PcDarts:Auth:AdminPassword", "");
                b.UseSetting("PcDarts:Auth:AdminToken", "");
                b.ConfigureTestServices(s => s.AddSingleton(new BootstrapFolder(folder)));
            });
            using var client = api.CreateClient();
            client.UseToken(null);

            var file = Path.Combine(folder, AdminBootstrap.PasswordFileName);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            var password = (await File.ReadAllTextAsync(file)).Trim();
            var login = await client.PostAsJsonAsync("/api/auth/login", new { email = AdminBootstrap.EmbeddedAdminEmail, password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
