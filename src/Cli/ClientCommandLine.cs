using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Commands;
using PcDarts.Cli.Remote;

namespace PcDarts.Cli;

/// <summary>`pcdarts`: the client people and CI use to drive the platform over its REST API and live stream.</summary>
public static class ClientCommandLine
{
    public const string Name = "pcdarts";

    public static RootCommand Create() => new("pcdarts — the PcDarts client: queue searches and retrains, follow them, fetch what they found. " +
        $"Sign in once with 'pcdarts login --server URL'; or give every verb --server URL (or ${ServerOption.Variable}) and --token " +
        $"(or ${TokenVariable.Name}). Exit codes: 0 succeeded, 1 failed or cancelled, 2 usage error or a request the server refused " +
        "(the field is named), 3 timeout, 4 server unreachable, 5 not signed in or not allowed.")
    {
        LoginCommand.Create(),
        LogoutCommand.Create(),
        SubmitCommand.Create(),
        WaitCommand.Create(),
        GetCommand.Create(),
        ListCommand.Create(),
        DownloadCommand.Create(),
        CancelCommand.Create(),
        DeleteCommand.Create(),
        LogsCommand.Create(),
        ExportCommand.Create(),
        ExportCommand.CreateImport(),
    };

    public static int Run(string[] args) => CommandLineApp.Run(Name, Create(), args, Describe);

    /// <summary>What the server said, or that it could not be reached, as one line with its exit code.</summary>
    private static (string, int)? Describe(Exception e) => e switch
    {
        ServerProblemException problem => (problem.Message, problem.ExitCode),
        HttpRequestException http => ($"cannot reach the server: {http.Message}", ExitCodes.ServerError),
        TaskCanceledException { InnerException: TimeoutException } => ("the server did not answer in time", ExitCodes.ServerError),
        _ => null,
    };
}
