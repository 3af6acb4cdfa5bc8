using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Sampling.Noise;

/// <summary>
/// Synthetic noise with a given covariance: x = L·z with z standard normal, so E[x xᵀ] = C. Realisation k of a run
/// with seed s always uses the generator seeded by (s, k), so Monte Carlo studies are reproducible and can be split
/// across machines.
/// </summary>
public sealed class CorrelatedNoise
{
    private readonly Whitening _w;

    /// <summary>Noise with covariance <paramref name="covariance"/> (m²).</summary>
    public CorrelatedNoise(Matrix<double> covariance) : this(new Whitening(covariance)) { }

    /// <summary>Noise with the covariance factored in <paramref name="whitening"/>.</summary>
    public CorrelatedNoise(Whitening whitening) => _w = whitening ?? throw new ArgumentNullException(nameof(whitening));

    /// <summary>One realisation drawn from <paramref name="random"/>, m.</summary>
    public double[] Sample(Random random)
    {
        var z = new double[_w.Count];
        for (int i = 0; i < z.Length; i++) z[i] = Normal.Sample(random, 0, 1);
        return _w.Colour(z);
    }

    /// <summary>Realisation <paramref name="index"/> of the run seeded with <paramref name="seed"/>, m.</summary>
    public double[] Realisation(int seed, int index) => Sample(new Random(StreamSeed(seed, index)));

    /// <summary>A seed for stream <paramref name="index"/> of a run seeded with <paramref name="seed"/>: SplitMix64 of both,
    /// stable across processes and .NET versions (unlike <see cref="HashCode"/>, which is randomised per process).</summary>
    public static int StreamSeed(int seed, int index)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
