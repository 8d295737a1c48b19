using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;
using PcDarts.Core.Contracts;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts wait ID`: follow an experiment on the platform until it ends.</summary>
internal static class WaitCommand
{
    public static Command Create()
    {
        var id = ServerOption.ExperimentId();
        var remote = new RemoteOptions();
        var timeout = ServerOption.Timeout("give up after this long (exit code 3)");
        var json = CliOption.Flag("--json",
            "one JSON object per event on stdout: experiment, waiting, epochCompleted, architectureUpdated, logLine, statusChanged (timeout, note)");
        var poll = CliOption.Flag("--poll", "poll the REST API instead of following the live stream");
        var command = new Command("wait",
            "follow an experiment to its end, every epoch once and in order (live stream at /hubs/experiments, else polling); " +
            "exit 0 succeeded, 1 failed or cancelled, 2 unknown id, 3 timeout, 4 server unreachable")
        {
            id, timeout, json, poll,
        };
        remote.AddTo(command);
        command.SetAction(r =>
        {
            var connection = RemoteOptions.Resolve(r.GetValue(remote.Server), r.GetValue(remote.Token), "pcdarts wait");
            var limit = ServerOption.TimeoutSpan(r.GetValue(timeout));
            using var api = ExperimentsClient.For(connection);
            return Follow(api, r.GetValue(id), limit, r.GetValue(json), useHub: !r.GetValue(poll));
        });
        return command;
    }

    public static int Follow(ExperimentsClient api, Guid id, TimeSpan? timeout, bool json, bool useHub)
    {
        var reporter = new WaitReporter(json);
        using var stop = new CancellationTokenSource();
        if (timeout is { } limit) stop.CancelAfter(limit);
        try
        {
            var status = new ExperimentFollower(api, reporter).FollowAsync(id, useHub, stop.Token).GetAwaiter().GetResult();
            return status == ExperimentStatuses.Succeeded ? ExitCodes.Succeeded : ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            reporter.TimedOut(timeout!.Value);
            return ExitCodes.Timeout;
        }
    }
}
