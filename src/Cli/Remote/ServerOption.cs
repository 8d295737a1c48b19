using System.CommandLine;
using PcDarts.Cli.CommandLine;

namespace PcDarts.Cli.Remote;

/// <summary>--server URL (else the PCDARTS_SERVER environment variable), the experiment ID argument and --timeout.</summary>
internal static class ServerOption
{
    public const string Variable = "PCDARTS_SERVER";

    public static Option<string?> Create() =>
        CliOption.Text("--server", $"the PcDarts API (default: ${Variable})", "URL");

    public static Uri Resolve(string? option, string command)
    {
        var text = option ?? Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
            throw new CliUsageException($"'{command}' needs --server URL (or {Variable}, or run pcdarts login --server URL once)");
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CliUsageException($"--server: expected an http:// or https:// URL, got '{text}'");
        return uri;
    }

    public static Argument<Guid> ExperimentId() => Id("experiment");

    public static Argument<Guid> StudyId() => Id("study");

    private static Argument<Guid> Id(string of) => new("ID")
    {
        Description = $"the {of}'s id",
        CustomParser = r =>
        {
            if (Guid.TryParse(r.Tokens[0].Value, out var id)) return id;
            r.AddError($"expected {(of == "experiment" ? "an" : "a")} {of} id (a GUID), got '{r.Tokens[0].Value}'");
            return Guid.Empty;
        },
    };

    public static Option<double?> Timeout(string description) =>
        CliOption.Number("--timeout", description, "SECONDS");

    /// <summary>--timeout SECONDS as a span (null: wait as long as it takes).</summary>
    public static TimeSpan? TimeoutSpan(double? seconds) => seconds switch
    {
        null => null,
        > 0 => TimeSpan.FromSeconds(seconds.Value),
        _ => throw new CliUsageException($"--timeout: must be a positive number of seconds, got {seconds}"),
    };
}
