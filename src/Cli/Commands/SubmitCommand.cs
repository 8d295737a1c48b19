using System.CommandLine;
using System.Text.Json;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;
using PcDarts.Cli.Specs;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;

namespace PcDarts.Cli.Commands;

/// <summary>
/// `pcdarts submit search|retrain`: queue an experiment on the platform, with the spec options of `pcdarts-runner
/// search`/`train`. The server's spec defaults apply to fields not given (a search's are the paper's CIFAR-10 setting).
/// </summary>
internal static class SubmitCommand
{
    public static Command Create() => new("submit", "queue a search or retrain on the platform; prints the new experiment's id")
    {
        Search(),
        Retrain(),
    };

    private static Command Search()
    {
        var common = new SubmitOptions();
        var spec = SearchSpecOptions.Create();
        var command = new Command(ExperimentKinds.Search, "queue a PC-DARTS search");
        common.AddTo(command);
        spec.AddTo(command);
        command.SetAction(r =>
        {
            common.Check(r, spec.Preset);
            var search = spec.FromParse(r, SpecFile.Read<SearchSpec>(r.GetValue(common.Spec)) ?? new SearchSpec(), platformNamesDataset: true);
            using var api = common.Remote.Connect(r, "pcdarts submit search");
            var request = new CreateSearchRequest(r.GetValue(common.Name) ?? $"search {search.Dataset}", r.GetValue(common.Tags)!, search);
            return common.Report(r, api, api.SubmitSearchAsync(request, CancellationToken.None).GetAwaiter().GetResult());
        });
        return command;
    }

    private static Command Retrain()
    {
        var common = new SubmitOptions();
        var spec = RetrainSpecOptions.Create();
        var genotype = CliOption.Text("--genotype", "the cell: a published name, a file (DARTS text or JSON) or DARTS text", "G");
        var from = CliOption.Text("--from", "the genotype a finished search found", "ID");
        var command = new Command(ExperimentKinds.Retrain, "queue the retraining of a genotype from scratch") { genotype, from };
        common.AddTo(command);
        spec.AddTo(command);
        command.SetAction(r =>
        {
            common.Check(r, spec.Preset);
            var retrain = spec.FromParse(r, SpecFile.Read<RetrainSpec>(r.GetValue(common.Spec)) ?? new RetrainSpec(), platformNamesDataset: true);
            var (cell, source) = RetrainSource(r.GetValue(genotype), r.GetValue(from));
            using var api = common.Remote.Connect(r, "pcdarts submit retrain");
            var request = new CreateRetrainRequest(r.GetValue(common.Name) ?? $"retrain {retrain.Dataset}", r.GetValue(common.Tags)!, cell, source, retrain);
            return common.Report(r, api, api.SubmitRetrainAsync(request, CancellationToken.None).GetAwaiter().GetResult());
        });
        return command;
    }

    /// <summary>Exactly one of --genotype (sent as text: the server parses names, DARTS text and JSON) and --from.</summary>
    private static (string? Genotype, Guid? From) RetrainSource(string? genotype, string? from)
    {
        if ((genotype is null) == (from is null)) throw new CliUsageException("'pcdarts submit retrain' needs one of --genotype and --from");
        if (from is not null)
            return Guid.TryParse(from, out var id) ? (null, id) : throw new CliUsageException($"--from: expected an experiment id, got '{from}'");
        return (File.Exists(genotype) ? File.ReadAllText(genotype!).Trim() : genotype, null);
    }

    /// <summary>The options every submit takes besides the spec's.</summary>
    private sealed class SubmitOptions
    {
        public RemoteOptions Remote { get; } = new();
        public Option<string?> Spec { get; } = CliOption.Text("--spec", "the spec as JSON (camelCase fields, as in the REST API); options given too override it", "FILE.json");
        public Option<string?> Name { get; } = CliOption.Text("--name", "how the experiment is listed", "N");
        public Option<string[]> Tags { get; } = CliOption.Repeated("--tag", "a tag (may be repeated)", "T");
        public Option<bool> Wait { get; } = CliOption.Flag("--wait", "follow it to its end, as 'pcdarts wait' (and exit as it does)");
        public Option<double?> Timeout { get; } = ServerOption.Timeout("with --wait: give up after this long (exit code 3)");
        public Option<bool> Json { get; } = CliOption.Flag("--json", "the created experiment as one JSON line (then, with --wait, one line per event)");

        public void AddTo(Command command)
        {
            Remote.AddTo(command);
            foreach (var option in new Option[] { Spec, Name, Tags, Wait, Timeout, Json }) command.Options.Add(option);
        }

        /// <summary>The mistakes to name before anything is sent.</summary>
        public void Check(ParseResult r, Option<string?> preset)
        {
            if (r.GetValue(Timeout) is not null && !r.GetValue(Wait)) throw new CliUsageException("--timeout goes with --wait");
            ServerOption.TimeoutSpan(r.GetValue(Timeout));
            if (r.GetValue(Spec) is not null && r.GetValue(preset) is not null)
                throw new CliUsageException("--spec and --preset both give the whole spec: use one");
        }

        public int Report(ParseResult r, ExperimentsClient api, ExperimentDto created)
        {
            var json = r.GetValue(Json);
            if (json) Console.Out.WriteLine(JsonSerializer.Serialize(created, ExperimentsClient.Json));
            else
            {
                Console.Out.WriteLine(created.Id);
                Console.Error.WriteLine($"submitted {created.Kind} '{created.Name}' as {created.Id} ({created.Status} on {created.Queue})");
            }
            return r.GetValue(Wait)
                ? WaitCommand.Follow(api, created.Id, ServerOption.TimeoutSpan(r.GetValue(Timeout)), json, useHub: true)
                : ExitCodes.Succeeded;
        }
    }
}
