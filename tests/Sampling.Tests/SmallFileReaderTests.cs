using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Tests.Support;
using SourceModel.Sampling.Import;

namespace SourceModel.Sampling.Tests;

/// <summary>Each reader on small files the tests write: values, units, signs and vectors, and the error for every kind
/// of bad input (file, line, column, what was expected).</summary>
public sealed class SmallFileReaderTests : IDisposable
{
    private readonly TempFiles _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static DatasetDeclaration Lltnde(string path) => new("t", path, DataFormat.Lltnde)
    {
        Units = LengthUnit.Centimetre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite,
    };

    private const string GoodLltnde =
        "13.30 42.30 100 -0.60 -0.10 0.7937 12.5 1\n" +
        "13.31 42.30 110 -0.60 -0.10 0.7937 -3.0 1\n" +
        "13.32 42.31 120 -0.60 -0.10 0.7937 0.25 2\n";

    [Fact]
    public void Lltnde_values_are_converted_to_metres_and_vectors_normalised()
    {
        var d = DatasetImporter.Import(Lltnde(_tmp.Write("a.lltnde", GoodLltnde)));
        Assert.Equal(3, d.Count);
        Assert.Equal(0.125, d.Value[0], 15);
        double norm = Math.Sqrt(0.36 + 0.01 + 0.7937 * 0.7937);
        Assert.Equal(-0.60 / norm, TrueFrame.Vector(d, 0).East, 14);   // the file's vector, in true east/north
        Assert.Equal(2.0, d.PointWeight[2]);
        Assert.Contains("values in cm", d.Provenance.ConventionSummary);
        Assert.Contains("reference: mean data position", d.Provenance.ConventionSummary);
    }

    [Fact]
    public void Away_sign_and_satellite_to_ground_vectors_are_both_negated_leaving_the_projection_unchanged()
    {
        var path = _tmp.Write("b.lltnde", "13.30 42.30 0 0.60 0.10 -0.7937 12.5 1\n");
        var d = DatasetImporter.Import(Lltnde(path) with { Sign = LosSign.AwayFromSatellite, Vector = VectorDirection.SatelliteToGround });
        Assert.Equal(-0.125, d.Value[0], 15);
        Assert.True(d.UnitUp[0] > 0);
    }

    [Fact]
    public void Generic_delimited_csv_with_header_names_sigma_and_angles()
    {
        var path = _tmp.Write("c.csv", "# my export\nX_km,Y_km,disp_mm,err_mm,inc,head\n10,20,5,1,35,190\n11,20,-5,2,36,190\n");
        var d = DatasetImporter.Import(new DatasetDeclaration("c", path, DataFormat.Delimited)
        {
            Units = LengthUnit.Millimetre, Sign = LosSign.TowardSatellite, Angles = LookAngleConvention.IncidenceHeading,
            Coordinates = new CoordinateDeclaration(CoordinateKind.Local, LengthUnit.Kilometre),
            Layout = new TableLayout(',', true, new Dictionary<ColumnRole, int>(), new Dictionary<ColumnRole, string>
            {
                [ColumnRole.X] = "X_km", [ColumnRole.Y] = "Y_km", [ColumnRole.Value] = "disp_mm", [ColumnRole.Sigma] = "err_mm",
                [ColumnRole.AngleA] = "inc", [ColumnRole.AngleB] = "head",
            }),
        });
        Assert.Equal(10e3, d.East[0]);
        Assert.Equal(0.002, d.Sigma[1], 15);
        // Descending (heading 190), right-looking: the satellite is to the east.
        Assert.True(d.UnitEast[0] > 0.5);
        Assert.Equal(Math.Cos(35 * Math.PI / 180), d.UnitUp[0], 12);
    }

    [Theory]
    [InlineData("13.30 42.30 100 -0.60 -0.10 0.7937 12.5\n", 1, 0, "expected 8 columns, found 7")]
    [InlineData("13.30 42.30 100 -0.60 -0.10 0.7937 abc 1\n", 1, 7, "expected a number for 'value', got 'abc'")]
    [InlineData("13.30 42.30 100 -0.60 -0.10 0.7937 NaN 1\n", 1, 7, "not a finite number")]
    [InlineData("13.30 42.30 100 -0.60 -0.10 0.7937 1 1\n13.30 42.30 100 -0.60 -0.10 0.7937 -Infinity 1\n", 2, 7, "not a finite number")]
    [InlineData("13.30 42.30 100 -0.90 -0.10 0.7937 1 1\n", 1, 4, "norm")]
    [InlineData("13.30 42.30 100 0.60 0.10 -0.7937 1 1\n", 1, 6, "points down")]
    [InlineData("13.30 42.30 100 -0.60 -0.10 0.7937 1 1\n13.30 42.30 100 -0.60 -0.10 0.7937 2 1\n", 2, 0, "duplicated point")]
    [InlineData("", 0, 0, "no data rows")]
    [InlineData("# only a comment\n\n", 0, 0, "no data rows")]
    [InlineData("213.30 95 100 -0.60 -0.10 0.7937 1 1\n", 1, 2, "latitude 95")]
    [InlineData("13.30 42.30 100 -0.60 -0.10 0.7937 1 0\n", 1, 8, "weight must be positive")]
    [InlineData("13.30 42.30 100 -0.60 -0.10 0.7937 12000 1\n", 1, 7, "not a plausible surface displacement")]
    public void Bad_lltnde_input_names_file_line_column_and_expectation(string text, int line, int column, string fragment)
    {
        var path = _tmp.Write("bad.lltnde", text);
        var e = Assert.Throws<DataFormatException>(() => DatasetImporter.Import(Lltnde(path)));
        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(fragment, e.Message);
        Assert.StartsWith(path, e.Message);
    }

    [Fact]
    public void Missing_declarations_are_errors_never_guesses()
    {
        var path = _tmp.Write("d.lltnde", GoodLltnde);
        Assert.Contains("declare 'units'", Assert.Throws<DataFormatException>(() => DatasetImporter.Import(Lltnde(path) with { Units = null })).Message);
        Assert.Contains("declare 'sign'", Assert.Throws<DataFormatException>(() => DatasetImporter.Import(Lltnde(path) with { Sign = null })).Message);
        Assert.Contains("declare 'vector'", Assert.Throws<DataFormatException>(() => DatasetImporter.Import(Lltnde(path) with { Vector = null })).Message);
    }

    [Fact]
    public void Declarations_that_contradict_the_file_are_errors()
    {
        var kite = _tmp.Write("k.csv", "lon,lat,los_m,incidence_deg,heading_deg,unit_e,unit_n,unit_u\n13.3,42.3,0.01,20,348.4,-0.335,-0.069,0.9397\n");
        var decl = new DatasetDeclaration("k", kite, DataFormat.BeatCsv) { Units = LengthUnit.Metre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite };
        Assert.Equal(1, DatasetImporter.Import(decl).Count);
        // The header says metres.
        Assert.Contains("contradict", Assert.Throws<DataFormatException>(() => DatasetImporter.Import(decl with { Units = LengthUnit.Centimetre })).Message);
        // Angles and vectors disagree when the declared direction is wrong.
        var e = Assert.Throws<DataFormatException>(() => DatasetImporter.Import(decl with { Vector = VectorDirection.SatelliteToGround }));
        Assert.Equal(2, e.Line);
        // Incidence outside 0-90.
        var badInc = _tmp.Write("k2.csv", "lon,lat,los_m,incidence_deg,heading_deg,unit_e,unit_n,unit_u\n13.3,42.3,0.01,95,348.4,-0.335,-0.069,0.9397\n");
        e = Assert.Throws<DataFormatException>(() => DatasetImporter.Import(decl with { File = badInc }));
        Assert.Contains("outside 0-90", e.Message);
        Assert.Equal(4, e.Column);
        // A lon/lat format declared as UTM.
        var lltnde = _tmp.Write("e.lltnde", GoodLltnde);
        Assert.Contains("contradicts", Assert.Throws<DataFormatException>(() => DatasetImporter.Import(Lltnde(lltnde) with
        { Coordinates = new CoordinateDeclaration(CoordinateKind.Utm, LengthUnit.Metre, 33) })).Message);
        // UTM declared in metres for a file in km.
        var okinv = _tmp.Write("f.okinv", "465.1 4197.7 0.02 0.658 0.113 -0.744 1\n");
        e = Assert.Throws<DataFormatException>(() => DatasetImporter.Import(new DatasetDeclaration("o", okinv, DataFormat.Okinv)
        {
            Units = LengthUnit.Metre, Sign = LosSign.AwayFromSatellite, Vector = VectorDirection.SatelliteToGround,
            Coordinates = new CoordinateDeclaration(CoordinateKind.Utm, LengthUnit.Metre, 37),
        }));
        Assert.Contains("check the declared unit", e.Message);
    }

    [Fact]
    public void Covariance_file_must_match_the_data_and_be_symmetric()
    {
        var data = _tmp.Write("g.lltnde", GoodLltnde);
        var ok = _tmp.Write("c.csv", "4,1,0\n1,4,1\n0,1,4\n");
        var d = DatasetImporter.Import(Lltnde(data) with { CovarianceFile = ok, CovarianceUnits = LengthUnit.Centimetre });
        Assert.Equal(4e-4, d.Covariance![0, 0], 15);
        Assert.Contains("covariance from c.csv (cm²)", d.Provenance.ConventionSummary);
        var wrongSize = _tmp.Write("c2.csv", "4,1\n1,4\n");
        Assert.Contains("expected 3", Assert.Throws<DataFormatException>(() => DatasetImporter.Import(Lltnde(data) with { CovarianceFile = wrongSize })).Message);
        var asym = _tmp.Write("c3.csv", "4,1,0\n2,4,1\n0,1,4\n");
        Assert.Contains("not symmetric", Assert.Throws<DataFormatException>(() => DatasetImporter.Import(Lltnde(data) with { CovarianceFile = asym })).Message);
    }

    [Fact]
    public void Gtdef_and_sdm_small_files()
    {
        var gt = _tmp.Write("x.in", "coord geo\nfault 1 name 1 2 3\npoint 3 AAAA -70.8 -30.1 0 -0.25 -0.11 -0.005 0.014 0.003 0.018 1\n");
        var g = DatasetImporter.Import(new DatasetDeclaration("g", gt, DataFormat.Gtdef) { Kind = DatasetKind.Gnss3, Units = LengthUnit.Metre });
        Assert.Equal(3, g.Count);
        Assert.Equal(new[] { "AAAA.E", "AAAA.N", "AAAA.U" }, g.Labels);
        var local = _tmp.Write("y.in", "coord local\npoint 3 A 1 2 0 1 1 1 1 1 1 1\n");
        Assert.Contains("coord geo", Assert.Throws<DataFormatException>(() => DatasetImporter.Import(new DatasetDeclaration("g", local, DataFormat.Gtdef) { Kind = DatasetKind.Gnss3, Units = LengthUnit.Metre })).Message);
        var sdm = _tmp.Write("up.dat", "38.0 142.0 0.5 0.01\r\n38.1 142.1 0.4 0.01\r\n");
        var s = DatasetImporter.Import(new DatasetDeclaration("up", sdm, DataFormat.Sdm)
        { Kind = DatasetKind.GnssComponent, Units = LengthUnit.Metre, Angles = LookAngleConvention.SdmIncidenceAzimuth, ConstantAngles = (0, 0) });
        Assert.Equal(1.0, s.UnitUp[1], 15);
        Assert.Equal(142.1, s.Longitude[1], 12);
    }

    [Fact]
    public void Kite_quadtree_export_angles_in_radians_and_the_declared_leaf_value()
    {
        // Kite's Quadtree.export: comment header, then id, focal E, N, theta, phi (radians), mean, median, weight.
        double theta = (90 - 35) * Math.PI / 180, phi = 190 * Math.PI / 180;   // satellite 55° above the western horizon
        var path = _tmp.Write("kite.csv",
            "# node_id, focal_point_E, focal_point_N, theta, phi, mean_displacement, median_displacement, absolute_weight\n" +
            FormattableString.Invariant($"node_1, 1500.0, 2500.0, {theta:R}, {phi:R}, 0.012, 0.010, 0.8\n") +
            FormattableString.Invariant($"node_2, 4500.0, 2500.0, {theta:R}, {phi:R}, -0.004, -0.005, 1.2\n"));
        var decl = new DatasetDeclaration("kite", path, DataFormat.KiteCsv)
        {
            Units = LengthUnit.Metre, Sign = LosSign.TowardSatellite, Coordinates = new CoordinateDeclaration(CoordinateKind.Local),
        };
        Assert.Contains("leaf_value", Assert.Throws<DataFormatException>(() => DatasetImporter.Import(decl)).Message);
        var mean = DatasetImporter.Import(decl with { LeafValue = Quadtree.LeafStatistic.Mean });
        var median = DatasetImporter.Import(decl with { LeafValue = Quadtree.LeafStatistic.Median });
        Assert.Equal(0.012, mean.Value[0]);
        Assert.Equal(0.010, median.Value[0]);
        Assert.Equal(1500.0, mean.East[0]);
        Assert.Equal(1.2, mean.PointWeight[1]);
        Assert.Equal(Math.Cos(35 * Math.PI / 180), mean.UnitUp[0], 12);                       // sin θ = cos(incidence)
        Assert.Equal(Math.Sin(35 * Math.PI / 180) * Math.Cos(phi), mean.UnitEast[0], 12);     // west: negative
        Assert.True(mean.UnitEast[0] < 0);
        Assert.Equal(new[] { "node_1", "node_2" }, mean.Labels);
    }

    [Fact]
    public void An_azimuth_offset_takes_its_direction_as_given_and_needs_no_los_sign()
    {
        var path = _tmp.Write("azo.txt", "10 20 0.35\n11 20 -0.10\n");
        var d = DatasetImporter.Import(new DatasetDeclaration("azo", path, DataFormat.Delimited)
        {
            Kind = DatasetKind.AzimuthOffset, Units = LengthUnit.Metre, ConstantVector = (-0.19, -0.98, 0),
            Coordinates = new CoordinateDeclaration(CoordinateKind.Local, LengthUnit.Kilometre),
            Layout = TableLayout.Whitespace(3, (ColumnRole.X, 1), (ColumnRole.Y, 2), (ColumnRole.Value, 3)),
        });
        Assert.Equal(0.35, d.Value[0]);
        Assert.Equal(-0.98 / Math.Sqrt(0.19 * 0.19 + 0.98 * 0.98), d.UnitNorth[0], 12);
        Assert.Contains("observation direction as given", d.Provenance.ConventionSummary);
    }
}
