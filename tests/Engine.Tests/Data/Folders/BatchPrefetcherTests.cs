using System.Collections.Concurrent;
using PcDarts.Engine.Data.Folders;

namespace PcDarts.Engine.Tests.Data.Folders;

public class BatchPrefetcherTests
{
    [Fact]
    public void Taking_a_batch_queues_the_next_ones_of_its_stream_up_to_the_depth()
    {
        var started = new ConcurrentQueue<(int[] Indices, int Batch)>();
        using var prefetcher = new BatchPrefetcher(depth: 3, workers: 2, (request, scheduler, _) =>
        {
            started.Enqueue((request.Indices, request.BatchIndex));
            return Task.FromResult(new DecodedBatch([(byte)request.BatchIndex], [request.BatchIndex], 1));
        });
        var weights = Enumerable.Range(0, 40).ToArray();
        var architecture = Enumerable.Range(40, 40).ToArray();

        var first = prefetcher.Take(new BatchRequest(weights, 8, 0, SeedBase: 1, Train: true));
        Assert.Equal(0, first.Pixels[0]);
        Assert.Equal([0, 1, 2, 3], started.Select(s => s.Batch).Order());

        // Another stream (the architecture batches) is queued on its own; the first one's queue is kept.
        prefetcher.Take(new BatchRequest(architecture, 8, 0, SeedBase: 2, Train: true));
        var second = prefetcher.Take(new BatchRequest(weights, 8, 1, SeedBase: 1, Train: true));
        Assert.Equal(1, second.Pixels[0]);
        var weightBatches = started.Where(s => s.Indices == weights).Select(s => s.Batch).ToArray();
        // Batch 1 was decoded ahead, not again; batch 4 joined the queue; 40 images in batches of 8 stop at batch 4.
        Assert.Equal([0, 1, 2, 3, 4], weightBatches);
        prefetcher.Take(new BatchRequest(weights, 8, 4, SeedBase: 1, Train: true));
        Assert.Equal(5, started.Count(s => s.Indices == weights));
    }

    [Fact]
    public void A_decoding_error_reaches_the_step_that_takes_its_batch_unwrapped()
    {
        using var prefetcher = new BatchPrefetcher(depth: 2, workers: 1, (request, scheduler, _) => request.BatchIndex == 1
            ? Task.FromException<DecodedBatch>(new Engine.Data.DataFormatException("/data/train/cat/7.jpg", "corrupt"))
            : Task.FromResult(new DecodedBatch([0], [0], 1)));
        var order = Enumerable.Range(0, 30).ToArray();

        prefetcher.Take(new BatchRequest(order, 10, 0, 5, true));
        var error = Assert.Throws<Engine.Data.DataFormatException>(() => prefetcher.Take(new BatchRequest(order, 10, 1, 5, true)));
        Assert.Equal("/data/train/cat/7.jpg", error.FilePath);
    }
}
