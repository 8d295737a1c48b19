namespace PcDarts.Cli.Remote;

/// <summary>What the client verbs exit with, for CI scripts.</summary>
internal static class ExitCodes
{
    public const int Succeeded = 0;
    /// <summary>The experiment ended failed or cancelled.</summary>
    public const int Failed = 1;
    /// <summary>A wrong flag or value, or a request the server refused with 400 (the field is named) or 404.</summary>
    public const int Usage = CommandLine.CommandLineApp.UsageExitCode;
    public const int Timeout = 3;
    /// <summary>The server could not be reached, or answered with an error of its own (5xx).</summary>
    public const int ServerError = 4;
    /// <summary>Not signed in (401: no token, or a revoked or expired one) or the role may not do it (403).</summary>
    public const int NotAllowed = 5;
}
