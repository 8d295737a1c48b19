using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Search;
using PcDarts.Engine.Training;
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
                      [--rss-at 10,500] [--json]

          Times search steps (architecture step + weight step) on the paper's CIFAR-10 search network
          (3×32×32 inputs, 10 classes) and prints, per K, the median step time and peak memory.
          --rss-at also records the resident memory after those steps: a long run's memory must stay flat.
        """;

    private static readonly string[] ValueOptions = ["--k", "--batch-size", "--steps", "--threads", "--channels", "--layers", "--nodes", "--rss-at", "--single"];

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("bench", rawArgs, ValueOptions, ["--json"]);
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
