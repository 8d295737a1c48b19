using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Npgsql;
using PcDarts.Persistence.Local;
using TorchSharp;

namespace PcDarts.E2E;

/// <summary>
/// The real platform for a browser: a private PostgreSQL cluster, the API with its embedded runner on a loopback port
/// (Kestrel, not the in-memory test server, since Chromium must connect), and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium with the launch arguments in docs/stack.md (Blazor and browser tests).</summary>
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>The first admin the platform bootstraps; the browser signs in as it, REST calls use its token.</summary>
    public const string AdminEmail = "admin@e2e.local";
    public const string AdminPassword = "e2e-admin-password";
    private const string AdminToken = "pcd_e2e-admin-token-0123456789abcdefghijklmnop";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"pcdarts-e2e-{Guid.NewGuid():N}");
    private LocalPostgres? _postgres;
    private Factory? _api;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where each page's screenshot lands: tests/E2E/bin/…/screenshots.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        _postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions { Folder = _folder, Durable = false });
        var connectionString = await CreateDatabaseAsync(_postgres.ConnectionString);

        _api = new Factory(connectionString);
        _api.UseKestrel(0);
        _api.StartServer();
        BaseAddress = _api.ClientOptions.BaseAddress;
        Api = new HttpClient { BaseAddress = BaseAddress };
        Api.DefaultRequestHeaders.Authorization = new("Bearer", AdminToken);

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(30_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A new browser context, signed in through the login page as the admin.</summary>
    public Task<IPage> NewPageAsync(int width = 1440, int height = 1000) => NewPageAsAsync(AdminEmail, AdminPassword, width, height);

    /// <summary>
    /// A new browser context, signed in through the login page as <paramref name="email"/>; every request it sends
    /// (the circuit's WebSocket too) carries <paramref name="headers"/>.
    /// </summary>
    public async Task<IPage> NewPageAsAsync(string email, string password, int width = 1440, int height = 1000, IDictionary<string, string>? headers = null)
    {
        var page = await NewAnonymousPageAsync(width, height, headers);
        await page.GotoAsync("/login");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    public async Task<IPage> NewAnonymousPageAsync(int width = 1440, int height = 1000, IDictionary<string, string>? headers = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            ExtraHTTPHeaders = headers,
        });
        // Two cores shared by the API, its runner and the browser: a page action may wait behind a training step.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    private static async Task<string> CreateDatabaseAsync(string clusterConnectionString)
    {
        var admin = new NpgsqlConnectionStringBuilder(clusterConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("CREATE DATABASE e2e", conn);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(clusterConnectionString) { Database = "e2e" }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        if (_api is not null) await _api.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class Factory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
            builder.UseSetting("PcDarts:EmbeddedRunner", "true");
            builder.UseSetting("PcDarts:Auth:AdminEmail", AdminEmail);
            builder.UseSetting("PcDarts:Auth:AdminPassword", AdminPassword);
            builder.UseSetting("PcDarts:Auth:AdminToken", AdminToken);
            // The browser stands in for a reverse proxy on loopback: a page that sends X-Forwarded-For is believed.
            builder.UseSetting("PcDarts:TrustedProxies", "127.0.0.1, ::1");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}

internal static class TorchTestSetup
{
    /// <summary>The embedded runner trains in this process: one torch thread (docs/stack.md, TorchSharp threads).</summary>
    [ModuleInitializer]
    internal static void UseOneThread() => torch.set_num_threads(1);
}
