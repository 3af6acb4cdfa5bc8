using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Quadtree;
using SourceModel.Sampling.Tests.Support;

namespace SourceModel.Sampling.Tests;

/// <summary>
/// Grids read a band of rows at a time (issue 21: memory O(band), not O(file)) give exactly what the whole grid gives:
/// the netCDF rows in either stored order, the quadtree's leaves under every option, the companion grids (coherence,
/// per-pixel vectors) and the preview drawn in the data report.
/// </summary>
public sealed class BandedQuadtreeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("banded-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    /// <summary>A bump, a ramp, noise and holes: leaves of every size, some dropped for no data.</summary>
    private static double[] Field(int nx, int ny, int seed, double holes = 0.15)
    {
        var rng = new Random(seed);
        var v = new double[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                double r2 = Math.Pow(i - 0.4 * nx, 2) + Math.Pow(j - 0.6 * ny, 2);
                v[j * nx + i] = 0.05 * Math.Exp(-r2 / (0.02 * nx * ny)) + 1e-4 * i + 0.002 * (rng.NextDouble() - 0.5);
            }
        // Holes come in clusters, as decorrelated patches do.
        for (int k = 0; k < holes * nx * ny / 9; k++)
        {
            int ci = rng.Next(nx), cj = rng.Next(ny);
            for (int j = Math.Max(0, cj - 1); j <= Math.Min(ny - 1, cj + 1); j++)
                for (int i = Math.Max(0, ci - 1); i <= Math.Min(nx - 1, ci + 1); i++) v[j * nx + i] = double.NaN;
        }
        return v;
    }

    private string Grid(string name, int nx, int ny, double[] values, bool decreasingY, int padding = 0)
    {
        string path = Path.Combine(dir, name);
        NetCdfGridWriter.Write(path, nx, ny, 1000, 50, 2000, 50, values, decreasingY, paddingAttributes: padding);
        return path;
    }

    private static GridDeclaration Declared(string path) => new("g", path)
    {
        Units = LengthUnit.Metre, Sign = LosSign.TowardSatellite, Angles = LookAngleConvention.IncidenceHeading, ConstantAngles = (34, 190),
    };

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(true, 2000)]   // a header of about 150 kB, longer than the first slice read
    public void Netcdf_rows_read_in_bands_equal_the_whole_grid_in_either_stored_order(bool decreasingY, int padding)
    {
        int nx = 37, ny = 29;
        var values = Field(nx, ny, 5);
        string path = Grid("rows.grd", nx, ny, values, decreasingY, padding);
        var whole = NetCdfClassicReader.Read(path);
        Assert.Equal((nx, ny, 1000.0, 50.0, 2000.0, 50.0), (whole.Nx, whole.Ny, whole.X0, whole.Dx, whole.Y0, whole.Dy));
        // Row 0 is the southern row whatever the file's order; float32 storage rounds the values.
        for (int k = 0; k < values.Length; k++) Assert.Equal((double)(float)values[k], whole.Values[k]);
        using var rows = NetCdfClassicReader.Open(path);
        foreach (var (row0, count) in new[] { (0, 1), (3, 7), (28, 1), (10, 19), (0, 29) })
        {
            var band = new double[count * nx];
            rows.Read(row0, count, band);
            Assert.Equal(whole.Values.AsSpan(row0 * nx, count * nx).ToArray(), band);
        }
    }

    public static TheoryData<int, int, int, double, bool, bool> Options => new()
    {
        // seed, min size, max size, threshold (m), median, detrend
        { 1, 4, 32, 0.002, false, false },
        { 2, 1, 16, 0.001, true, false },
        { 3, 3, 20, 0.004, false, true },    // max size not a multiple of min size: bands of 18 rows
        { 4, 8, 8, 0.002, true, true },
        { 5, 2, 128, 0.003, false, false },  // one band taller than the grid
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Downsampling_band_by_band_gives_exactly_the_leaves_of_the_whole_grid(int seed, int min, int max, double threshold, bool median, bool detrend)
    {
        int nx = 97, ny = 83;
        string path = Grid($"q{seed}.grd", nx, ny, Field(nx, ny, seed), decreasingY: seed % 2 == 0);
        var options = new QuadtreeOptions(threshold, min, max, 0.4, median ? LeafStatistic.Median : LeafStatistic.Mean, detrend);
        var whole = GridImporter.Import(Declared(path));
        var expected = QuadtreeBuilder.Build(whole.Values, options, whole.Vectors);
        var banded = GridDownsampler.Downsample(Declared(path), options);
        Assert.True(expected.Count > 10, $"only {expected.Count} leaves: the field should need many");
        Assert.Equal(expected, banded.Leaves);
        Assert.Equal(whole.Header.Layout, banded.Header.Layout);
        Assert.Equal(whole.Provenance.RowsRead, banded.Header.Provenance.RowsRead);
        var a = LeafDataset.From(whole, expected, options);
        var b = LeafDataset.From(banded, options);
        Assert.Equal(a.East.ToArray(), b.East.ToArray());
        Assert.Equal(a.Value.ToArray(), b.Value.ToArray());
    }

    [Fact]
    public void Coherence_mask_and_per_pixel_vectors_are_applied_band_by_band_as_on_the_whole_grid()
    {
        int nx = 70, ny = 61;
        var rng = new Random(9);
        var coherence = Enumerable.Range(0, nx * ny).Select(_ => rng.NextDouble()).ToArray();
        // Satellite-to-ground vectors varying across the scene (incidence 30-45°, heading ~ -170°).
        double[] e = new double[nx * ny], n = new double[e.Length], u = new double[e.Length];
        for (int k = 0; k < e.Length; k++)
        {
            double inc = (30 + 15.0 * (k % nx) / nx) * Math.PI / 180, look = (-170 + 90.0) * Math.PI / 180;
            (e[k], n[k], u[k]) = (-Math.Sin(inc) * Math.Sin(look), -Math.Sin(inc) * Math.Cos(look), -Math.Cos(inc));
        }
        var decl = new GridDeclaration("g", Grid("d.grd", nx, ny, Field(nx, ny, 11), true))
        {
            Units = LengthUnit.Metre, Sign = LosSign.AwayFromSatellite, Vector = VectorDirection.SatelliteToGround,
            VectorGrids = (Grid("e.grd", nx, ny, e, true), Grid("n.grd", nx, ny, n, true), Grid("u.grd", nx, ny, u, true)),
            CoherenceFile = Grid("c.grd", nx, ny, coherence, true), CoherenceMinimum = 0.3,
        };
        var options = new QuadtreeOptions(0.002, 2, 16);
        var whole = GridImporter.Import(decl);
        Assert.True(whole.Vectors.PerPixel);
        var banded = GridDownsampler.Downsample(decl, options);
        Assert.Equal(QuadtreeBuilder.Build(whole.Values, options, whole.Vectors), banded.Leaves);
        long kept = whole.Values.ValidCount();
        Assert.InRange(kept, (long)(0.55 * nx * ny), (long)(0.75 * nx * ny));   // 70 % coherent, minus the holes
        Assert.Equal(kept, banded.Header.Provenance.RowsRead);
    }

    [Fact]
    public void The_preview_holds_block_means_and_kept_shares_of_the_full_grid()
    {
        int nx = 650, ny = 310;   // step 3: blocks of 3 × 3, the last column and row of blocks partial
        string path = Grid("p.grd", nx, ny, Field(nx, ny, 4), false);
        var downsampled = GridDownsampler.Downsample(Declared(path), new QuadtreeOptions(0.002, 4, 64));
        var whole = GridImporter.Import(Declared(path)).Values;
        var p = downsampled.Preview;
        Assert.Equal(3, p.Step);
        var mean = p.Mean;
        var kept = p.Kept;
        Assert.Equal((104, 217), (mean.Length, mean[0].Length));
        foreach (var (bj, bi) in new[] { (0, 0), (50, 100), (103, 216), (103, 0), (0, 216) })
        {
            var v = new List<double>();
            int cells = 0;
            for (int j = bj * 3; j < Math.Min(ny, bj * 3 + 3); j++)
                for (int i = bi * 3; i < Math.Min(nx, bi * 3 + 3); i++, cells++)
                    if (!double.IsNaN(whole.Values[j * nx + i])) v.Add(whole.Values[j * nx + i]);
            Assert.Equal((double)v.Count / cells, kept[bj][bi], 12);
            if (v.Count > 0) Assert.Equal(v.Average(), mean[bj][bi], 12);
            else Assert.True(double.IsNaN(mean[bj][bi]));
        }
        Assert.Equal(whole.X(648.5), p.X[^1], 9);   // the partial last block: columns 648 and 649
        Assert.Equal(whole.Y(1), p.Y[0], 9);
    }

    [Fact]
    public void A_band_that_does_not_start_on_a_tile_boundary_is_refused()
    {
        var grid = new RasterGrid(40, 40, 0, 1, 0, 1, new double[1600], false);
        var options = new QuadtreeOptions(0.1, 4, 16);
        var layout = grid.Layout;
        var band = new GridBand(8, RasterGrid.Of(layout.Band(8, 16), new double[640]), PixelVectors.Uniform(0, 0, 1));
        Assert.Throws<ArgumentException>(() => QuadtreeBuilder.BuildBand(layout, band, options));
        var last = new GridBand(32, RasterGrid.Of(layout.Band(32, 8), new double[320]), PixelVectors.Uniform(0, 0, 1));
        Assert.Equal(QuadtreeBuilder.Build(grid, options).Where(l => l.Row >= 32), QuadtreeBuilder.BuildBand(layout, last, options));
    }

    [Fact]
    public void A_grid_with_no_value_left_is_refused_after_the_last_band()
    {
        int nx = 20, ny = 50;
        string path = Grid("nan.grd", nx, ny, Enumerable.Repeat(double.NaN, nx * ny).ToArray(), false);
        var e = Assert.Throws<Import.DataFormatException>(() => GridDownsampler.Downsample(Declared(path), new QuadtreeOptions(0.1, 2, 8)));
        Assert.Contains("every value of the grid is NaN", e.Message);
    }
}
