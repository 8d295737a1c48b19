using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;
using PcDarts.Core.Contracts;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts list`: the platform's experiments, newest first.</summary>
internal static class ListCommand
{
    private static readonly IReadOnlyList<string> Statuses = ExperimentStatuses.All;

    public static Command Create()
    {
        var remote = new RemoteOptions();
        var status = CliOption.OneOf("--status", "only experiments in this status", Statuses);
        var json = CliOption.Flag("--json", "one JSON object per experiment per line");
        var command = new Command("list", "list the platform's experiments, newest first") { status, json };
        remote.AddTo(command);
        command.SetAction(r => Run(RemoteOptions.Resolve(r.GetValue(remote.Server), r.GetValue(remote.Token), "pcdarts list"), r.GetValue(status), r.GetValue(json)));
        return command;
    }

    private static int Run(Connection server, string? status, bool json)
    {
        using var api = ExperimentsClient.For(server);
        var items = new List<ExperimentSummaryDto>();
        for (var page = 1; ; page++)
        {
            var result = api.ListAsync(status, page, CancellationToken.None).GetAwaiter().GetResult();
            items.AddRange(result.Items);
            if (result.Items.Count == 0 || items.Count >= result.Total) break;
        }

        if (json)
        {
            foreach (var e in items) Console.Out.WriteLine(JsonSerializer.Serialize(e, ExperimentsClient.Json));
            return ExitCodes.Succeeded;
        }
        Console.Out.WriteLine($"{"id",-36}  {"kind",-7}  {"status",-9}  {"epochs",6}  {"best",6}  {"created",-16}  name");
        foreach (var e in items)
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Id,-36}  {e.Kind,-7}  {e.Status,-9}  {e.EpochsCompleted,6}  {(e.BestValidTop1 is { } b ? b.ToString("F2", CultureInfo.InvariantCulture) : "-"),6}  {e.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}  {e.Name}"));
        return ExitCodes.Succeeded;
    }
}
