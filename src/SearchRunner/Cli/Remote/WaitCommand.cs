namespace PcDarts.SearchRunner.Cli.Remote;

/// <summary>`pcdarts wait ID`: follow an experiment on the platform until it ends.</summary>
internal static class WaitCommand
{
    public const string Usage = """
        pcdarts wait ID --server URL [--timeout SECONDS] [--json] [--poll]

          --server URL          the PcDarts API (default: $PCDARTS_SERVER)
          --timeout SECONDS     give up after this long (exit code 3)
          --json                one JSON object per event on stdout: experiment, epochCompleted,
                                architectureUpdated, logLine, statusChanged (timeout, note)
          --poll                poll the REST API instead of following the live stream

        Follows the live stream at /hubs/experiments (polling the REST API when it cannot be reached), reporting
        every epoch once, in order. Exit codes: 0 succeeded, 1 failed or cancelled, 2 usage error or unknown id,
        3 timeout, 4 server unreachable or failing.
        """;

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("wait", rawArgs, ["--server", "--timeout"], ["--json", "--poll"]);
        var id = ServerArgument.ExperimentId(args, "pcdarts wait ID --server URL [--timeout SECONDS] [--json]");
        var server = ServerArgument.Resolve(args);
        var timeout = ServerArgument.Timeout(args);
        using var api = ExperimentsClient.For(server);
        return Follow(api, id, timeout, args.Has("--json"), useHub: !args.Has("--poll"));
    }

    public static int Follow(ExperimentsClient api, Guid id, TimeSpan? timeout, bool json, bool useHub)
    {
        var reporter = new WaitReporter(json);
        using var stop = new CancellationTokenSource();
        if (timeout is { } limit) stop.CancelAfter(limit);
        try
        {
            var status = new ExperimentFollower(api, reporter).FollowAsync(id, useHub, stop.Token).GetAwaiter().GetResult();
            return status == "succeeded" ? ExitCodes.Succeeded : ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            reporter.TimedOut(timeout!.Value);
            return ExitCodes.Timeout;
        }
    }
}
