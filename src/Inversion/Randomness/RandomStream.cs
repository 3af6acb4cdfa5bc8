namespace SourceModel.Inversion.Randomness;

/// <summary>
/// A seeded pseudo-random stream (xoshiro256**, seeded through SplitMix64) whose whole state can be saved and
/// restored, so a checkpointed optimiser resumes to exactly the numbers an uninterrupted run would have drawn.
/// <see cref="System.Random"/> cannot do that, and its sequence is not promised across .NET versions.
/// </summary>
public sealed class RandomStream
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    /// <summary>A stream seeded with <paramref name="seed"/>.</summary>
    public RandomStream(long seed)
    {
        ulong x = (ulong)seed;
        _s0 = SplitMix(ref x); _s1 = SplitMix(ref x); _s2 = SplitMix(ref x); _s3 = SplitMix(ref x);
    }

    private RandomStream(RandomState s)
    {
        (_s0, _s1, _s2, _s3) = (s.S0, s.S1, s.S2, s.S3);
        if (_s0 == 0 && _s1 == 0 && _s2 == 0 && _s3 == 0) throw new ArgumentException("an all-zero xoshiro state is invalid.");
        (_spare, _hasSpare) = (s.Spare ?? 0, s.Spare is not null);
    }

    /// <summary>Stream <paramref name="index"/> of a run seeded with <paramref name="seed"/>: independent streams for
    /// realisations, chains or workers, the same on every machine.</summary>
    public static RandomStream ForStream(long seed, long index)
    {
        ulong x = (ulong)seed ^ 0x6A09E667F3BCC909UL;
        ulong a = SplitMix(ref x);
        ulong y = a ^ ((ulong)index * 0xD1B54A32D192ED03UL);
        return new RandomStream((long)SplitMix(ref y));
    }

    /// <summary>The state, to save in a checkpoint.</summary>
    public RandomState State => new(_s0, _s1, _s2, _s3, _hasSpare ? _spare : null);

    /// <summary>A stream that continues from a saved state.</summary>
    public static RandomStream FromState(RandomState state) => new(state);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer on [0, <paramref name="count"/>).</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)(NextDouble() * count);
    }

    /// <summary>Standard normal (Marsaglia's polar method; the second value is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * m;
        _hasSpare = true;
        return u * m;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>The saved state of a <see cref="RandomStream"/>: the four xoshiro words and a pending normal deviate.</summary>
public sealed record RandomState(ulong S0, ulong S1, ulong S2, ulong S3, double? Spare);
