using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Specs;
using PcDarts.Core.Specs;
using PcDarts.Engine.Search;
using PcDarts.Engine.Training;
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
        var command = new Command("bench",
            "time search steps (architecture step + weight step) on the paper's CIFAR-10 search network (3×32×32 inputs, 10 classes) " +
            "and print, per K, the median step time and peak memory")
        {
            k, batch, steps, threads, channels, layers, nodes, rssAt, single, json,
        };
        command.SetAction(r => Run(r.GetValue(k), r.GetValue(batch), r.GetValue(steps), r.GetValue(threads), r.GetValue(channels),
            r.GetValue(layers), r.GetValue(nodes), r.GetValue(rssAt), r.GetValue(single), r.GetValue(json)));
        return command;
    }

    private static int Run(int[]? kList, int? batchSize, int? stepCount, int? threadCount, int? channelCount, int? layerCount, int? nodeCount,
        int[]? rssList, int? single, bool json)
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

    private static int Positive(string flag, int? given, int fallback)
    {
        var value = given ?? fallback;
        return value >= 1 ? value : throw new CliUsageException($"{flag} must be at least 1, got {value}");
    }

    private static JsonNode RunChild(int k, int batch, int steps, int threads, int channels, int layers, int nodes, string? rssAt)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the pcdarts-runner executable");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        // `dotnet pcdarts-runner.dll` runs under the dotnet host: pass the assembly again.
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
        torch.manual_seed(0);
        var device = ComputeDevice.Select();
        using var network = SearchNetwork.Create(new SearchNetworkOptions(NetworkShapes.Cifar, channels, layers, nodes, k, true, 3, 10), device);
        var weights = network.WeightParameters().ToArray();
        var spec = SearchPresets.Cifar10;
        using var sgd = torch.optim.SGD(weights, spec.LearningRate, spec.Momentum, weight_decay: spec.WeightDecay);
        using var adam = torch.optim.Adam(network.Architecture.All, spec.ArchLearningRate, beta1: 0.5, beta2: 0.999, weight_decay: spec.ArchWeightDecay);
        var searchSteps = new SearchSteps(network, weights, sgd, adam, spec.GradClip, null);
        var cuda = device.type == DeviceType.CUDA ? CudaMemoryProbe.TryCreate(0) : null;
        network.train();

        const int warmup = 2;
        var times = new List<double>();
        var rss = new JsonObject();
        for (var step = 0; step < warmup + steps; step++)
        {
            using var scope = NewDisposeScope();
            var images = randn(batch, 3, 32, 32, device: device);
            var labels = randint(0, 10, [batch], dtype: int64, device: device);
            var clock = Stopwatch.StartNew();
            searchSteps.Architecture(images, labels);
            searchSteps.Weights(images, labels);
            if (device.type == DeviceType.CUDA) torch.cuda.synchronize(device);
            cuda?.Sample();
            if (step < warmup) continue;
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (rssAt.Contains(step - warmup + 1))
                rss[(step - warmup + 1).ToString(CultureInfo.InvariantCulture)] = Math.Round(MemoryProbe.ProcessCurrentBytes() / 1048576.0, 1);
        }
        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        Console.Out.WriteLine(new JsonObject
        {
            ["k"] = k,
            ["device"] = ComputeDevice.Describe(device),
            ["medianStepMs"] = Math.Round(median, 2),
            ["minStepMs"] = Math.Round(times[0], 2),
            ["imagesPerSecond"] = Math.Round(batch * 1000 / median, 1),
            ["peakProcessMiB"] = Math.Round(MemoryProbe.ProcessPeakBytes() / 1048576.0, 1),
            ["peakCudaMiB"] = cuda is null ? null : Math.Round(cuda.TakePeak() / 1048576.0, 1),
            ["weightParameters"] = weights.Sum(p => p.numel()),
            ["rssMiBAfterStep"] = rss,
        }.ToJsonString());
        return 0;
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
