using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;
using PcDarts.Core.Contracts;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts list`: the platform's experiments, filtered and sorted by the server (newest first by default).</summary>
internal static class ListCommand
{
    /// <summary>The server's largest page: more rows are fetched page by page.</summary>
    private const int PageSize = 200;

    public static Command Create()
    {
        var remote = new RemoteOptions();
        var status = CliOption.OneOf("--status", "only experiments in this status", ExperimentStatuses.All);
        var kind = CliOption.OneOf("--kind", "only searches or only retrains", ExperimentKinds.All);
        var tag = CliOption.Text("--tag", "only experiments with this tag", "TAG");
        var dataset = CliOption.Text("--dataset", "only experiments on this data set", "NAME");
        var creator = CliOption.Text("--creator", "only experiments this user (email) submitted", "EMAIL");
        var study = new Option<Guid?>("--study") { Description = "only the members of this study", HelpName = "ID" };
        var sort = SortOption();
        var limit = CliOption.Int("--limit", "at most N experiments (all by default)");
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--limit: must be 1 or more");
        });
        var json = CliOption.Flag("--json", "one JSON object per experiment per line");
        var command = new Command("list", "list the platform's experiments, newest first unless --sort says otherwise")
            { status, kind, tag, dataset, creator, study, sort, limit, json };
        remote.AddTo(command);
        command.SetAction(r => Run(RemoteOptions.Resolve(r.GetValue(remote.Server), r.GetValue(remote.Token), "pcdarts list"),
            new ExperimentListQuery
            {
                Status = r.GetValue(status), Kind = r.GetValue(kind), Tag = r.GetValue(tag), Dataset = r.GetValue(dataset),
                Creator = r.GetValue(creator), Study = r.GetValue(study), Sort = r.GetValue(sort),
            }, r.GetValue(limit), r.GetValue(json)));
        return command;
    }

    private static Option<string?> SortOption()
    {
        var sort = CliOption.Text("--sort", $"sort by {string.Join("|", ExperimentSortKeys.All)}; a leading '-' sorts descending (e.g. -retrainTop1)", "KEY");
        sort.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && ExperimentSortKeys.Parse(r.Tokens[0].Value) is null)
                r.AddError($"--sort: {ExperimentSortKeys.Unknown(r.Tokens[0].Value)}");
        });
        return sort;
    }

    private static int Run(Connection server, ExperimentListQuery query, int? limit, bool json)
    {
        using var api = ExperimentsClient.For(server);
        var items = new List<ExperimentSummaryDto>();
        while (limit is null || items.Count < limit)
        {
            var take = Math.Min(PageSize, (limit ?? int.MaxValue) - items.Count);
            var result = api.ListAsync(query with { Limit = take, Offset = items.Count }, CancellationToken.None).GetAwaiter().GetResult();
            items.AddRange(result.Items);
            if (result.Items.Count == 0 || items.Count >= result.Total) break;
        }

        if (json)
        {
            foreach (var e in items) Console.Out.WriteLine(JsonSerializer.Serialize(e, ExperimentsClient.Json));
            return ExitCodes.Succeeded;
        }
        Console.Out.WriteLine($"{"id",-36}  {"kind",-7}  {"status",-9}  {"epochs",6}  {"search",6}  {"test",6}  {"params",9}  {"created",-16}  name");
        foreach (var e in items)
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Id,-36}  {e.Kind,-7}  {e.Status,-9}  {e.EpochsCompleted,6}  {Percent(e.SearchTop1),6}  {Percent(e.RetrainTop1),6}  {e.Parameters?.ToString(CultureInfo.InvariantCulture) ?? "-",9}  {e.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}  {e.Name}"));
        return ExitCodes.Succeeded;
    }

    private static string Percent(double? top1) => top1?.ToString("F2", CultureInfo.InvariantCulture) ?? "-";
}
