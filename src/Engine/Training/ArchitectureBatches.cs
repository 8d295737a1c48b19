using PcDarts.Core.Randomness;
using PcDarts.Engine.Data;

namespace PcDarts.Engine.Training;

/// <summary>
/// The architecture batches of one search epoch, drawn the authors' way (train_search_imagenet.py's `valid_queue_iter`):
/// full batches from a shuffled pass over the architecture half; when a pass has no full batch left it restarts with a
/// fresh shuffle, so no batch is replayed within the epoch and none is partial. Pass p of epoch e is shuffled with a
/// seed derived from (run seed, epoch, pass) and step s is augmented with a seed derived from s: any step is rebuilt
/// from those alone, which keeps a resumed run exact.
/// </summary>
public sealed class ArchitectureBatches
{
    private readonly int[] _indices;
    private readonly int _batchSize;
    private readonly int _batchesPerPass;
    private readonly long _orderSeed;
    private readonly long _augmentSeed;
    private readonly int _epoch;
    private int _pass = -1;
    private int[] _order = [];

    public ArchitectureBatches(int[] indices, int batchSize, int seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfZero(indices.Length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _indices = indices;
        // An architecture half smaller than one batch is used whole, every step.
        _batchSize = Math.Min(batchSize, indices.Length);
        _batchesPerPass = indices.Length / _batchSize;
        _orderSeed = EpochSeeds.For(seed, epoch, EpochSeeds.ArchitectureOrder);
        _augmentSeed = EpochSeeds.For(seed, epoch, EpochSeeds.ArchitectureAugmentation);
        _epoch = epoch;
    }

    /// <summary>The dataset indices of step <paramref name="step"/>'s architecture batch.</summary>
    public int[] IndicesAt(int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        var pass = step / _batchesPerPass;
        if (pass != _pass)
        {
            var passSeed = unchecked((int)SplitMix64.Derive(_orderSeed, pass));
            _order = EpochOrder.Shuffle(_indices, passSeed, _epoch);
            _pass = pass;
        }
        return _order.AsSpan((step % _batchesPerPass) * _batchSize, _batchSize).ToArray();
    }

    /// <summary>The augmentation seed of step <paramref name="step"/>: fresh crops and flips every step.</summary>
    public long AugmentSeedAt(int step) => BatchLoader.BatchSeed(_augmentSeed, step);
}
