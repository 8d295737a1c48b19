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

/// <summary>`pcdarts-runner search`: a PC-DARTS search into a folder, resumable.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var spec = SearchSpecOptions.Create();
        var output = CliOption.Text("--out", "the run's folder: metrics.jsonl, genotype.json, genotype.txt and checkpoint/", "DIR");
        output.Required = true;
        var resume = CliOption.Flag("--resume", "continue the unfinished run in --out");
        var json = CliOption.Flag("--json", "one JSON object per line on stdout");
        var format = LocalDataSource.CreateOption();
        var command = new Command("search", "run a PC-DARTS search into a folder, resumable (default: the paper's CIFAR-10 setting)")
        {
            output, resume, json, format,
        };
        spec.AddTo(command);
        command.SetAction(r => Run(r, spec, r.GetValue(output)!, r.GetValue(resume), r.GetValue(json), format));
        return command;
    }

    private static int Run(ParseResult parsed, SpecOptions<SearchSpec> options, string folder, bool resume, bool json,
        Option<string?> format)
    {
        var reporter = new RunReporter(json);
        var resuming = OutputFolder.Prepare(folder, resume, "genotype.json");

        // A resumed run starts from its own spec; options given again must agree with it (the loop checks).
        var store = new FileRunStore(folder);
        var start = resuming
            ? JsonSerializer.Deserialize<SearchSpec>(Checkpoint.ReadHeader(store.LoadCheckpoint()!).Spec, RunJson.Options)!
            : SearchPresets.Cifar10;
        var spec = options.FromParse(parsed, start, LocalDataSource.KnownNames(parsed, format, start.Dataset));
        var source = LocalDataSource.From(parsed, format, spec.Dataset, spec.DataDir, spec.Network, spec.InputSize);
        if (!resuming && !options.Given(parsed, "--dataset") && !options.Given(parsed, "--preset"))
            throw new CliUsageException("'pcdarts-runner search' needs --dataset (fashion-mnist, cifar10 or synthetic) or --preset");

        reporter.Message(resuming
            ? $"resuming {folder} after epoch {store.History.Count} of {spec.Epochs}"
            : $"searching {spec.Dataset}: {spec.Layers} cells, C = {spec.Channels}, K = {spec.K}, {spec.Nodes} nodes, edge-norm {(spec.EdgeNormalization ? "on" : "off")}, {spec.Epochs} epochs (warm-up {spec.WarmupEpochs})");

        var outcome = SearchRun.Run(spec, new ReportingRunStore(store, reporter), reporter, CancellationToken.None, source);

        AtomicFile.WriteAllText(Path.Combine(folder, "genotype.txt"), outcome.Genotype.ToDartsText() + "\n");
        AtomicFile.WriteAllText(Path.Combine(folder, "genotype.json"), outcome.Genotype.ToJson() + "\n");
        var last = store.History[^1].Architecture!;
        var (normalDecided, reduceDecided) = (DecidedEdges.Count(last.AlphasNormal), DecidedEdges.Count(last.AlphasReduce));
        if (!reporter.Json)
        {
            Console.Error.WriteLine($"genotype written to {Path.Combine(folder, "genotype.txt")}");
            Console.Error.WriteLine($"decided edges (strongest op leads by > {DecidedEdges.Margin} in softmax α): "
                + $"normal {normalDecided}/{last.AlphasNormal.Length}, reduce {reduceDecided}/{last.AlphasReduce.Length}");
            Console.Out.WriteLine(outcome.Genotype.ToDartsText());
        }
        reporter.Finished(new JsonObject
        {
            ["out"] = folder,
            ["genotype"] = outcome.Genotype.ToDartsText(),
            ["parameters"] = outcome.Parameters,
            ["decidedNormal"] = normalDecided,
            ["decidedReduce"] = reduceDecided,
        });
        return 0;
    }
}
