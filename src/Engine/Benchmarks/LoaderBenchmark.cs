using System.Diagnostics;
using PcDarts.Core.Randomness;
using PcDarts.Engine.Data;
using PcDarts.Engine.Data.Folders;

namespace PcDarts.Engine.Benchmarks;

/// <summary>
/// What the image-folder loader sustains: every batch decoded and augmented by all workers at once, timed alone.
/// <see cref="ImagesPerCpuSecond"/> divides the images by the processor time the process spent on them: the rate of one
/// core that is not shared, where the per-worker wall-clock rate falls when other work competes for the cores.
/// </summary>
public sealed record LoaderBenchmarkResult(string Folder, int Images, int Workers, int BatchSize, int Size, int Batches,
    double MedianBatchMs, double ImagesPerSecond, double ImagesPerSecondPerWorker, double ImagesPerCpuSecond);

/// <summary>
/// Times the retrain's pipeline of an image folder (decode, random-resized crop, flip, colour jitter) batch by batch on
/// <c>workers</c> threads, over a seeded random order of its images: the median batch gives images/s, and per worker
/// what one core adds. No look-ahead, so each batch's time is its own.
/// </summary>
public static class LoaderBenchmark
{
    public static LoaderBenchmarkResult Run(string folder, int batchSize, int batches, int workers, int size = ImageNetAugment.EvalCrop)
    {
        var train = Path.Combine(folder, DatasetSources.TrainFolder);
        var index = ImageFolderIndex.Read(Directory.Exists(train) ? train : folder);
        using var source = new ImageFolderSource("bench", index, size, workers, depth: 0);
        var order = EpochOrder.Shuffle(index.Files.Length, seed: 1, epoch: 1);
        var available = BatchLoader.BatchCount(order.Length, batchSize);
        var times = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpu = TimeSpan.Zero;
        // One untimed batch first: the decoder's and the thread pool's start-up is not the loader's rate.
        for (var b = 0; b <= batches; b++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            source.Decoded(new BatchRequest(order, batchSize, b % available, unchecked((long)SplitMix64.Derive(7, b)), Train: true, ColorJitter: true));
            if (b == 0) continue;
            times.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu += process.TotalProcessorTime - cpuBefore;
        }
        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        var batchImages = Math.Min(batchSize, order.Length);
        var perSecond = batchImages / (median / 1000);
        return new LoaderBenchmarkResult(folder, index.Files.Length, workers, batchSize, size, batches, median, perSecond, perSecond / workers,
            batchImages * batches / cpu.TotalSeconds);
    }
}
