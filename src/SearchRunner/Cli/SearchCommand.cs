using System.Text.Json;
using System.Text.Json.Nodes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Training;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts search`: a PC-DARTS search into a folder, resumable.</summary>
internal static class SearchCommand
{
    public const string Usage = """
        pcdarts search --dataset fashion-mnist|cifar10|synthetic --out DIR [options]

          --preset cifar10-paper|imagenet-paper|quick   start from a preset (default: the paper's CIFAR-10 setting)
          --data-dir D          folder of the data set's files
          --network cifar|imagenet
          --epochs N  --batch-size N  --channels C  --layers N  --nodes 3..5  --k 1|2|4|8
          --edge-norm on|off    --warmup-epochs N
          --lr X  --lr-min X  --momentum X  --weight-decay X  --grad-clip X
          --arch-lr X  --arch-weight-decay X  --arch-grad-clip X
          --train-portion X     share of the training set for weights (the rest trains α/β)
          --subset N            search on the first N training examples
          --input-size N        resize images to N×N
          --seed N  --threads N
          --resume              continue the unfinished run in --out
          --json                one JSON object per line on stdout

        Writes DIR/metrics.jsonl, DIR/genotype.json, DIR/genotype.txt and DIR/checkpoint/.
        """;

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("search", rawArgs,
            SearchSpecFlags.All.Names.Append("--preset").Append("--out"), ["--resume", "--json"]);
        args.ExpectPositionals(0, "pcdarts search --dataset D --out DIR [options]");
        var folder = args.RequiredText("--out");
        var reporter = new RunReporter(args.Has("--json"));
        var resuming = OutputFolder.Prepare(folder, args.Has("--resume"), "genotype.json");

        // A resumed run starts from its own spec; flags given again must agree with it (the loop checks).
        var store = new FileRunStore(folder);
        SearchSpec? saved = null;
        if (resuming)
            saved = JsonSerializer.Deserialize<SearchSpec>(Checkpoint.ReadHeader(store.LoadCheckpoint()!).Spec, RunJson.Options);
        var spec = SearchSpecFlags.FromArguments(args, saved);
        if (!resuming && !args.Has("--dataset") && !args.Has("--preset"))
            throw new CliUsageException("'pcdarts search' needs --dataset (fashion-mnist, cifar10 or synthetic) or --preset");

        reporter.Message(resuming
            ? $"resuming {folder} after epoch {store.History.Count} of {spec.Epochs}"
            : $"searching {spec.Dataset}: {spec.Layers} cells, C = {spec.Channels}, K = {spec.K}, {spec.Nodes} nodes, edge-norm {(spec.EdgeNormalization ? "on" : "off")}, {spec.Epochs} epochs (warm-up {spec.WarmupEpochs})");

        var outcome = SearchRun.Run(spec, new ReportingRunStore(store, reporter), reporter, CancellationToken.None);

        AtomicFile.WriteAllText(Path.Combine(folder, "genotype.txt"), outcome.Genotype.ToDartsText() + "\n");
        AtomicFile.WriteAllText(Path.Combine(folder, "genotype.json"), outcome.Genotype.ToJson() + "\n");
        if (!reporter.Json)
        {
            Console.Error.WriteLine($"genotype written to {Path.Combine(folder, "genotype.txt")}");
            Console.Out.WriteLine(outcome.Genotype.ToDartsText());
        }
        reporter.Finished(new JsonObject
        {
            ["out"] = folder,
            ["genotype"] = outcome.Genotype.ToDartsText(),
            ["parameters"] = outcome.Parameters,
        });
        return 0;
    }
}
