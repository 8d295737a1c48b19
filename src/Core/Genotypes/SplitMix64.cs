namespace PcDarts.Core.Genotypes;

/// <summary>
/// Steele, Lea and Flood's SplitMix64 (Vigna's reference constants). Written out here because System.Random's sequence for a
/// seed is not promised across .NET versions, and a random genotype's seed must name the same genotype everywhere.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, <paramref name="n"/>), unbiased: draws that fall in the incomplete top block are rejected.</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var bound = (ulong)n;
        var excess = (ulong.MaxValue % bound + 1) % bound;  // 2^64 mod n
        ulong x;
        do x = Next();
        while (x > ulong.MaxValue - excess);
        return (int)(x % bound);
    }
}
