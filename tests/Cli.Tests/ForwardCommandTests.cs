using System.Globalization;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Cli.Tests;

public class ForwardCommandTests
{
    private const string Faults = """
        length_unit: km
        medium: { shear_modulus: 32e9, poisson_ratio: 0.25 }
        faults:
          - { east: 0, north: 0, top_depth: 1, length: 20, width: 10, strike: 30, dip: 60, rake: 90, slip: 1.5 }
          - { east: 5, north: -3, depth: 8, reference: centroid, length: 10, width: 5, strike: 120, dip: 80, strike_slip: -2, dip_slip: 0.3 }
        point_sources:
          - { east: -10, north: 4, depth: 6, strike: 0, dip: 90, inflation_potency: 1e6 }
        """;

    [Fact]
    public void Forward_on_points_equals_the_library_and_projects_on_per_point_los()
    {
        using var cli = new CliRunner();
        var model = cli.Write("model.yaml", Faults);
        var pts = cli.Write("pts.csv", "name,east,north,incidence,heading\nA,1000,2000,39,-10\nB,-15000,8000,34,190\n");
        var (code, stdout, err) = cli.Run("forward", "--faults", model, "--points", pts, "--out", cli.PathOf("f.csv"));
        Assert.True(code == 0, err);
        Assert.Contains("2 point(s) written", stdout);
        var rows = File.ReadAllLines(cli.PathOf("f.csv"));
        Assert.Equal("east_m,north_m,name,ue_m,un_m,uu_m,los_m,status", rows[0]);

        var medium = new ElasticMedium(32e9, 0.25);
        RectangularFault[] faults =
        [
            new(0, 0, 1000, 20e3, 10e3, 30, 60, FaultSlip.FromRake(90, 1.5)),
            RectangularFault.FromCentroid(5e3, -3e3, 8e3, 10e3, 5e3, 120, 80, new FaultSlip(-2, 0.3)),
        ];
        PointSourceFault[] points = [new(-10e3, 4e3, 6e3, 0, 90, 0, 0, 0, 1e6)];
        var expected = SurfaceDisplacement.Compute(faults, points, medium, [1000, -15000], [2000, 8000]);
        LosVector[] los = [LosVector.FromIncidenceAndHeading(39, -10), LosVector.FromIncidenceAndHeading(34, 190)];
        for (int i = 0; i < 2; i++)
        {
            var f = rows[i + 1].Split(',');
            Assert.Equal(i == 0 ? "A" : "B", f[2]);
            Assert.Equal(expected.East[i], double.Parse(f[3], CultureInfo.InvariantCulture));
            Assert.Equal(expected.North[i], double.Parse(f[4], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Up[i], double.Parse(f[5], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Los(i, los[i]), double.Parse(f[6], CultureInfo.InvariantCulture), 1e-15);
            Assert.Equal("ok", f[7]);
        }
    }

    [Fact]
    public void Example_runs_on_its_built_in_grid()
    {
        using var cli = new CliRunner();
        var (code, stdout, err) = cli.Run("forward", "--example", "--out", cli.PathOf("ex.csv"));
        Assert.True(code == 0, err);
        Assert.Contains("Mw = 6.69", stdout);
        var rows = File.ReadAllLines(cli.PathOf("ex.csv"));
        Assert.Equal(51 * 51 + 1, rows.Length);
        Assert.StartsWith("east_m,north_m,ue_m,un_m,uu_m,los_m,status", rows[0]);
    }

    [Fact]
    public void Unknown_key_in_the_fault_file_names_file_line_and_key()
    {
        using var cli = new CliRunner();
        var model = cli.Write("bad.yaml", "faults:\n  - east: 0\n    north: 0\n    top_depht: 1000\n    length: 1\n    width: 1\n    strike: 0\n    dip: 45\n");
        var (code, _, err) = cli.Run("forward", "--faults", model, "--grid", "0,10,0,10,5", "--out", cli.PathOf("o.csv"));
        Assert.Equal(1, code);
        Assert.Contains("bad.yaml", err);
        Assert.Contains("faults[0]", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void A_fault_above_the_surface_is_a_clear_error_at_its_line()
    {
        using var cli = new CliRunner();
        var model = cli.Write("up.yaml", "faults:\n  - { east: 0, north: 0, top_depth: -5, length: 10, width: 5, strike: 0, dip: 45, rake: 0, slip: 1 }\n");
        var (code, _, err) = cli.Run("forward", "--faults", model, "--grid", "0,10,0,10,5", "--out", cli.PathOf("o.csv"));
        Assert.Equal(1, code);
        Assert.Contains("up.yaml:2: faults[0]: topDepth = -5 m: the top of the fault is above the free surface", err);
        Assert.False(File.Exists(cli.PathOf("o.csv")));
    }

    [Fact]
    public void Conflicting_options_are_rejected()
    {
        using var cli = new CliRunner();
        var (code, _, err) = cli.Run("forward", "--example", "--los", "0,0,1", "--incidence", "30", "--heading", "0", "--out", cli.PathOf("o.csv"));
        Assert.Equal(1, code);
        Assert.Contains("not both", err);
        (code, _, err) = cli.Run("forward", "--out", cli.PathOf("o.csv"));
        Assert.Equal(1, code);
        Assert.Contains("--faults FILE or --example", err);
    }

    [Theory]
    [InlineData("0,10,0,10", "expected five numbers")]
    [InlineData("0,10,0,x,5", "expected five numbers")]
    [InlineData("10,0,0,10,5", "EMIN <= EMAX")]
    [InlineData("0,10,0,10,0", "SPACING > 0")]
    public void Malformed_grid_is_rejected_with_the_expected_form(string grid, string reason)
    {
        using var cli = new CliRunner();
        var (code, _, err) = cli.Run("forward", "--example", "--grid", grid, "--out", cli.PathOf("o.csv"));
        Assert.Equal(1, code);
        Assert.Contains($"--grid '{grid}'", err);
        Assert.Contains(reason, err);
        Assert.False(File.Exists(cli.PathOf("o.csv")));
    }
}
