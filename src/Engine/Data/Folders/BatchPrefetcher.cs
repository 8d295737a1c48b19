namespace PcDarts.Engine.Data.Folders;

/// <summary>
/// Decodes batches ahead of the step that asks for them. A training loop walks an index list batch by batch
/// (BatchLoader's contract), so when batch b of a stream (one index list, batch size, seed and mode) is taken, batches
/// b+1 … b+<see cref="Depth"/> are queued: at most Depth ready or in-flight batches per stream, each image decoded as its
/// own task on <see cref="Workers"/> threads. A batch's bytes depend on its (indices, seed) only, never on which worker
/// ran first, so prefetching changes no result. A few streams are kept (weights, architecture, evaluation); the
/// oldest is dropped, its unstarted work cancelled.
/// </summary>
internal sealed class BatchPrefetcher : IDisposable
{
    private const int MaxStreams = 4;
    private readonly Func<BatchRequest, CancellationToken, Task<DecodedBatch>> _decode;
    private readonly List<Stream> _streams = [];
    private readonly object _gate = new();

    public BatchPrefetcher(int depth, int workers, Func<BatchRequest, TaskScheduler, CancellationToken, Task<DecodedBatch>> decode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        Depth = depth;
        Workers = workers;
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, workers).ConcurrentScheduler;
        _decode = (request, token) => decode(request, scheduler, token);
    }

    public int Depth { get; }
    public int Workers { get; }

    /// <summary>The decoded batch; a decoding error (e.g. a corrupt file) is thrown here, as it was raised.</summary>
    public DecodedBatch Take(BatchRequest request)
    {
        Task<DecodedBatch> wanted;
        lock (_gate)
        {
            var stream = Find(request);
            var count = BatchLoader.BatchCount(request.Indices.Length, request.BatchSize);
            for (var b = request.BatchIndex; b < Math.Min(count, request.BatchIndex + 1 + Depth); b++)
            {
                if (!stream.Pending.ContainsKey(b))
                    stream.Pending[b] = _decode(request with { BatchIndex = b }, stream.Cancel.Token);
            }
            wanted = stream.Pending[request.BatchIndex];
            foreach (var done in stream.Pending.Keys.Where(b => b <= request.BatchIndex).ToList()) stream.Pending.Remove(done);
        }
        return wanted.GetAwaiter().GetResult();
    }

    private Stream Find(BatchRequest request)
    {
        var stream = _streams.FirstOrDefault(s => s.Matches(request));
        if (stream is not null) return stream;
        if (_streams.Count == MaxStreams)
        {
            _streams[0].Cancel.Cancel();
            _streams.RemoveAt(0);
        }
        stream = new Stream(request);
        _streams.Add(stream);
        return stream;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var stream in _streams) stream.Cancel.Cancel();
            _streams.Clear();
        }
    }

    private sealed class Stream(BatchRequest first)
    {
        public Dictionary<int, Task<DecodedBatch>> Pending { get; } = [];
        public CancellationTokenSource Cancel { get; } = new();

        /// <summary>The same index list (by reference: loops build one per epoch), batch size, seed and mode.</summary>
        public bool Matches(BatchRequest r) => ReferenceEquals(r.Indices, first.Indices) && r.BatchSize == first.BatchSize
            && r.SeedBase == first.SeedBase && r.Train == first.Train && r.ColorJitter == first.ColorJitter;
    }
}

/// <summary>Batch <see cref="BatchIndex"/> of <see cref="Indices"/> in batches of <see cref="BatchSize"/>; a training batch
/// adds colour jitter only when <see cref="ColorJitter"/> is set (the retrain's pipeline, not the search's).</summary>
internal sealed record BatchRequest(int[] Indices, int BatchSize, int BatchIndex, long SeedBase, bool Train, bool ColorJitter = false);

/// <summary>A batch's images as uint8 B×3×S×S bytes and its labels.</summary>
internal sealed record DecodedBatch(byte[] Pixels, long[] Labels, int Size);
