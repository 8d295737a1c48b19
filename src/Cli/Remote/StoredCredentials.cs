using System.Text.Json;

namespace PcDarts.Cli.Remote;

/// <summary>
/// What `pcdarts login` keeps: the server and a personal token, in $XDG_CONFIG_HOME/pcdarts/credentials (else
/// ~/.config/pcdarts/credentials), readable by its owner only (0600, in a 0700 folder) since the token signs in as them.
/// </summary>
internal sealed record StoredCredentials(string Server, string Token, Guid? TokenId = null)
{
    public const string ConfigVariable = "XDG_CONFIG_HOME";

    public static string FilePath
    {
        get
        {
            var config = Environment.GetEnvironmentVariable(ConfigVariable) is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            return Path.Combine(config, "pcdarts", "credentials");
        }
    }

    /// <summary>Null when nobody signed in (no file); a file that cannot be read is a usage error naming it.</summary>
    public static StoredCredentials? Load()
    {
        var path = FilePath;
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<StoredCredentials>(File.ReadAllText(path), ExperimentsClient.Json) is { Server.Length: > 0, Token.Length: > 0 } stored
                ? stored
                : throw new JsonException("server or token missing");
        }
        catch (JsonException e)
        {
            throw new CommandLine.CliUsageException($"{path} is not a credentials file ({e.Message}): run pcdarts logout, then pcdarts login");
        }
    }

    /// <summary>Replaces the file; it is created 0600, never readable by others even for a moment.</summary>
    public void Save()
    {
        var path = FilePath;
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, this, ExperimentsClient.Json);
    }

    public static bool Delete()
    {
        if (!File.Exists(FilePath)) return false;
        File.Delete(FilePath);
        return true;
    }
}
