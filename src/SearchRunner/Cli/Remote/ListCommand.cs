using System.Globalization;
using System.Text.Json;
using PcDarts.Core.Contracts;

namespace PcDarts.SearchRunner.Cli.Remote;

/// <summary>`pcdarts list`: the platform's experiments, newest first.</summary>
internal static class ListCommand
{
    public const string Usage = """
        pcdarts list --server URL [--status queued|running|succeeded|failed|cancelled] [--json]

          --json                one JSON object per experiment per line
          --server URL          the PcDarts API (default: $PCDARTS_SERVER)
        """;

    private static readonly string[] Statuses = ["queued", "running", "succeeded", "failed", "cancelled"];

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("list", rawArgs, ["--server", "--status"], ["--json"]);
        args.ExpectPositionals(0, "pcdarts list --server URL [--status S] [--json]");
        var status = args.Text("--status");
        if (status is not null && !Statuses.Contains(status))
            throw new CliUsageException($"--status: expected one of {string.Join(", ", Statuses)}, got '{status}'");
        var server = ServerArgument.Resolve(args);

        using var api = ExperimentsClient.For(server);
        var items = new List<ExperimentSummaryDto>();
        for (var page = 1; ; page++)
        {
            var result = api.ListAsync(status, page, CancellationToken.None).GetAwaiter().GetResult();
            items.AddRange(result.Items);
            if (result.Items.Count == 0 || items.Count >= result.Total) break;
        }

        if (args.Has("--json"))
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
