using System.Security.Cryptography;
using Npgsql;

namespace PcDarts.Persistence.Local;

/// <summary>
/// Who may connect to a private cluster, and as whom. Every connection needs a password (scram-sha-256 in pg_hba.conf;
/// no TCP listener at all), kept in 0600 files beside the data folder, and the socket folder is 0700: no other local user
/// gets in. The platform connects as <see cref="PlatformRole"/>, which owns its database and may create databases (tests
/// make one each) but is no superuser, so SQL it is tricked into running cannot reach the server's files or programs
/// (<c>COPY … TO PROGRAM</c>). The superuser <c>postgres</c> is used only here, to set that up.
/// </summary>
internal static class LocalPostgresAccess
{
    public const string Superuser = "postgres";
    public const string PlatformRole = "pcdarts";
    public const string SuperuserPasswordFile = "superuser-password";
    public const string PlatformPasswordFile = "password";
    private const string HbaRules = """
        # Written by PcDarts: only the unix socket (in a 0700 folder), and every role needs its password.
        local all all scram-sha-256

        """;

    /// <summary>The password in <paramref name="folder"/>/<paramref name="file"/>, made (32 random bytes, 0600) the first time it is asked for.</summary>
    public static string Password(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(folder);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream)) writer.Write(password);
        return password;
    }

    /// <summary>A cluster made by an older version still lets anyone in without a password (trust).</summary>
    public static bool TrustsAnyone(string dataDir) =>
        File.ReadAllLines(Path.Combine(dataDir, "pg_hba.conf"))
            .Select(l => l.Split('#')[0].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Any(fields => fields.Length > 0 && fields[^1] == "trust");

    /// <summary>
    /// Run as the superuser on every start (each step is idempotent): the passwords match the files, the platform role
    /// exists without superuser rights and owns <paramref name="database"/> and everything in it, and pg_hba.conf asks for
    /// passwords. An older cluster (trust, objects owned by postgres) is brought to this state on its first start.
    /// </summary>
    public static async Task SecureAsync(string superuserConnectionString, string folder, string dataDir, string database, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(superuserConnectionString);
        await conn.OpenAsync(ct);
        // Hex passwords: nothing to escape.
        await ExecuteAsync(conn, $"ALTER ROLE {Superuser} PASSWORD '{Password(folder, SuperuserPasswordFile)}'", ct);
        var platformPassword = Password(folder, PlatformPasswordFile);
        var exists = await ScalarAsync(conn, $"SELECT 1 FROM pg_roles WHERE rolname = '{PlatformRole}'", ct) is not null;
        await ExecuteAsync(conn, $"{(exists ? "ALTER" : "CREATE")} ROLE {PlatformRole} LOGIN CREATEDB NOSUPERUSER NOCREATEROLE PASSWORD '{platformPassword}'", ct);

        var owner = await ScalarAsync(conn, $"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '{database}'", ct) as string;
        if (owner is null) await ExecuteAsync(conn, $"CREATE DATABASE \"{database}\" OWNER {PlatformRole}", ct);
        else if (owner != PlatformRole)
        {
            await ExecuteAsync(conn, $"ALTER DATABASE \"{database}\" OWNER TO {PlatformRole}", ct);
            await using var inDatabase = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = database }.ConnectionString);
            await inDatabase.OpenAsync(ct);
            await ExecuteAsync(inDatabase, HandOverObjects, ct);
        }

        if (TrustsAnyone(dataDir))
        {
            await File.WriteAllTextAsync(Path.Combine(dataDir, "pg_hba.conf"), HbaRules, ct);
            await ExecuteAsync(conn, "SELECT pg_reload_conf()", ct);
        }
    }

    /// <summary>Tables, views, sequences not owned by a column, and schemas made by postgres before the platform role existed.</summary>
    private const string HandOverObjects = $"""
        DO $$ DECLARE r record; BEGIN
          FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname NOT IN ('information_schema', 'public')
                   AND pg_get_userbyid(nspowner) = '{Superuser}' LOOP
            EXECUTE format('ALTER SCHEMA %I OWNER TO {PlatformRole}', r.nspname);
          END LOOP;
          FOR r IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                   AND pg_get_userbyid(c.relowner) = '{Superuser}'
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) LOOP
            EXECUTE format('ALTER %s %I.%I OWNER TO {PlatformRole}',
              CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.nspname, r.relname);
          END LOOP;
        END $$;
        """;

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync(ct);
    }
}
