using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Specs;
using PcDarts.Core.Specs;
using PcDarts.Engine.Benchmarks;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.SearchRunner.Cli;

/// <summary>
/// `pcdarts-runner bench`: the cost of one search step (architecture step + weight step) per K. Each K runs in a child
/// process of its own, so its peak memory is its own and not what an earlier K left in the allocator.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var k = CliOption.IntList("--k", "the K values to time (default 1,2,4,8)", "K,K,…");
        var batch = CliOption.Int("--batch-size", "images per step (default 32)");
        var steps = CliOption.Int("--steps", "timed steps per K, after 2 warm-up steps (default 20)");
        var threads = CliOption.Int("--threads", "torch threads (default 2)");
        var channels = CliOption.Int("--channels", "initial channels (default 16)", "C");
        var layers = CliOption.Int("--layers", "cells (default 8)");
        var nodes = CliOption.Int("--nodes", "intermediate nodes per cell (default 4)");
        var rssAt = CliOption.IntList("--rss-at", "also record the resident memory after these steps: a long run's memory must stay flat", "STEP,STEP,…");
        var single = CliOption.Int("--single", "time this one K in this process (what each child process runs)", "K");
        single.Hidden = true;
        var json = CliOption.Flag("--json", "the results as one JSON line only");
        var retrain = CliOption.Flag("--retrain", "time retrain steps of PC_DARTS_cifar instead (C = 36, 20 cells, batch 96, auxiliary head, drop-path)");
        var data = CliOption.Text("--data", "time the image-folder loader instead: decode and ImageNet augmentation of this folder's images, " +
            "--threads decode workers (default all cores but one), --steps batches (at least 10)", "DIR");
        var estimate = CliOption.Flag("--estimate", "check the platform's cost estimate instead: search epochs of a few network sizes, " +
            "each printed beside its estimated peak memory and epoch time (about 10 minutes on 2 cores)");
        var command = new Command("bench",
            "time search steps (architecture step + weight step) on the paper's CIFAR-10 search network (3×32×32 inputs, 10 classes) " +
            "and print, per K, the median step time and peak memory")
        {
            k, batch, steps, threads, channels, layers, nodes, rssAt, single, json, retrain, data, estimate,
        };
        command.SetAction(r => r.GetValue(data) is { } folder
            ? LoaderBench.Run(folder, r.GetValue(batch), r.GetValue(steps), r.GetValue(threads), r.GetValue(json))
            : r.GetValue(estimate) ? EstimateBench.Run(r.GetValue(threads), r.GetValue(json))
            : Run(r.GetValue(k), r.GetValue(batch), r.GetValue(steps), r.GetValue(threads), r.GetValue(channels),
            r.GetValue(layers), r.GetValue(nodes), r.GetValue(rssAt), r.GetValue(single), r.GetValue(json), r.GetValue(retrain)));
        return command;
    }

    private static int Run(int[]? kList, int? batchSize, int? stepCount, int? threadCount, int? channelCount, int? layerCount, int? nodeCount,
        int[]? rssList, int? single, bool json, bool retrain)
    {
        var batch = Positive("--batch-size", batchSize, 32);
        var steps = Positive("--steps", stepCount, 20);
        var threads = Positive("--threads", threadCount, 2);
        var channels = Positive("--channels", channelCount, 16);
        var layers = Positive("--layers", layerCount, 8);
        var nodes = Positive("--nodes", nodeCount, 4);
        var rssAt = rssList ?? [];
        var rssText = rssList is null ? null : string.Join(',', rssList);
        if (rssAt.Any(step => step < 1 || step > steps))
            throw new CliUsageException($"--rss-at: every step must be between 1 and --steps ({steps}), got '{rssText}'");
        if (retrain) return RunRetrain(steps, threads);
        if (single is { } singleK)
            return RunSingle(singleK, batch, steps, threads, channels, layers, nodes, rssAt);

        var ks = kList ?? [1, 2, 4, 8];
        foreach (var k in ks)
        {
            var errors = (SearchPresets.Cifar10 with { K = k, Channels = channels, Layers = layers, Nodes = nodes }).Validate();
            if (errors.Count > 0) throw SearchSpecOptions.Create().UsageError(errors);
        }

        var rows = new JsonArray();
        foreach (var k in ks)
        {
            if (!json) Console.Error.WriteLine($"K = {k}: {steps} steps at batch {batch} on {threads} thread(s)…");
            rows.Add(RunChild(k, batch, steps, threads, channels, layers, nodes, rssText));
        }
        var result = new JsonObject
        {
            ["batchSize"] = batch, ["steps"] = steps, ["threads"] = threads,
            ["channels"] = channels, ["layers"] = layers, ["nodes"] = nodes, ["results"] = rows,
        };
        if (json)
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

    internal static int Positive(string flag, int? given, int fallback)
    {
        var value = given ?? fallback;
        return value >= 1 ? value : throw new CliUsageException($"{flag} must be at least 1, got {value}");
    }

    private static JsonNode RunChild(int k, int batch, int steps, int threads, int channels, int layers, int nodes, string? rssAt)
    {
        var arguments = new List<string> { "bench", "--single", k.ToString(CultureInfo.InvariantCulture),
            "--batch-size", batch.ToString(CultureInfo.InvariantCulture), "--steps", steps.ToString(CultureInfo.InvariantCulture),
            "--threads", threads.ToString(CultureInfo.InvariantCulture), "--channels", channels.ToString(CultureInfo.InvariantCulture),
            "--layers", layers.ToString(CultureInfo.InvariantCulture), "--nodes", nodes.ToString(CultureInfo.InvariantCulture) };
        if (rssAt is not null) arguments.AddRange(["--rss-at", rssAt]);
        var output = SelfProcess.Run($"benchmark of K = {k}", arguments);
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
