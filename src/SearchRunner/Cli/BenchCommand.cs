using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Benchmarks;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.SearchRunner.Cli;

/// <summary>
/// `pcdarts bench`: the cost of one search step (architecture step + weight step) per K. Each K runs in a child
/// process of its own, so its peak memory is its own and not what an earlier K left in the allocator.
/// </summary>
internal static class BenchCommand
{
    public const string Usage = """
        pcdarts bench [--k 1,2,4,8] [--batch-size 32] [--steps 20] [--threads 2] [--channels 16] [--layers 8] [--nodes 4]
                      [--rss-at 10,500] [--json] [--retrain]

          Times search steps (architecture step + weight step) on the paper's CIFAR-10 search network
          (3×32×32 inputs, 10 classes) and prints, per K, the median step time and peak memory.
          --rss-at also records the resident memory after those steps: a long run's memory must stay flat.
          --retrain times retrain steps of PC_DARTS_cifar instead (C = 36, 20 cells, batch 96, auxiliary, drop-path).
        """;

    private static readonly string[] ValueOptions = ["--k", "--batch-size", "--steps", "--threads", "--channels", "--layers", "--nodes", "--rss-at", "--single"];

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("bench", rawArgs, ValueOptions, ["--json", "--retrain"]);
        args.ExpectPositionals(0, "pcdarts bench [options]");
        var batch = Positive(args, "--batch-size", 32);
        var steps = Positive(args, "--steps", 20);
        var threads = Positive(args, "--threads", 2);
        var channels = Positive(args, "--channels", 16);
        var layers = Positive(args, "--layers", 8);
        var nodes = Positive(args, "--nodes", 4);
        var rssAt = args.IntList("--rss-at", []);
        if (rssAt.Any(step => step < 1 || step > steps))
            throw new CliUsageException($"--rss-at: every step must be between 1 and --steps ({steps}), got '{args.Text("--rss-at")}'");
        if (args.Has("--retrain")) return RunRetrain(steps, threads);
        if (args.Int("--single") is { } single)
            return RunSingle(single, batch, steps, threads, channels, layers, nodes, rssAt);

        var ks = args.IntList("--k", [1, 2, 4, 8]);
        foreach (var k in ks)
        {
            var errors = (SearchPresets.Cifar10 with { K = k, Channels = channels, Layers = layers, Nodes = nodes }).Validate();
            if (errors.Count > 0) throw SearchSpecFlags.All.UsageError(errors);
        }

        var rows = new JsonArray();
        foreach (var k in ks)
        {
            if (!args.Has("--json")) Console.Error.WriteLine($"K = {k}: {steps} steps at batch {batch} on {threads} thread(s)…");
            rows.Add(RunChild(k, batch, steps, threads, channels, layers, nodes, args.Text("--rss-at")));
        }
        var result = new JsonObject
        {
            ["batchSize"] = batch, ["steps"] = steps, ["threads"] = threads,
            ["channels"] = channels, ["layers"] = layers, ["nodes"] = nodes, ["results"] = rows,
        };
        if (args.Has("--json"))
        {
            Console.Out.WriteLine(result.ToJsonString());
        }
        else
        {
            Console.Out.WriteLine(Table(rows));
            Console.Out.WriteLine(result.ToJsonString());
        }
        return 0;
    }

    private static int Positive(CommandArguments args, string flag, int fallback)
    {
        var value = args.Int(flag) ?? fallback;
        return value >= 1 ? value : throw new CliUsageException($"{flag} must be at least 1, got {value}");
    }

    private static JsonNode RunChild(int k, int batch, int steps, int threads, int channels, int layers, int nodes, string? rssAt)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the pcdarts executable");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        // `dotnet pcdarts.dll` runs under the dotnet host: pass the assembly again.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        foreach (var arg in new[] { "bench", "--single", k.ToString(CultureInfo.InvariantCulture),
                     "--batch-size", batch.ToString(CultureInfo.InvariantCulture), "--steps", steps.ToString(CultureInfo.InvariantCulture),
                     "--threads", threads.ToString(CultureInfo.InvariantCulture), "--channels", channels.ToString(CultureInfo.InvariantCulture),
                     "--layers", layers.ToString(CultureInfo.InvariantCulture), "--nodes", nodes.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        if (rssAt is not null)
        {
            start.ArgumentList.Add("--rss-at");
            start.ArgumentList.Add(rssAt);
        }
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"benchmark of K = {k} failed (exit {child.ExitCode})");
        return JsonNode.Parse(output.Trim().Split('\n')[^1])!;
    }

    private static int RunSingle(int k, int batch, int steps, int threads, int channels, int layers, int nodes, int[] rssAt)
    {
        torch.set_num_threads(threads);
        var result = SearchStepBenchmark.Run(new SearchStepBenchmarkOptions(k, batch, steps, Channels: channels, Layers: layers,
            Nodes: nodes, ResidentAtSteps: rssAt));
        Console.Out.WriteLine(Row(result, new JsonObject { ["k"] = k }).ToJsonString());
        return 0;
    }

    private static int RunRetrain(int steps, int threads)
    {
        torch.set_num_threads(threads);
        var result = RetrainStepBenchmark.Run(new RetrainStepBenchmarkOptions(Steps: steps));
        Console.Out.WriteLine(Row(result, new JsonObject { ["retrain"] = "PC_DARTS_cifar" }).ToJsonString());
        return 0;
    }

    private static JsonObject Row(StepBenchmarkResult result, JsonObject row)
    {
        row["device"] = result.Device;
        row["medianStepMs"] = Math.Round(result.MedianStepMs, 2);
        row["minStepMs"] = Math.Round(result.MinStepMs, 2);
        row["maxStepMs"] = Math.Round(result.MaxStepMs, 2);
        row["imagesPerSecond"] = Math.Round(result.ImagesPerSecond, 1);
        row["peakProcessMiB"] = Math.Round(result.PeakProcessBytes / 1048576.0, 1);
        row["peakCudaMiB"] = result.PeakCudaBytes is { } cuda ? Math.Round(cuda / 1048576.0, 1) : null;
        row["weightParameters"] = result.WeightParameters;
        var rss = new JsonObject();
        foreach (var (step, bytes) in result.ResidentBytesAfterStep)
            rss[step.ToString(CultureInfo.InvariantCulture)] = Math.Round(bytes / 1048576.0, 1);
        row["rssMiBAfterStep"] = rss;
        return row;
    }

    private static string Table(JsonArray rows)
    {
        var lines = new List<string> { "  K  median step (ms)  images/s  peak process (MiB)  peak cuda (MiB)  weights" };
        foreach (var row in rows)
        {
            var r = row!.AsObject();
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{(int)r["k"]!,3}  {(double)r["medianStepMs"]!,16:F1}  {(double)r["imagesPerSecond"]!,8:F1}  {(double)r["peakProcessMiB"]!,18:F0}  {(r["peakCudaMiB"] is { } c ? ((double)c).ToString("F0", CultureInfo.InvariantCulture) : "-"),15}  {(long)r["weightParameters"]!,7}"));
        }
        return string.Join("\n", lines);
    }
}
