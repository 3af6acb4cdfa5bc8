using SourceModel.Sampling.Noise;

namespace SourceModel.Sampling.Tests;

/// <summary>The REML estimate of a pixel-level covariance from quadtree-leaf residuals (issue 19, "noise when none is
/// declared"), against leaves drawn from a known model, and against the leaf covariogram it replaces.</summary>
public sealed class LeafNoiseFitTests
{
    /// <summary>350 leaves over a 100 km scene, sides 0.5–8 km (small near the centre, large far out, as a quadtree
    /// makes them), 250 m pixels.</summary>
    private static (double[] E, double[] N, double[] Size, int[] Pixels) Leaves()
    {
        var rng = new Random(3);
        int n = 350;
        double[] e = new double[n], no = new double[n], size = new double[n];
        var pixels = new int[n];
        for (int i = 0; i < n; i++)
        {
            (e[i], no[i]) = (100_000 * (rng.NextDouble() - 0.5), 100_000 * (rng.NextDouble() - 0.5));
            double r = Math.Sqrt(e[i] * e[i] + no[i] * no[i]);
            size[i] = Math.Clamp(500 + r / 6, 500, 8_000);
            pixels[i] = (int)Math.Round(size[i] * size[i] / (250.0 * 250.0));
        }
        return (e, no, size, pixels);
    }

    [Fact]
    public void REML_recovers_the_pixel_level_sill_and_range_where_the_leaf_covariogram_underestimates_them()
    {
        var (e, n, size, pixels) = Leaves();
        var truth = new ExponentialCovariance(0.006 * 0.006, 10_000, 0.002 * 0.002);
        var noise = new CorrelatedNoise(LeafCovariance.Build(e, n, size, pixels, truth));
        var sigmas = new List<double>();
        var ranges = new List<double>();
        var naive = new List<double>();
        for (int k = 0; k < 4; k++)
        {
            var r = noise.Realisation(21, k);
            var fit = LeafNoiseFit.Fit(e, n, size, pixels, r, trendColumns: 1);
            sigmas.Add(Math.Sqrt(fit.Model.Sill));
            ranges.Add(fit.Model.Range);
            var bins = EmpiricalCovariogram.Compute(e, n, r, 2_000, 50_000);
            naive.Add(Math.Sqrt(CovarianceFit.Fit(bins).Model.Sill));
        }
        double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        // One 100 km scene constrains sill and range jointly more than separately (Zhang 2004): medians of four scenes
        // within 25 % (σ) and a factor 1.6 (range) of the truth, and the exponential's identifiable σ²/L within 35 %.
        Assert.InRange(Median(sigmas), 0.0045, 0.0075);
        Assert.InRange(Median(ranges), 10_000 / 1.6, 10_000 * 1.6);
        double microergodic = Enumerable.Range(0, 4).Select(k => sigmas[k] * sigmas[k] / ranges[k]).Order().ElementAt(2);
        Assert.InRange(microergodic / (0.006 * 0.006 / 10_000), 0.65, 1.35);
        // The covariogram of leaf values reads averaged leaves as pixels: its sill is biased low.
        Assert.True(Median(naive) < Median(sigmas), $"leaf covariogram σ {Median(naive) * 1000:F2} mm vs REML {Median(sigmas) * 1000:F2} mm");
    }

    [Fact]
    public void Too_few_points_are_refused()
    {
        var e = Enumerable.Range(0, 8).Select(i => 1000.0 * i).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => LeafNoiseFit.Fit(e, e, [], [], e, 1));
        Assert.Contains("too few", ex.Message);
    }
}
