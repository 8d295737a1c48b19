namespace PcDarts.Engine.Data;

/// <summary>
/// Tiny PRNG (Steele, Lea, Flood 2014) used wherever the data layer needs randomness.
/// Its output is fixed by the algorithm, unlike <see cref="Random"/> whose sequence is an
/// implementation detail of the runtime; shuffles and synthetic images must be identical
/// across processes, machines and .NET versions so that a search can resume from (seed, epoch).
/// </summary>
internal struct SplitMix64(ulong state)
{
    private ulong _state = state;

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, bound). Multiply-high (Lemire); the bias of at most bound/2^64 is irrelevant here.</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        return (int)(((UInt128)Next() * (ulong)bound) >> 64);
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
    /// A seed for stream <paramref name="index"/> of <paramref name="seed"/>: nearby (seed, index)
    /// pairs give unrelated streams, so per-epoch and per-batch seeds need no stored state.
    /// </summary>
    public static ulong Derive(long seed, long index) =>
        Mix(Mix((ulong)seed + 0x9E3779B97F4A7C15UL) ^ ((ulong)index * 0xD1B54A32D192ED03UL + 0x632BE59BD9B4E019UL));
}
