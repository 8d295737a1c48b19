using System.Globalization;
using System.Text.Json;
using PcDarts.Cli.CommandLine;
using PcDarts.Engine.Benchmarks;
using PcDarts.Engine.Data.Folders;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts-runner bench --data DIR`: images/s of the image-folder loader, in all and per decode worker (core).</summary>
internal static class LoaderBench
{
    public const int MinimumBatches = 10;

    public static int Run(string folder, int? batchSize, int? steps, int? threads, bool json)
    {
        var batch = BenchCommand.Positive("--batch-size", batchSize, 64);
        var batches = BenchCommand.Positive("--steps", steps, 20);
        if (batches < MinimumBatches) throw new CliUsageException($"--steps: the loader's median needs at least {MinimumBatches} batches, got {batches}");
        var workers = BenchCommand.Positive("--threads", threads, ImageFolderSource.DefaultWorkers);
        if (!Directory.Exists(folder)) throw new CliUsageException($"--data: no such folder '{folder}'");
        if (!json) Console.Error.WriteLine($"decoding {batches} batches of {batch} from {folder} on {workers} worker(s)…");

        var result = LoaderBenchmark.Run(folder, batch, batches, workers);
        if (!json)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Images} images, {result.Size}×{result.Size} crops: median batch {result.MedianBatchMs:F1} ms, " +
                $"{result.ImagesPerSecond:F0} images/s, {result.ImagesPerSecondPerWorker:F0} images/s per core ({result.Workers} workers), " +
                $"{result.ImagesPerCpuSecond:F0} images per CPU-second"));
        }
        Console.Out.WriteLine(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
        return 0;
    }
}
