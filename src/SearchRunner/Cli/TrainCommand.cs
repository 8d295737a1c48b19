using System.Text.Json;
using System.Text.Json.Nodes;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Training;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts train`: retrain a genotype from scratch as a full network, resumable.</summary>
internal static class TrainCommand
{
    public const string Usage = """
        pcdarts train --genotype NAME|FILE --dataset fashion-mnist|cifar10|synthetic --out DIR [options]

          --genotype            PC_DARTS_cifar, PC_DARTS_image, DARTS_V1, DARTS_V2, or a file (DARTS text or JSON)
          --preset cifar10-paper|imagenet-paper|quick   start from a preset (default: the paper's CIFAR-10 evaluation)
          --network cifar|imagenet  --data-dir D
          --epochs N  --batch-size N  --channels C  --layers N
          --auxiliary-weight X  (0 = no auxiliary tower)  --drop-path P  --cutout PIXELS (0 = off)  --label-smoothing X
          --lr X  --momentum X  --weight-decay X  --grad-clip X  --schedule cosine|linear  --lr-warmup-epochs N
          --subset N  --input-size N  --seed N  --threads N
          --resume              continue the unfinished run in --out
          --json                one JSON object per line on stdout

        Writes DIR/metrics.jsonl, DIR/weights (TorchSharp format), DIR/summary.json and DIR/checkpoint/.
        """;

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("train", rawArgs,
            RetrainSpecFlags.All.Names.Append("--preset").Append("--out").Append("--genotype"), ["--resume", "--json"]);
        args.ExpectPositionals(0, "pcdarts train --genotype NAME|FILE --dataset D --out DIR [options]");
        var folder = args.RequiredText("--out");
        var genotype = GenotypeArgument.Resolve(args.RequiredText("--genotype"));
        var reporter = new RunReporter(args.Has("--json"));
        var resuming = OutputFolder.Prepare(folder, args.Has("--resume"), "summary.json");

        var store = new FileRunStore(folder);
        RetrainSpec? saved = null;
        if (resuming)
        {
            var header = JsonNode.Parse(Checkpoint.ReadHeader(store.LoadCheckpoint()!).Spec)!;
            saved = header["spec"].Deserialize<RetrainSpec>(RunJson.Options);
        }
        var spec = RetrainSpecFlags.FromArguments(args, saved);
        if (!resuming && !args.Has("--dataset") && !args.Has("--preset"))
            throw new CliUsageException("'pcdarts train' needs --dataset (fashion-mnist, cifar10 or synthetic) or --preset");

        reporter.Message(resuming
            ? $"resuming {folder} after epoch {store.History.Count} of {spec.Epochs}"
            : $"training {genotype.ToDartsText()} on {spec.Dataset}: {spec.Layers} cells, C = {spec.Channels}, {spec.Epochs} epochs");

        RunOutcome outcome;
        try
        {
            outcome = RetrainRun.Run(spec, genotype, new ReportingRunStore(store, reporter), reporter, CancellationToken.None);
        }
        catch (Core.Specs.SpecValidationException e)
        {
            throw RetrainSpecFlags.All.UsageError(e.Errors);
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
