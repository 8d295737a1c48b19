using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;

namespace PcDarts.Persistence.Local;

public sealed record LocalPostgresOptions
{
    /// <summary>Folder that holds the cluster (data/), its socket folder and its log; created when missing.</summary>
    public required string Folder { get; init; }
    public string Database { get; init; } = "pcdarts";
    /// <summary>Folder with initdb and pg_ctl; null = the newest /usr/lib/postgresql/N/bin.</summary>
    public string? BinDirectory { get; init; }
    /// <summary>Skip fsync: for throw-away test clusters only, never for data that should survive a power cut.</summary>
    public bool Durable { get; init; } = true;
}

/// <summary>
/// A private PostgreSQL cluster for the embedded default and the tests: created with initdb on first start, reused
/// (data and all) on the next, listening only on a unix socket in a folder of its own (no TCP port to collide with
/// another server), stopped on dispose when this instance started it. Since the socket's path is fixed by the folder,
/// <see cref="ConnectionStringFor"/> is known before the server runs, so a host can register everything that uses the
/// database and start the server later, asynchronously. As root, initdb and pg_ctl refuse to run, so they run as the
/// <c>postgres</c> user through runuser, which then owns the folder. Who may connect: <see cref="LocalPostgresAccess"/>.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly LocalPostgresOptions _options;
    private readonly string _bin;
    private bool _startedHere;

    private LocalPostgres(LocalPostgresOptions options, string bin)
    {
        _options = options;
        _bin = bin;
    }

    /// <summary>
    /// The port only names the socket file (.s.PGSQL.5432) inside the private socket folder; with
    /// <c>listen_addresses=''</c> nothing listens on TCP, so a system server on 5432 is no conflict.
    /// </summary>
    private const int SocketPort = 5432;

    /// <summary>
    /// Room for every process's pool at once: Npgsql pools up to 100 connections per connection string, the API host's
    /// EF Core and Hangfire share one, each runner process (or test host) has its own; PostgreSQL's default of 100
    /// would refuse the API's full pool plus anyone else's.
    /// </summary>
    public const int MaxConnections = 400;

    /// <summary>As the platform's role (no superuser), which owns the database and may create more.</summary>
    public string ConnectionString => ConnectionStringFor(_options);
    private string DataDir => Path.Combine(_options.Folder, "data");
    private string SocketDir => Path.Combine(_options.Folder, "socket");
    private string LogFile => Path.Combine(_options.Folder, "postgres.log");

    /// <summary>
    /// The connection string of the cluster in <paramref name="options"/>' folder, whether it runs yet or not, as the
    /// platform's role; its password is made (in the folder, 0600) the first time it is asked for.
    /// </summary>
    public static string ConnectionStringFor(LocalPostgresOptions options)
    {
        var folder = Path.GetFullPath(options.Folder);
        return Build(folder, options.Database, LocalPostgresAccess.PlatformRole, LocalPostgresAccess.Password(folder, LocalPostgresAccess.PlatformPasswordFile), pooling: true);
    }

    private string SuperuserConnectionString => Build(_options.Folder, "postgres", LocalPostgresAccess.Superuser,
        LocalPostgresAccess.Password(_options.Folder, LocalPostgresAccess.SuperuserPasswordFile), pooling: false);

    private static string Build(string folder, string database, string user, string password, bool pooling) => new NpgsqlConnectionStringBuilder
    {
        Host = Path.Combine(folder, "socket"), Port = SocketPort, Username = user, Password = password, Database = database, Pooling = pooling,
    }.ConnectionString;

    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(options.Folder);
        var pg = new LocalPostgres(options with { Folder = folder }, FindBinaries(options.BinDirectory));
        await pg.StartCoreAsync(cancellationToken);
        return pg;
    }

    /// <summary>The server binaries, or an exception that says what to install.</summary>
    public static string FindBinaries(string? configured = null)
    {
        static bool Has(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));
        if (configured is not null)
            return Has(configured) ? configured : throw new LocalPostgresUnavailableException(
                $"No initdb/pg_ctl in '{configured}'. Point it at a PostgreSQL server's bin folder, or set ConnectionStrings__Postgres to an existing server.");
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(c => Has(c.Bin)).OrderByDescending(c => c.Version).Select(c => c.Bin).ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new LocalPostgresUnavailableException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
            "Install them (Debian/Ubuntu: `apt-get install -y postgresql`), or set ConnectionStrings__Postgres " +
            "to a server you already run.");
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.Folder);
        // Only the cluster's owner may enter the socket folder (root, which starts it as postgres, passes anyway).
        Directory.CreateDirectory(SocketDir);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(SocketDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        LocalPostgresAccess.Password(_options.Folder, LocalPostgresAccess.SuperuserPasswordFile);
        LocalPostgresAccess.Password(_options.Folder, LocalPostgresAccess.PlatformPasswordFile);
        if (IsRoot) await RunAsync("chown", ["-R", $"{ServiceUser}:", _options.Folder], asServiceUser: false, cancellationToken);

        if (!File.Exists(Path.Combine(DataDir, "PG_VERSION")))
            await RunAsync(Path.Combine(_bin, "initdb"),
                ["-D", DataDir, "-U", LocalPostgresAccess.Superuser, "--auth=scram-sha-256",
                 $"--pwfile={Path.Combine(_options.Folder, LocalPostgresAccess.SuperuserPasswordFile)}", "--encoding=UTF8", "--no-locale", "--no-instructions"],
                asServiceUser: true, cancellationToken);

        var runningPort = RunningPort();
        // A server left running by an earlier process on this folder is reused as it is, unless it listens elsewhere.
        if (runningPort is not null and not SocketPort) await StopServerAsync();
        if (runningPort is not SocketPort)
        {
            var serverOptions = $"-p {SocketPort} -k {SocketDir} -c listen_addresses='' -c unix_socket_permissions=0700 -c max_connections={MaxConnections}" +
                (_options.Durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDir, "-l", LogFile, "-w", "-t", "60", "-o", serverOptions, "start"],
                asServiceUser: true, cancellationToken);
            _startedHere = true;
        }

        try
        {
            await LocalPostgresAccess.SecureAsync(SuperuserConnectionString, _options.Folder, DataDir, _options.Database, cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new LocalPostgresUnavailableException(
                $"The private PostgreSQL in {_options.Folder} refused its own setup ({e.MessageText}). If the cluster was made elsewhere, " +
                $"move {_options.Folder} aside and start again to get a new one (export its data first with pg_dump).");
        }
    }

    /// <summary>The port of a server already running on this data folder (postmaster.pid line 4), if any.</summary>
    private int? RunningPort()
    {
        var pidFile = Path.Combine(DataDir, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        try { using var p = Process.GetProcessById(pid); return p.HasExited ? null : port; }
        catch (ArgumentException) { return null; } // stale pid file after a crash: pg_ctl start handles it
    }

    public async ValueTask DisposeAsync()
    {
        if (!_startedHere) return;
        _startedHere = false;
        NpgsqlConnection.ClearAllPools();
        await StopServerAsync();
    }

    private Task StopServerAsync() =>
        RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDir, "-m", "fast", "-w", "stop"], asServiceUser: true, CancellationToken.None);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    private static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asServiceUser, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asServiceUser && IsRoot)
        {
            psi.FileName = "runuser";
            foreach (var a in (string[])["-u", ServiceUser, "--", file]) psi.ArgumentList.Add(a);
        }
        else psi.FileName = file;
        foreach (var a in args) psi.ArgumentList.Add(a);
        // pg_ctl's server inherits these pipes; reading to the end would wait for the server to exit, so don't redirect them there.
        if (file.EndsWith("pg_ctl")) { psi.RedirectStandardOutput = false; psi.RedirectStandardError = false; }

        using var process = Process.Start(psi) ?? throw new LocalPostgresUnavailableException($"could not start {file}");
        var stdout = psi.RedirectStandardOutput ? process.StandardOutput.ReadToEndAsync(cancellationToken) : Task.FromResult("");
        var stderr = psi.RedirectStandardError ? process.StandardError.ReadToEndAsync(cancellationToken) : Task.FromResult("");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new LocalPostgresUnavailableException(
                $"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
    }
}

public sealed class LocalPostgresUnavailableException(string message) : Exception(message);
