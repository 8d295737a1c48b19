namespace PcDarts.Core.Randomness;

/// <summary>
/// Steele, Lea and Flood's SplitMix64 (Vigna's reference constants): the one seeded generator of the project, behind
/// random genotypes, data order, synthetic images and augmentation seeds. Written out because
/// <see cref="System.Random"/>'s sequence for a seed is not promised across .NET versions, and a seed must name the same
/// genotype, the same shuffle and the same image on every machine, so that a search resumes exactly from (seed, epoch).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>
    /// Uniform in [0, <paramref name="bound"/>): Lemire's multiply-high with rejection of the 2^64 mod bound low
    /// products that would bias it. A rejection has probability below bound / 2^64, so for the bounds used here the
    /// result is the plain multiply-high of one draw.
    /// </summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var n = (ulong)bound;
        var product = (UInt128)Next() * n;
        if ((ulong)product < n)
        {
            var threshold = (0UL - n) % n; // 2^64 mod n
            while ((ulong)product < threshold) product = (UInt128)Next() * n;
        }
        return (int)(ulong)(product >> 64);
    }

    /// <summary>Uniform in [low, high] inclusive.</summary>
    public int NextInt(int low, int high) => low + NextInt(high - low + 1);

    /// <summary>The SplitMix64 finaliser: a bijective avalanche mix of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// A seed for stream <paramref name="index"/> of <paramref name="seed"/>: nearby (seed, index) pairs give unrelated
    /// streams, so per-epoch and per-batch seeds need no stored state.
    /// </summary>
    public static ulong Derive(long seed, long index) =>
        Mix(Mix((ulong)seed + 0x9E3779B97F4A7C15UL) ^ ((ulong)index * 0xD1B54A32D192ED03UL + 0x632BE59BD9B4E019UL));
}
