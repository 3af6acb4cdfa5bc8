using MathNet.Numerics.LinearAlgebra;
using SourceModel.Sampling.Noise;

namespace SourceModel.Sampling.Tests;

/// <summary>Noise model: synthesis, empirical (semi)variogram, model fits, leaf covariance, whitening.</summary>
public sealed class CovarianceTests
{
    private static (double[] E, double[] N) RandomPoints(int n, double size, int seed)
    {
        var rng = new Random(seed);
        double[] e = new double[n], no = new double[n];
        for (int i = 0; i < n; i++) { e[i] = rng.NextDouble() * size; no[i] = rng.NextDouble() * size; }
        return (e, no);
    }

    [Fact]
    public void Noise_synthesised_from_a_known_exponential_model_is_fitted_back_within_sampling_error()
    {
        var truth = new ExponentialCovariance(Sill: 4e-4, Range: 6000, Nugget: 2e-5);
        var (e, n) = RandomPoints(1000, 60e3, 1);
        var noise = new CorrelatedNoise(LeafCovariance.Build(e, n, [], [], truth));
        const int batches = 8, perBatch = 5;
        var ranges = new List<double>();
        var sills = new List<double>();
        var nuggets = new List<double>();
        for (int b = 0; b < batches; b++)
        {
            var pooled = new Dictionary<int, (double D, double G, long P)>();
            for (int r = 0; r < perBatch; r++)
            {
                var z = noise.Realisation(seed: 42, index: b * perBatch + r);
                foreach (var bin in EmpiricalCovariogram.Compute(e, n, z, binWidth: 1000, maxDistance: 30e3))
                {
                    int key = (int)(bin.Distance / 1000);
                    var (d, g, p) = pooled.GetValueOrDefault(key);
                    pooled[key] = (d + bin.Distance * bin.Pairs, g + bin.Semivariance * bin.Pairs, p + bin.Pairs);
                }
            }
            var bins = pooled.OrderBy(kv => kv.Key).Select(kv => new CovarianceBin(kv.Value.D / kv.Value.P, kv.Value.G / kv.Value.P, 0, kv.Value.P)).ToList();
            var fit = (ExponentialCovariance)CovarianceFit.Fit(bins).Model;
            ranges.Add(fit.Range);
            sills.Add(fit.Sill);
            nuggets.Add(fit.Nugget);
        }
        // The batch estimates scatter by sampling error alone; their mean must sit within 3 standard errors of the
        // truth (plus 5% for the known downward bias of variograms of mean-removed data on a finite domain).
        void Within(List<double> est, double truth, string what)
        {
            double mean = est.Average(), sd = Math.Sqrt(est.Sum(x => (x - mean) * (x - mean)) / (est.Count - 1));
            double allowed = 3 * sd / Math.Sqrt(est.Count) + 0.05 * truth;
            Assert.True(Math.Abs(mean - truth) <= allowed, $"{what}: mean {mean:G4} vs truth {truth:G4} (allowed ±{allowed:G3}; batch sd {sd:G3})");
            Assert.True(sd < 0.5 * truth, $"{what}: batch scatter {sd:G3} too large to be a meaningful test");
        }
        Within(ranges, truth.Range, "range");
        Within(sills, truth.Sill, "sill");
        Assert.All(nuggets, x => Assert.InRange(x, 0, 4 * truth.Nugget + 2e-5));
    }

    [Fact]
    public void Exponential_cosine_fit_recovers_a_hole_effect_from_its_exact_semivariogram()
    {
        var truth = new ExponentialCosineCovariance(Sill: 1e-4, Range: 10e3, Wavelength: 15e3, Nugget: 1e-6);
        var bins = Enumerable.Range(1, 40).Select(i => new CovarianceBin(i * 1000.0, truth.Semivariance(i * 1000.0), 0, 100)).ToList();
        var fit = (ExponentialCosineCovariance)CovarianceFit.Fit(bins, CovarianceFamily.ExponentialCosine).Model;
        Assert.InRange(fit.Range, 0.99 * truth.Range, 1.01 * truth.Range);
        Assert.InRange(fit.Wavelength, 0.99 * truth.Wavelength, 1.01 * truth.Wavelength);
        Assert.InRange(fit.Sill, 0.99 * truth.Sill, 1.01 * truth.Sill);
        var exp = CovarianceFit.Fit(bins, CovarianceFamily.Exponential);
        Assert.True(exp.WeightedRms > 10 * CovarianceFit.Fit(bins, CovarianceFamily.ExponentialCosine).WeightedRms,
            "an exponential cannot follow the hole effect");
    }

    [Fact]
    public void Leaf_covariance_is_symmetric_and_the_variance_of_a_leaf_mean_falls_with_its_size()
    {
        var model = new ExponentialCovariance(1e-4, 5000, 4e-6);
        double[] e = [0, 3000, 20000, 0], n = [0, 0, 0, 40000];
        double[] sizes = [0, 500, 4000, 16000];
        int[] pixels = [1, 25, 1600, 25600];
        var c = LeafCovariance.Build(e, n, sizes, pixels, model, subSamples: 4);
        Assert.True(c.Equals(c.Transpose()));
        Assert.Equal(model.Sill + model.Nugget, c[0, 0], 15);               // a single pixel
        Assert.True(c[1, 1] < c[0, 0] && c[2, 2] < c[1, 1] && c[3, 3] < c[2, 2]);
        // Far apart relative to their sizes: the covariance is the model at the centroid distance.
        Assert.Equal(model.Correlated(3000), c[0, 1], 6);
        // The diagonal of a big leaf matches a brute-force double integral of the model over its square (to the
        // sub-sampling error of a 4×4 lattice: a few per cent).
        double brute = 0;
        const int m = 24;
        for (int a = 0; a < m * m; a++)
            for (int b = 0; b < m * m; b++)
            {
                double dx = ((a % m) - (b % m)) * sizes[2] / m, dy = ((a / m) - (b / m)) * sizes[2] / m;
                brute += model.Correlated(Math.Sqrt(dx * dx + dy * dy));
            }
        brute /= (double)m * m * m * m;
        Assert.InRange(c[2, 2] - model.Nugget / pixels[2], 0.97 * brute, 1.03 * brute);
    }

    [Fact]
    public void Whitening_turns_the_covariance_into_the_identity_and_gives_log_det()
    {
        var (e, n) = RandomPoints(60, 20e3, 5);
        var c = LeafCovariance.Build(e, n, [], [], new ExponentialCovariance(1e-4, 4000, 1e-6));
        var w = new Whitening(c);
        // W C Wᵀ = I: whiten each column of C, then each row of the result.
        var wc = Matrix<double>.Build.Dense(60, 60);
        for (int j = 0; j < 60; j++) wc.SetColumn(j, w.Whiten(c.Column(j).ToArray()));
        var wcw = Matrix<double>.Build.Dense(60, 60);
        for (int i = 0; i < 60; i++) wcw.SetRow(i, w.Whiten(wc.Row(i).ToArray()));
        Assert.True((wcw - Matrix<double>.Build.DenseIdentity(60)).InfinityNorm() < 1e-8);
        Assert.Equal(Math.Log(c.Determinant()), w.LogDeterminant, 6);
        // The column form gives the same as whitening column by column.
        var columns = c.ToColumnMajorArray();
        w.WhitenColumnsInPlace(columns, 60);
        Assert.True((Matrix<double>.Build.Dense(60, 60, columns) - wc).InfinityNorm() < 1e-9);
        var r = Enumerable.Range(0, 60).Select(i => Math.Sin(i) * 1e-2).ToArray();
        Assert.Equal(c.Solve(Vector<double>.Build.DenseOfArray(r)).DotProduct(Vector<double>.Build.DenseOfArray(r)), w.ChiSquare(r), 6);
    }

    [Fact]
    public void Whitening_many_vectors_at_once_equals_one_at_a_time_for_every_count()
    {
        var (e, n) = RandomPoints(83, 20e3, 7);
        var w = new Whitening(LeafCovariance.Build(e, n, [], [], new ExponentialCovariance(1e-4, 4000, 1e-6)));
        var random = new Random(3);
        for (int count = 1; count <= 9; count++)
        {
            // Vectors may be longer than the covariance (pooled buffers): only the first 83 entries are whitened.
            var vectors = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 90).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
            var expected = vectors.Select(v => w.Whiten(v.AsSpan(0, 83))).ToArray();
            var tails = vectors.Select(v => v[83..]).ToArray();
            w.WhitenMany(vectors, count);
            for (int v = 0; v < count; v++)
            {
                for (int i = 0; i < 83; i++)
                    Assert.InRange(vectors[v][i], expected[v][i] - 1e-12 * (1 + Math.Abs(expected[v][i])), expected[v][i] + 1e-12 * (1 + Math.Abs(expected[v][i])));
                Assert.Equal(tails[v], vectors[v][83..]);
            }
        }
        Assert.Throws<ArgumentException>(() => w.WhitenMany([new double[10]], 1));
    }

    [Fact]
    public void A_covariance_that_is_not_positive_definite_is_refused()
    {
        var c = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 2, 1 } });
        Assert.ThrowsAny<ArgumentException>(() => new Whitening(c));
    }

    [Fact]
    public void Realisations_are_reproducible_per_seed_and_index_and_differ_between_indices()
    {
        var (e, n) = RandomPoints(20, 5e3, 2);
        var noise = new CorrelatedNoise(LeafCovariance.Build(e, n, [], [], new ExponentialCovariance(1e-4, 2000)));
        Assert.Equal(noise.Realisation(7, 3), noise.Realisation(7, 3));
        Assert.NotEqual(noise.Realisation(7, 3), noise.Realisation(7, 4));
        // SplitMix64 of (1 << 32 | 2), computed independently in Python; a change would silently re-seed old studies.
        Assert.Equal(340_815_906, CorrelatedNoise.StreamSeed(1, 2));
    }

    [Fact]
    public void Plane_trend_removal_recovers_the_plane_and_leaves_the_noise()
    {
        var (e, n) = RandomPoints(300, 50e3, 9);
        var rng = new Random(4);
        var noise = e.Select(_ => (rng.NextDouble() - 0.5) * 1e-3).ToArray();
        var v = e.Select((x, i) => 0.02 + 3e-7 * x - 1e-7 * n[i] + noise[i]).ToArray();
        var (r, a, b, c) = PlaneTrend.Remove(e, n, v);
        Assert.InRange(b, 3e-7 - 2e-9, 3e-7 + 2e-9);
        Assert.InRange(c, -1e-7 - 2e-9, -1e-7 + 2e-9);
        Assert.InRange(a, 0.02 - 2e-4, 0.02 + 2e-4);
        double meanNoise = noise.Average();
        for (int i = 0; i < r.Length; i++) Assert.InRange(r[i] - (noise[i] - meanNoise), -2e-4, 2e-4);
        Assert.Throws<ArgumentException>(() => PlaneTrend.Remove([0, 1, 2], [0, 1, 2], [1, 2, 3]));
    }

    [Fact]
    public void Noise_model_of_a_dataset_is_its_covariance_or_the_diagonal_of_its_sigmas()
    {
        var p = new ImportProvenance("x", "test", [], 2);
        double[] z = [0, 0];
        double[] up = [1, 1];
        var withSigma = new GeodeticDataset("s", DatasetKind.GnssComponent, [0, 1], [0, 0], [0.1, 0.2], z, z, up, p, sigma: [0.01, 0.02]);
        var c = NoiseModel.CovarianceOf(withSigma);
        Assert.Equal(1e-4, c[0, 0], 15);
        Assert.Equal(4e-4, c[1, 1], 15);
        Assert.Equal(0, c[0, 1]);
        var full = Matrix<double>.Build.DenseOfArray(new double[,] { { 2e-4, 1e-4 }, { 1e-4, 2e-4 } });
        Assert.Equal(full, NoiseModel.CovarianceOf(withSigma.WithCovariance(full)));
        var none = new GeodeticDataset("n", DatasetKind.GnssComponent, [0, 1], [0, 0], [0.1, 0.2], z, z, up, p);
        Assert.Contains("no sigmas and no covariance", Assert.Throws<ArgumentException>(() => NoiseModel.CovarianceOf(none)).Message);
    }

    [Fact]
    public void Blocked_cholesky_matches_mathnet_across_several_panels()
    {
        var (e, n) = RandomPoints(333, 40e3, 8);                    // 333 = 2 full panels of 128 + a partial one
        var c = LeafCovariance.Build(e, n, [], [], new ExponentialCovariance(1e-4, 6000, 2e-6));
        var reference = c.Cholesky().Factor;
        var w = new Whitening(c);
        double worst = 0;
        for (int i = 0; i < 333; i++)
            for (int j = 0; j <= i; j++) worst = Math.Max(worst, Math.Abs(w.Factor(i, j) - reference[i, j]));
        Assert.True(worst < 1e-14, $"largest difference {worst:G3} m");
        Assert.Equal(0, w.Factor(3, 200));
    }
}
