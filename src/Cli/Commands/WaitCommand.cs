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
            "one JSON object per event on stdout: experiment, epochCompleted, architectureUpdated, logLine, statusChanged (timeout, note)");
        var poll = CliOption.Flag("--poll", "poll the REST API instead of following the live stream");
        var cancelOnTimeout = CliOption.Flag("--cancel-on-timeout", "when --timeout runs out, cancel the experiment too (still exit 3)");
        var command = new Command("wait",
            "follow an experiment to its end, every epoch once and in order (live stream at /hubs/experiments, else polling); " +
            "exit 0 succeeded, 1 failed or cancelled, 2 unknown id, 3 timeout, 4 server unreachable")
        {
            id, timeout, json, poll, cancelOnTimeout,
        };
        remote.AddTo(command);
        command.SetAction(r =>
        {
            var connection = RemoteOptions.Resolve(r.GetValue(remote.Server), r.GetValue(remote.Token), "pcdarts wait");
            var limit = ServerOption.TimeoutSpan(r.GetValue(timeout));
            if (r.GetValue(cancelOnTimeout) && limit is null) throw new CliUsageException("--cancel-on-timeout needs --timeout SECONDS");
            using var api = ExperimentsClient.For(connection);
            var exit = Follow(api, r.GetValue(id), limit, r.GetValue(json), useHub: !r.GetValue(poll));
            if (exit == ExitCodes.Timeout && r.GetValue(cancelOnTimeout)) CancelAfterTimeout(api, r.GetValue(id));
            return exit;
        });
        return command;
    }

    /// <summary>A CI job that gives up must not leave the experiment holding a runner: it is cancelled, and that is said.</summary>
    private static void CancelAfterTimeout(ExperimentsClient api, Guid id)
    {
        try
        {
            var experiment = api.CancelAsync(id, CancellationToken.None).GetAwaiter().GetResult();
            Console.Error.WriteLine($"pcdarts wait: cancel requested for {experiment.Id} ({experiment.Status})");
        }
        catch (ServerProblemException e) when (e.Status == System.Net.HttpStatusCode.Conflict)
        {
            Console.Error.WriteLine($"pcdarts wait: not cancelled, it finished meanwhile: {e.Message}");
        }
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
