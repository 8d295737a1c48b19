namespace PcDarts.SearchRunner.Cli.Remote;

/// <summary>--server URL, or the PCDARTS_SERVER environment variable.</summary>
internal static class ServerArgument
{
    public const string Variable = "PCDARTS_SERVER";

    public static Uri Resolve(CommandArguments args)
    {
        var text = args.Text("--server") ?? Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
            throw new CliUsageException($"'pcdarts {args.Verb}' needs --server URL (or {Variable})");
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CliUsageException($"--server: expected an http:// or https:// URL, got '{text}'");
        return uri;
    }

    public static Guid ExperimentId(CommandArguments args, string usage)
    {
        args.ExpectPositionals(1, usage);
        return Guid.TryParse(args.Positionals[0], out var id)
            ? id
            : throw new CliUsageException($"expected an experiment id (a GUID), got '{args.Positionals[0]}'");
    }

    /// <summary>--timeout SECONDS (null: wait as long as it takes).</summary>
    public static TimeSpan? Timeout(CommandArguments args)
    {
        if (args.Double("--timeout") is not { } seconds) return null;
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new CliUsageException($"--timeout: must be a positive number of seconds, got {seconds}");
    }
}
