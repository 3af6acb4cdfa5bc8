using SourceModel.Sampling.Noise;

namespace SourceModel.Sampling.Tests;

/// <summary>Circulant-embedding noise on pixel grids: the realisations have the covariance they were asked for.</summary>
public sealed class GridNoiseTests
{
    private const double Sigma = 0.005, Range = 4_000, Spacing = 250;

    /// <summary>Sample covariance of pixel pairs (i, j) and (i + lag, j) over many realisations, m².</summary>
    private static (double Variance, double LagCovariance, double CrossCorrelation) Moments(int lag, int realisations)
    {
        const int n = 48;
        var noise = new GridNoise(new ExponentialCovariance(Sigma * Sigma, Range), n, n, Spacing, Spacing);
        var random = new Random(7);
        double v = 0, c = 0, ab = 0, aa = 0, bb = 0;
        long count = 0, pairs = 0;
        for (int r = 0; r < realisations; r++)
        {
            var (a, b) = noise.Sample(random);
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++)
                {
                    double x = a[j * n + i];
                    v += x * x + b[j * n + i] * b[j * n + i];
                    ab += x * b[j * n + i]; aa += x * x; bb += b[j * n + i] * b[j * n + i];
                    count += 2;
                    if (i + lag < n) { c += x * a[j * n + i + lag] + b[j * n + i] * b[j * n + i + lag]; pairs += 2; }
                }
        }
        return (v / count, c / pairs, ab / Math.Sqrt(aa * bb));
    }

    [Fact]
    public void Pixel_variance_and_lagged_covariance_match_the_exponential_model()
    {
        // 400 realisations of a 48 × 48 grid spanning 3 correlation lengths: the variance of a realisation's mean square
        // is dominated by the few independent patches per grid (~9), so the estimate is good to ~2 %; bounds are 4 %.
        var (variance, lag, cross) = Moments(lag: 8, realisations: 400);
        Assert.InRange(variance, 0.96 * Sigma * Sigma, 1.04 * Sigma * Sigma);
        double expected = Sigma * Sigma * Math.Exp(-8 * Spacing / Range);   // C(2 km) = σ² e^(−0.5)
        Assert.InRange(lag, expected - 0.04 * Sigma * Sigma, expected + 0.04 * Sigma * Sigma);
        // Real and imaginary parts are independent realisations.
        Assert.InRange(cross, -0.05, 0.05);
    }

    [Fact]
    public void The_embedding_of_an_exponential_covariance_needs_no_clipping_and_seeds_reproduce()
    {
        var noise = new GridNoise(new ExponentialCovariance(Sigma * Sigma, Range), 60, 40, Spacing, 300);
        Assert.InRange(noise.NegativeEigenFraction, 0, 1e-6);
        Assert.Equal(noise.Sample(new Random(3)).First, noise.Sample(new Random(3)).First);
        Assert.NotEqual(noise.Sample(new Random(3)).First, noise.Sample(new Random(4)).First);
        Assert.Throws<ArgumentException>(() => new GridNoise(new ExponentialCovariance(1, 1), 0, 5, 1, 1));
    }
}
