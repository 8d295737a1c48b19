using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;
using PcDarts.Core.Contracts;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts get ID`: one experiment as the API describes it.</summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var id = ServerOption.ExperimentId();
        var remote = new RemoteOptions();
        var json = CliOption.Flag("--json", "the experiment as one JSON line, as GET /api/experiments/{id} returns it");
        var command = new Command("get", "show one experiment: status, progress, genotype") { id, json };
        remote.AddTo(command);
        command.SetAction(r =>
        {
            using var api = remote.Connect(r, "pcdarts get");
            var experiment = api.GetAsync(r.GetValue(id), CancellationToken.None).GetAwaiter().GetResult();
            Console.Out.WriteLine(r.GetValue(json) ? JsonSerializer.Serialize(experiment, ExperimentsClient.Json) : Describe(experiment));
            return ExitCodes.Succeeded;
        });
        return command;
    }

    private static string Describe(ExperimentDto e)
    {
        var lines = new List<string>
        {
            $"{e.Id}  {e.Kind} '{e.Name}'",
            $"  status    {e.Status} on {e.Queue}, {e.EpochsCompleted} epoch(s) done",
            string.Create(CultureInfo.InvariantCulture, $"  created   {e.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"),
        };
        if (e.Tags.Length > 0) lines.Add($"  tags      {string.Join(", ", e.Tags)}");
        if (e.Error is not null) lines.Add($"  error     {e.Error}");
        if (e.Genotype is not null) lines.Add($"  genotype  {e.Genotype}");
        return string.Join('\n', lines);
    }
}
