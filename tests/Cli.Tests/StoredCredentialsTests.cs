using PcDarts.Cli.Remote;

namespace PcDarts.Cli.Tests;

/// <summary>These tests set process-wide environment variables: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "environment";
}

/// <summary>What `pcdarts login` stores, where, readable by whom, and which token a verb then sends where.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class StoredCredentialsTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"pcdarts-config-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string?> _saved = [];

    public StoredCredentialsTests()
    {
        foreach (var name in new[] { StoredCredentials.ConfigVariable, TokenVariable.Name, ServerOption.Variable })
            _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(StoredCredentials.ConfigVariable, _config);
        Environment.SetEnvironmentVariable(TokenVariable.Name, null);
        Environment.SetEnvironmentVariable(ServerOption.Variable, null);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_file_lies_under_XDG_CONFIG_HOME_readable_by_its_owner_only()
    {
        new StoredCredentials("http://127.0.0.1:5080/", "pcd_stored", Guid.NewGuid()).Save();
        Assert.Equal(Path.Combine(_config, "pcdarts", "credentials"), StoredCredentials.FilePath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StoredCredentials.FilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_config, "pcdarts")));
        Assert.Equal("pcd_stored", StoredCredentials.Load()!.Token);

        // Saved again over a file someone loosened: back to 0600.
        File.SetUnixFileMode(StoredCredentials.FilePath, (UnixFileMode)0b110_100_100);
        new StoredCredentials("http://127.0.0.1:5080/", "pcd_second").Save();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StoredCredentials.FilePath));
        Assert.True(StoredCredentials.Delete());
        Assert.Null(StoredCredentials.Load());
    }

    [Fact]
    public void The_token_comes_from_the_flag_else_the_environment_else_the_file_and_the_stored_server_is_the_default()
    {
        new StoredCredentials("http://stored.example:5080/", "pcd_stored").Save();
        Assert.Equal(new Connection(new Uri("http://stored.example:5080/"), "pcd_stored"), RemoteOptions.Resolve(null, null, "pcdarts list"));

        Environment.SetEnvironmentVariable(TokenVariable.Name, "pcd_env");
        Assert.Equal("pcd_env", RemoteOptions.Resolve(null, null, "pcdarts list").Token);
        Assert.Equal("pcd_flag", RemoteOptions.Resolve(null, "pcd_flag", "pcdarts list").Token);

        // The stored token belongs to the stored server: another server never gets it.
        Environment.SetEnvironmentVariable(TokenVariable.Name, null);
        var other = RemoteOptions.Resolve("http://other.example", null, "pcdarts list");
        Assert.Equal(new Uri("http://other.example/"), other.Server);
        Assert.Null(other.Token);
    }

    [Fact]
    public void Without_a_server_anywhere_the_error_says_to_log_in()
    {
        var message = Assert.Throws<CommandLine.CliUsageException>(() => RemoteOptions.Resolve(null, null, "pcdarts list")).Message;
        Assert.Contains("pcdarts login --server URL", message);
        Assert.Contains("--token", string.Join(' ', ClientCommandLine.Create().Parse(["list", "--token", "pcd_x"]).Tokens.Select(t => t.Value)));
        Assert.Empty(ClientCommandLine.Create().Parse(["login", "--server", "http://x", "--email", "a@b.c"]).Errors);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        try { Directory.Delete(_config, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
