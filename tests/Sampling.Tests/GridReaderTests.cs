using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Import;

namespace SourceModel.Sampling.Tests;

/// <summary>Grid readers against files written by Unidata's ncgen (Data/*.cdl state the expected values) and by the tests.</summary>
public sealed class GridReaderTests
{
    private static string D(string f) => SharedData.TestData(f);

    [Fact]
    public void Classic_netcdf_geographic_grid_reads_values_coordinates_and_fill()
    {
        var g = NetCdfClassicReader.Read(D("geographic-classic.grd"));
        Assert.True(g.Geographic);
        Assert.Equal((4, 3), (g.Nx, g.Ny));
        Assert.Equal(13.0, g.X0, 12);
        Assert.Equal(0.1, g.Dx, 12);
        Assert.Equal(42.0, g.Y0, 12);
        Assert.Equal(0.05, g.Dy, 12);
        Assert.Equal(0.01f, (float)g.Values[0]);
        Assert.Equal(0.12f, (float)g.Values[11]);
        Assert.True(double.IsNaN(g.Values[5]));   // the _FillValue node (row 1, column 1)
        Assert.Equal(11, g.ValidCount());
    }

    [Fact]
    public void Sixty_four_bit_offset_grid_with_packed_shorts_and_decreasing_y_is_unpacked_and_flipped()
    {
        var g = NetCdfClassicReader.Read(D("metric-64bit-offset.grd"));
        Assert.False(g.Geographic);
        Assert.Equal((3, 2), (g.Nx, g.Ny));
        Assert.Equal(600, g.Y0, 12);              // file stores y = 800, 600: flipped to increasing
        Assert.Equal(200, g.Dy, 12);
        // Row y = 600 (file row 2): 4, 6, 8 → 10 + 0.5·raw.
        Assert.Equal(new[] { 12.0, 13.0, 14.0 }, g.Values[..3]);
        Assert.Equal(10.0, g.Values[3]);
        Assert.Equal(11.0, g.Values[4]);
        Assert.True(double.IsNaN(g.Values[5]));   // -32768 fill
    }

    [Fact]
    public void Netcdf4_hdf5_file_is_refused_with_a_conversion_hint()
    {
        var e = Assert.Throws<DataFormatException>(() => NetCdfClassicReader.Read(D("hdf5.nc")));
        Assert.Contains("nccopy -k classic", e.Message);
    }

    [Fact]
    public void Truncated_netcdf_is_a_format_error_not_a_crash()
    {
        var bytes = File.ReadAllBytes(D("geographic-classic.grd"));
        foreach (int keep in new[] { 3, 10, 40, 200, bytes.Length - 4 })
        {
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllBytes(path, bytes[..keep]);
                Assert.Throws<DataFormatException>(() => NetCdfClassicReader.Read(path));
            }
            finally { File.Delete(path); }
        }
    }

    [Fact]
    public void Xyz_text_grid_in_any_order_with_nan_and_missing_nodes()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# x y z\n20 0 3\n0 0 1\n10 0 2\n0 10 4\n10 10 NaN\n");   // node (20, 10) absent
            var g = XyzGridReader.Read(path, geographic: false);
            Assert.Equal((3, 2), (g.Nx, g.Ny));
            Assert.Equal(10, g.Dx);
            Assert.Equal(new[] { 1.0, 2.0, 3.0, 4.0 }, new[] { g.Values[0], g.Values[1], g.Values[2], g.Values[3] });
            Assert.True(double.IsNaN(g.Values[4]) && double.IsNaN(g.Values[5]));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Xyz_nodes_off_the_lattice_or_duplicated_name_the_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "0 0 1\n10 0 2\n20 0 3\n15.5 0 9\n");
            var e = Assert.Throws<DataFormatException>(() => XyzGridReader.Read(path, false));
            Assert.Contains("regular lattice", e.Message);
            File.WriteAllText(path, "0 0 1\n10 0 2\n10 0 3\n");
            e = Assert.Throws<DataFormatException>(() => XyzGridReader.Read(path, false));
            Assert.Equal(3, e.Line);
            File.WriteAllText(path, "0 0 NaN\n10 0 NaN\n");
            e = Assert.Throws<DataFormatException>(() => XyzGridReader.Read(path, false));
            Assert.Contains("NaN", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Grid_import_applies_units_sign_coherence_mask_and_constant_angles()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            string data = Path.Combine(dir, "los.xyz"), coh = Path.Combine(dir, "coh.xyz");
            File.WriteAllText(data, "0 0 10\n1 0 20\n0 1 30\n1 1 40\n");
            File.WriteAllText(coh, "0 0 0.9\n1 0 0.1\n0 1 0.5\n1 1 0.8\n");
            var g = GridImporter.Import(new GridDeclaration("g", data)
            {
                Units = LengthUnit.Millimetre, Sign = LosSign.AwayFromSatellite, Coordinates = new CoordinateDeclaration(CoordinateKind.Local, LengthUnit.Kilometre),
                Angles = LookAngleConvention.IncidenceHeading, ConstantAngles = (39, 349), CoherenceFile = coh, CoherenceMinimum = 0.3,
            });
            Assert.Equal(-0.010, g.Values.Values[0], 15);
            Assert.True(double.IsNaN(g.Values.Values[1]));          // coherence 0.1 < 0.3
            Assert.Equal(1000, g.Values.Dx, 12);                     // km → m
            Assert.True(g.Vectors.Constant.U > 0 && g.Vectors.Constant.E < 0);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Metric_netcdf_axes_use_the_files_unit_and_a_contradicting_declaration_is_refused()
    {
        var decl = new GridDeclaration("m", D("metric-64bit-offset.grd"))
        {
            Units = LengthUnit.Millimetre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite, ConstantVector = (0, 0, 1),
        };
        var g = GridImporter.Import(decl);
        Assert.Equal(500, g.Values.Dx, 12);                       // x:units = "m"
        Assert.Null(g.Reference);
        var e = Assert.Throws<DataFormatException>(() => GridImporter.Import(decl with { Coordinates = new CoordinateDeclaration(CoordinateKind.Local, LengthUnit.Kilometre) }));
        Assert.Contains("contradict", e.Message);
        e = Assert.Throws<DataFormatException>(() => GridImporter.Import(decl with { Coordinates = CoordinateDeclaration.Geographic }));
        Assert.Contains("contradict", e.Message);
    }

    [Fact]
    public void Leaves_of_a_geographic_grid_sit_at_their_projected_pixel_centroids_with_sizes_in_metres()
    {
        var decl = new GridDeclaration("g", D("geographic-classic.grd"))
        {
            Units = LengthUnit.Metre, Sign = LosSign.TowardSatellite, Angles = LookAngleConvention.IncidenceHeading, ConstantAngles = (23, 193.6),
            Reference = new Projection.GeoReference(13.15, 42.05),
        };
        var grid = GridImporter.Import(decl);
        var options = new Quadtree.QuadtreeOptions(Threshold: 1.0, MinSize: 1, MaxSize: 4);
        var leaves = Quadtree.QuadtreeBuilder.Build(grid.Values, options, grid.Vectors);
        var leaf = Assert.Single(leaves);                                   // 4×3 pixels, 11 valid, smooth: one leaf
        Assert.Equal(11, leaf.Pixels);
        var d = Quadtree.LeafDataset.From(grid, leaves, options);
        // Centroid of the valid pixels (the no-data node is column 1, row 1).
        double lon = (3 * 13.0 + 2 * 13.1 + 3 * 13.2 + 3 * 13.3) / 11, lat = (4 * 42.0 + 3 * 42.05 + 4 * 42.1) / 11;
        Assert.Equal(lon, d.Longitude[0], 12);
        Assert.Equal(lat, d.Latitude[0], 12);
        var (e, n) = new Projection.LocalProjection(decl.Reference!).Forward(lon, lat);
        Assert.Equal(e, d.East[0], 6);
        Assert.Equal(n, d.North[0], 6);
        double r = Quadtree.LeafDataset.EarthRadius * Math.PI / 180;
        Assert.Equal(Math.Sqrt(4 * 0.1 * r * Math.Cos(lat * Math.PI / 180) * 3 * 0.05 * r), d.LeafSize[0], 6);
        Assert.Equal((0.01 + 0.02 + 0.03 + 0.04 + 0.05 + 0.07 + 0.08 + 0.09 + 0.10 + 0.11 + 0.12) / 11, d.Value[0], 6);
        // The look vector (incidence 23°, heading 193.6°, relative to true north) is turned into the grid frame by the
        // meridian convergence at the leaf: turned back, it is the declared one; in the grid frame it differs.
        var declared = LookAngles.ToUnitVector(LookAngleConvention.IncidenceHeading, 23, 193.6);
        var back = Support.TrueFrame.Vector(d, 0);
        Assert.Equal(declared.East, back.East, 12);
        Assert.Equal(declared.North, back.North, 12);
        double gamma = Math.Atan2(d.UnitEast[0], d.UnitNorth[0]) - Math.Atan2(declared.East, declared.North);
        // The leaf lies east of the reference meridian, so true north leans west of grid north by (λ − λ0)·sin φ
        // (≈ 5e-5 rad here; higher orders are ~1e-14), and every azimuth reads that much smaller on the grid.
        double expected = -(lon - 13.15) * Math.PI / 180 * Math.Sin(lat * Math.PI / 180);
        Assert.InRange(gamma, expected - 1e-8, expected + 1e-8);
        Assert.Contains(d.Provenance.ConventionSummary.Split("; "), c => c.Contains("meridian convergence"));
    }
}
