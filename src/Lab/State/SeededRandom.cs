namespace DrillBot.Lab.State;

/// <summary>
/// Lock-free seeded randomness for the hot path: the n-th draw is SplitMix64(seed, n), so a run with the
/// same seed and the same request order makes the same choices.
/// </summary>
internal sealed class SeededRandom(int seed)
{
    private long _counter;

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble()
    {
        var n = (ulong)Interlocked.Increment(ref _counter);
        var z = unchecked(((ulong)(uint)seed << 32) + (n * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
