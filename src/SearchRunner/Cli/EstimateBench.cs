using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcDarts.Core.Contracts;
using PcDarts.Core.Estimates;
using PcDarts.Core.Specs;

namespace PcDarts.SearchRunner.Cli;

/// <summary>
/// `pcdarts-runner bench --estimate`: the platform's cost estimate beside what real search epochs measure, for a few
/// sizes of search network. Each size is a `pcdarts-runner search` process of its own (its peak is its own) on
/// synthetic 32×32 data, with α updated from the first epoch; the measured epoch is the median of the epochs after
/// the first, which also pays for warming the allocator and the JIT. Printed per size: the built-in prior (what a
/// fresh platform estimates) and the estimate calibrated by the other sizes' epochs (what it estimates once it has
/// finished runs on this machine), each with its ratio to the measurement.
/// </summary>
internal static class EstimateBench
{
    /// <summary>The acceptance band: an estimate within 30 % of the measurement.</summary>
    public const double Tolerance = 0.3;

    private const int Epochs = 3;

    /// <summary>Small to the paper's size; subsets give each size 8 weight steps an epoch.</summary>
    public static IReadOnlyList<SearchSpec> Sizes { get; } =
    [
        Size(channels: 8, layers: 5, k: 4, batch: 16),
        Size(channels: 8, layers: 5, k: 2, batch: 32),
        Size(channels: 16, layers: 5, k: 4, batch: 32),
        Size(channels: 16, layers: 8, k: 4, batch: 32),
        Size(channels: 16, layers: 8, k: 2, batch: 32),
    ];

    public static int Run(int? threadCount, bool json)
    {
        var threads = BenchCommand.Positive("--threads", threadCount, 2);
        var measured = new List<(SearchSpec Spec, MeasuredEpoch Epoch)>();
        foreach (var size in Sizes)
        {
            var spec = size with { Threads = threads };
            if (!json) Console.Error.WriteLine($"C = {spec.Channels}, {spec.Layers} cells, K = {spec.K}, batch {spec.BatchSize}: {Epochs} epochs…");
            measured.Add((spec, Measure(spec)));
        }

        var prior = CostPriors.For(ExperimentKinds.Search, DeviceKinds.Cpu);
        var rows = new JsonArray();
        foreach (var (spec, epoch) in measured)
        {
            var fresh = CostModel.Estimate(epoch.Shape, prior, []);
            // Calibrated by the other sizes only: what the platform would estimate for a spec it has not run.
            var calibrated = CostModel.Estimate(epoch.Shape, prior, measured.Where(m => m.Spec != spec).Select(m => m.Epoch).ToList());
            rows.Add(new JsonObject
            {
                ["channels"] = spec.Channels, ["layers"] = spec.Layers, ["k"] = spec.K, ["batchSize"] = spec.BatchSize,
                ["stepsPerEpoch"] = epoch.Shape.StepsPerEpoch,
                ["measuredPeakMiB"] = Mib(epoch.PeakBytes), ["priorPeakMiB"] = Mib(fresh.PeakBytes), ["calibratedPeakMiB"] = Mib(calibrated.PeakBytes),
                ["measuredEpochSeconds"] = Math.Round(epoch.Seconds, 2), ["priorEpochSeconds"] = Math.Round(fresh.EpochSeconds, 2),
                ["calibratedEpochSeconds"] = Math.Round(calibrated.EpochSeconds, 2),
            });
        }
        if (!json) Console.Out.WriteLine(Table(rows));
        Console.Out.WriteLine(new JsonObject { ["threads"] = threads, ["epochs"] = Epochs, ["sizes"] = rows }.ToJsonString());
        return 0;
    }

    private static SearchSpec Size(int channels, int layers, int k, int batch) => new()
    {
        Dataset = DatasetNames.Synthetic, Channels = channels, Layers = layers, Nodes = 4, K = k, BatchSize = batch,
        Subset = batch * 16, TrainPortion = 0.5, Epochs = Epochs, WarmupEpochs = 0,
    };

    private static MeasuredEpoch Measure(SearchSpec spec)
    {
        var folder = Directory.CreateTempSubdirectory("pcdarts-estimate-");
        try
        {
            SelfProcess.Run($"the search of C = {spec.Channels}, K = {spec.K}",
            [
                "search", "--dataset", spec.Dataset, "--subset", Text(spec.Subset!.Value), "--train-portion", "0.5",
                "--batch-size", Text(spec.BatchSize), "--channels", Text(spec.Channels), "--layers", Text(spec.Layers),
                "--nodes", Text(spec.Nodes), "--k", Text(spec.K), "--epochs", Text(spec.Epochs), "--warmup-epochs", "0",
                "--threads", Text(spec.Threads!.Value), "--out", Path.Combine(folder.FullName, "run"),
            ]);
            var epochs = File.ReadAllLines(Path.Combine(folder.FullName, "run", "metrics.jsonl"))
                .Select(line => JsonDocument.Parse(line).RootElement)
                .Select(e => (Seconds: e.GetProperty("seconds").GetDouble(), Peak: e.GetProperty("peakProcessBytes").GetInt64()))
                .ToList();
            var seconds = epochs.Skip(1).Select(e => e.Seconds).Order().ToArray();
            return new MeasuredEpoch(StepShape.ForSearch(spec), seconds[seconds.Length / 2], epochs.Max(e => e.Peak));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Table(JsonArray rows)
    {
        var lines = new List<string>
        {
            " C  cells  K  batch | peak MiB measured  prior (ratio)  calibrated (ratio) | epoch s measured  prior (ratio)  calibrated (ratio)",
        };
        foreach (var row in rows)
        {
            var r = row!.AsObject();
            double Get(string name) => (double)r[name]!;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{(int)r["channels"]!,2}  {(int)r["layers"]!,5}  {(int)r["k"]!,1}  {(int)r["batchSize"]!,5} | " +
                $"{Get("measuredPeakMiB"),17:F0}  {Get("priorPeakMiB"),5:F0} ({Get("priorPeakMiB") / Get("measuredPeakMiB"),4:F2})  " +
                $"{Get("calibratedPeakMiB"),10:F0} ({Get("calibratedPeakMiB") / Get("measuredPeakMiB"),4:F2}) | " +
                $"{Get("measuredEpochSeconds"),16:F1}  {Get("priorEpochSeconds"),5:F1} ({Get("priorEpochSeconds") / Get("measuredEpochSeconds"),4:F2})  " +
                $"{Get("calibratedEpochSeconds"),10:F1} ({Get("calibratedEpochSeconds") / Get("measuredEpochSeconds"),4:F2})"));
        }
        lines.Add($"an estimate is accepted within {Tolerance:P0} of the measurement (ratio {1 - Tolerance:F1} – {1 + Tolerance:F1})");
        return string.Join("\n", lines);
    }

    private static double Mib(long bytes) => Math.Round(bytes / 1048576.0, 1);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
