using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;
using PcDarts.Core.Contracts;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts logs ID [--follow]`: an experiment's stored log, and with --follow its new lines until the run ends.</summary>
internal static class LogsCommand
{
    /// <summary>How often --follow asks for new lines.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var id = ServerOption.ExperimentId();
        var remote = new RemoteOptions();
        var follow = CliOption.Flag("--follow", "keep printing new lines until the experiment ends; then exit 0 succeeded, 1 failed or cancelled");
        var json = CliOption.Flag("--json", "one JSON object per line: sequence, at, level, text");
        var command = new Command("logs", "print an experiment's log (its runs' lines and its status changes), oldest first") { id, follow, json };
        remote.AddTo(command);
        command.SetAction(r =>
        {
            using var api = remote.Connect(r, "pcdarts logs");
            return Print(api, r.GetValue(id), r.GetValue(follow), r.GetValue(json));
        });
        return command;
    }

    private static int Print(ExperimentsClient api, Guid id, bool follow, bool json)
    {
        long after = 0;
        while (true)
        {
            var page = api.GetLogsAsync(id, after, CancellationToken.None).GetAwaiter().GetResult();
            foreach (var line in page.Lines) Console.Out.WriteLine(json ? JsonSerializer.Serialize(line, ExperimentsClient.Json) : Describe(line));
            if (page.Lines.Count > 0)
            {
                after = page.Lines[^1].Sequence;
                continue; // a full page may have more behind it
            }
            if (!follow) return ExitCodes.Succeeded;
            // The page's status was read before its lines: finished with nothing new means the log is complete.
            if (ExperimentStatuses.IsFinished(page.Status))
                return page.Status == ExperimentStatuses.Succeeded ? ExitCodes.Succeeded : ExitCodes.Failed;
            Thread.Sleep(PollInterval);
        }
    }

    private static string Describe(LogLineDto line) =>
        string.Create(CultureInfo.InvariantCulture, $"{line.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} {line.Level,-7} {line.Text}");
}
