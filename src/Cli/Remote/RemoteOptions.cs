using System.CommandLine;
using PcDarts.Cli.CommandLine;

namespace PcDarts.Cli.Remote;

/// <summary>
/// --server and --token, which every remote verb takes. Each is taken from its flag, else its environment variable, else
/// what `pcdarts login` stored; the stored token goes only to the stored server, never to another one.
/// </summary>
internal sealed class RemoteOptions
{
    public Option<string?> Server { get; } = ServerOption.Create();
    public Option<string?> Token { get; } =
        CliOption.Text("--token", $"a personal API token (default: ${TokenVariable.Name}, else the one 'pcdarts login' stored)", "TOKEN");

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
    }

    public ExperimentsClient Connect(ParseResult r, string command) => ExperimentsClient.For(Resolve(r.GetValue(Server), r.GetValue(Token), command));

    public static Connection Resolve(string? server, string? token, string command)
    {
        var stored = StoredCredentials.Load();
        var uri = ServerOption.Resolve(server ?? Environment.GetEnvironmentVariable(ServerOption.Variable) ?? stored?.Server, command);
        var storedToken = stored is not null && ServerOption.Resolve(stored.Server, command) == uri ? stored.Token : null;
        return new Connection(uri, Trimmed(token) ?? TokenVariable.Read() ?? storedToken);
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Where the verbs send their requests, and the bearer token they send (none: the server answers 401).</summary>
internal sealed record Connection(Uri Server, string? Token);
