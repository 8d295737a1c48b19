namespace PcDarts.Engine.Training;

/// <summary>
/// Every random draw of an epoch derives from (run seed, epoch, purpose), never from state carried across epochs,
/// so a run resumed from a checkpoint draws exactly what an uninterrupted run would have drawn.
/// </summary>
public static class EpochSeeds
{
    public const int WeightOrder = 1;
    public const int ArchitectureOrder = 2;
    public const int WeightAugmentation = 3;
    public const int ArchitectureAugmentation = 4;
    public const int DropPath = 5;
    /// <summary>The search's per-class sample (drawn once, under epoch 0: epochs count from 1).</summary>
    public const int SearchSubset = 6;

    public static long For(int seed, int epoch, int purpose)
    {
        // SplitMix64 finalizer over the packed triple: cheap, well mixed, stable across runtimes.
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)epoch * 0xBF58476D1CE4E5B9UL ^ (ulong)purpose * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (long)((z ^ (z >> 31)) >> 1);
    }
}
