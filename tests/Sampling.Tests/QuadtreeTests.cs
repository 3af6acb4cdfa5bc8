using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Quadtree;

namespace SourceModel.Sampling.Tests;

/// <summary>Quadtree downsampling (Jónsson et al. 2002): synthetic surfaces with a known variance structure give the
/// expected leaves, and every leaf statistic equals a brute-force computation over its pixels.</summary>
public sealed class QuadtreeTests
{
    /// <summary>64×64: three constant quadrants and one with unit-variance noise.</summary>
    private static RasterGrid Quadrants(int seed = 7)
    {
        var rng = new Random(seed);
        var v = new double[64 * 64];
        for (int j = 0; j < 64; j++)
            for (int i = 0; i < 64; i++)
                v[j * 64 + i] = (i < 32, j < 32) switch
                {
                    (true, true) => 1.0,
                    (false, true) => 2.0,
                    (true, false) => 3.0,
                    _ => rng.NextDouble() * 2 - 1,
                };
        return new RasterGrid(64, 64, 0, 100, 0, 100, v, false);
    }

    [Fact]
    public void Constant_quadrants_give_one_max_size_leaf_each_and_the_noisy_one_splits_to_min_size()
    {
        var leaves = QuadtreeBuilder.Build(Quadrants(), new QuadtreeOptions(Threshold: 0.1, MinSize: 4, MaxSize: 32));
        Assert.Equal(3 + 64, leaves.Count);
        var big = leaves.Where(l => l.Columns == 32).ToArray();
        Assert.Equal(3, big.Length);
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, big.Select(l => l.Value).Order());
        Assert.All(big, l => Assert.Equal(0, l.Scatter, 12));
        Assert.All(leaves.Except(big), l => Assert.Equal((4, 4, 16), (l.Columns, l.Rows, l.Pixels)));
    }

    [Fact]
    public void Leaf_statistics_equal_brute_force_over_their_pixels()
    {
        var g = Quadrants();
        var rng = new Random(3);
        for (int k = 0; k < g.Values.Length; k++) if (rng.NextDouble() < 0.2) g.Values[k] = double.NaN;
        foreach (var stat in new[] { LeafStatistic.Mean, LeafStatistic.Median })
        {
            var leaves = QuadtreeBuilder.Build(g, new QuadtreeOptions(0.2, 4, 32, MaxNanFraction: 0.6, Statistic: stat));
            var covered = new bool[g.Values.Length];
            foreach (var l in leaves)
            {
                var px = new List<(int I, int J, double V)>();
                for (int j = l.Row; j < l.Row + l.Rows; j++)
                    for (int i = l.Column; i < l.Column + l.Columns; i++)
                    {
                        Assert.False(covered[j * 64 + i], "leaves must not overlap");
                        covered[j * 64 + i] = true;
                        if (!double.IsNaN(g.Values[j * 64 + i])) px.Add((i, j, g.Values[j * 64 + i]));
                    }
                Assert.Equal(px.Count, l.Pixels);
                var sorted = px.Select(p => p.V).Order().ToArray();
                double expected = stat == LeafStatistic.Mean ? px.Average(p => p.V)
                    : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
                Assert.Equal(expected, l.Value, 12);
                Assert.Equal(px.Average(p => p.I), l.CentroidColumn, 12);
                Assert.Equal(px.Average(p => p.J), l.CentroidRow, 12);
                double mean = px.Average(p => p.V);
                Assert.Equal(Math.Sqrt(px.Average(p => (p.V - mean) * (p.V - mean))), l.Scatter, 10);
                Assert.True(1 - (double)l.Pixels / (l.Columns * l.Rows) <= 0.6 + 1e-12);
            }
        }
    }

    [Fact]
    public void A_plane_ramp_stays_in_max_size_leaves_when_detrending_and_splits_otherwise()
    {
        var v = new double[64 * 64];
        for (int j = 0; j < 64; j++) for (int i = 0; i < 64; i++) v[j * 64 + i] = 0.01 * i - 0.02 * j + 0.5;
        var g = new RasterGrid(64, 64, 0, 1, 0, 1, v, false);
        var detrended = QuadtreeBuilder.Build(g, new QuadtreeOptions(0.01, 4, 32, Detrend: true));
        Assert.Equal(4, detrended.Count);
        Assert.All(detrended, l => Assert.True(l.Scatter < 1e-6, $"scatter about the plane {l.Scatter} (rounding only)"));
        var plain = QuadtreeBuilder.Build(g, new QuadtreeOptions(0.01, 4, 32));
        Assert.True(plain.Count > 4 * detrended.Count);
    }

    [Fact]
    public void Sparse_regions_are_dropped_and_an_all_nan_grid_is_refused()
    {
        var g = Quadrants();
        for (int j = 0; j < 32; j++) for (int i = 0; i < 32; i++) if ((i + j) % 3 != 0) g.Values[j * 64 + i] = double.NaN;   // 2/3 missing
        var leaves = QuadtreeBuilder.Build(g, new QuadtreeOptions(0.1, 4, 32, MaxNanFraction: 0.5));
        Assert.DoesNotContain(leaves, l => l.Column < 32 && l.Row < 32);
        var empty = new RasterGrid(8, 8, 0, 1, 0, 1, Enumerable.Repeat(double.NaN, 64).ToArray(), false);
        Assert.Throws<ArgumentException>(() => QuadtreeBuilder.Build(empty, new QuadtreeOptions(0.1)));
    }

    [Fact]
    public void A_model_with_a_steep_gradient_refines_leaves_where_the_data_alone_would_not()
    {
        var flat = new RasterGrid(64, 64, 0, 1, 0, 1, new double[64 * 64], false);
        var m = new double[64 * 64];
        for (int j = 0; j < 64; j++) for (int i = 0; i < 64; i++) m[j * 64 + i] = i >= 32 && j >= 32 ? 0.05 * i : 0;
        var model = new RasterGrid(64, 64, 0, 1, 0, 1, m, false);
        var plain = QuadtreeBuilder.Build(flat, new QuadtreeOptions(0.01, 4, 32));
        var refined = QuadtreeBuilder.Build(flat, new QuadtreeOptions(0.01, 4, 32) { Model = model, ModelThreshold = 0.05 });
        Assert.Equal(4, plain.Count);
        Assert.True(refined.Count > plain.Count);
        Assert.All(refined.Where(l => l.Columns < 32), l => Assert.True(l.Column >= 32 && l.Row >= 32, "refinement only where the model varies"));
    }

    [Fact]
    public void Per_pixel_vectors_are_averaged_and_renormalised()
    {
        var g = new RasterGrid(4, 4, 0, 1, 0, 1, new double[16], false);
        double[] e = new double[16], n = new double[16], u = new double[16];
        for (int k = 0; k < 16; k++)
        {
            double inc = (30 + k) * Math.PI / 180;
            (e[k], n[k], u[k]) = (-Math.Sin(inc), 0, Math.Cos(inc));
        }
        var vec = PixelVectors.FromGrids(new RasterGrid(4, 4, 0, 1, 0, 1, e, false), new RasterGrid(4, 4, 0, 1, 0, 1, n, false), new RasterGrid(4, 4, 0, 1, 0, 1, u, false), g);
        var leaf = Assert.Single(QuadtreeBuilder.Build(g, new QuadtreeOptions(1, 4, 4), vec));
        double se = e.Sum(), su = u.Sum(), norm = Math.Sqrt(se * se + su * su);
        Assert.Equal(se / norm, leaf.UnitEast, 12);
        Assert.Equal(su / norm, leaf.UnitUp, 12);
    }

    [Fact]
    public void Quickselect_median_equals_the_sorted_median_for_random_arrays_with_ties()
    {
        var rng = new Random(5);
        for (int trial = 0; trial < 2000; trial++)
        {
            int n = rng.Next(1, 60);
            var a = Enumerable.Range(0, n).Select(_ => (double)rng.Next(0, trial % 3 == 0 ? 4 : 1000)).ToArray();
            var sorted = a.Order().ToArray();
            double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            Assert.Equal(expected, Selection.Median(a));
        }
    }
}
