using PcDarts.Core.Files;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Specs;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Training;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts-runner train`: retrain a genotype from scratch as a full network, resumable.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var spec = RetrainSpecOptions.Create();
        var genotype = CliOption.Text("--genotype", $"the cell: {string.Join(", ", PublishedGenotypes.Names)}, or a file (DARTS text or JSON)", "NAME|FILE");
        genotype.Required = true;
        var output = CliOption.Text("--out", "the run's folder: metrics.jsonl, weights (TorchSharp format), summary.json and checkpoint/", "DIR");
        output.Required = true;
        var resume = CliOption.Flag("--resume", "continue the unfinished run in --out");
        var json = CliOption.Flag("--json", "one JSON object per line on stdout");
        var format = LocalDataSource.CreateOption();
        var command = new Command("train", "retrain a genotype from scratch as a full network, resumable (default: the paper's CIFAR-10 evaluation)")
        {
            genotype, output, resume, json, format,
        };
        spec.AddTo(command);
        command.SetAction(r => Run(r, spec, GenotypeArgument.Resolve(r.GetValue(genotype)!), r.GetValue(output)!, r.GetValue(resume), r.GetValue(json), format));
        return command;
    }

    private static int Run(ParseResult parsed, SpecOptions<RetrainSpec> options, Genotype genotype, string folder, bool resume, bool json,
        Option<string?> format)
    {
        var reporter = new RunReporter(json);
        var resuming = OutputFolder.Prepare(folder, resume, "summary.json");

        var store = new FileRunStore(folder);
        var start = resuming
            ? JsonNode.Parse(Checkpoint.ReadHeader(store.LoadCheckpoint()!).Spec)!["spec"].Deserialize<RetrainSpec>(RunJson.Options)!
            : RetrainPresets.Cifar10;
        var spec = options.FromParse(parsed, start, LocalDataSource.KnownNames(parsed, format, start.Dataset));
        var source = LocalDataSource.From(parsed, format, spec.Dataset, spec.DataDir, spec.Network, spec.InputSize);
        if (!resuming && !options.Given(parsed, "--dataset") && !options.Given(parsed, "--preset"))
            throw new CliUsageException("'pcdarts-runner train' needs --dataset (fashion-mnist, cifar10 or synthetic) or --preset");

        reporter.Message(resuming
            ? $"resuming {folder} after epoch {store.History.Count} of {spec.Epochs}"
            : $"training {genotype.ToDartsText()} on {spec.Dataset}: {spec.Layers} cells, C = {spec.Channels}, {spec.Epochs} epochs");

        RunOutcome outcome;
        try
        {
            outcome = RetrainRun.Run(spec, genotype, new ReportingRunStore(store, reporter), reporter, CancellationToken.None, source);
        }
        catch (Core.Specs.SpecValidationException e)
        {
            throw options.UsageError(e.Errors);
        }

        AtomicFile.WriteAllBytes(Path.Combine(folder, "weights"), outcome.FinalWeights);
        var history = store.History;
        var summary = new JsonObject
        {
            ["genotype"] = genotype.ToDartsText(),
            ["epochs"] = history.Count,
            ["finalTop1"] = history[^1].Metrics.ValidTop1,
            ["finalTop5"] = history[^1].Metrics.ValidTop5,
            ["bestTop1"] = history.Max(h => h.Metrics.ValidTop1),
            ["bestEpoch"] = history.MaxBy(h => h.Metrics.ValidTop1)!.Metrics.Epoch,
            ["parameters"] = outcome.Parameters,
            ["multiplyAdds"] = outcome.MultiplyAdds,
            ["seconds"] = history.Sum(h => h.Metrics.Seconds),
            ["spec"] = JsonSerializer.SerializeToNode(spec, RunJson.Options),
        };
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.json"), summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        if (!reporter.Json)
            Console.Out.WriteLine($"final top-1 {summary["finalTop1"]:F2}%, best {summary["bestTop1"]}% (epoch {summary["bestEpoch"]}), {outcome.Parameters / 1e6:F2} M parameters, {outcome.MultiplyAdds / 1e6:F1} M multiply-adds");
        reporter.Finished(summary.DeepClone().AsObject());
        return 0;
    }
}
