using System.Globalization;
using System.Text;
using System.Text.Json;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;

namespace SourceModel.Cli.Tests;

/// <summary>`sourcemodel interseismic CONFIG.yaml`: profiles across a synthetic strike-slip fault, tied to GNSS,
/// recover the slip rate and locking depth; bad traces, thin swaths and wrong units are refused.</summary>
public sealed class InterseismicCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static readonly LosVector Ascending = LosVector.FromIncidenceAndHeading(39, -12);

    /// <summary>An east-striking right-lateral fault (10 mm/yr, locked to 12 km) seen by an ascending track over
    /// ±150 km, plus a 2 mm/yr offset and a ramp of 1 mm/yr per 100 km east, with 1 mm/yr of white noise; GNSS at 15
    /// sites with the true velocities. <paramref name="scale"/> multiplies the written LOS values (1000: mm/yr).</summary>
    private string Config(string extra = "", double scale = 1, string trace = "{east_m: [-150000, 150000], north_m: [0, 0]}", string profiles = "{count: 2, length_m: 260000, width_m: 30000, bin_m: 10000}")
    {
        var screw = new ScrewDislocation(-0.010, 12_000);
        var random = new Random(4);
        var e = new List<double>();
        var n = new List<double>();
        for (int i = 0; i <= 100; i++) for (int j = 0; j <= 100; j++) { e.Add(-150_000 + 3_000.0 * i + 11); n.Add(-150_000 + 3_000.0 * j + 7); }
        // Distance to the right of an east strike is south: x = −north; the fault-parallel velocity is along east.
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var v = e.Select((x, k) => (screw.FaultParallelVelocity(-n[k]) * Ascending.East + 0.002 + 1e-8 * x + 0.001 * Gaussian()) * scale).ToArray();
        string map = _cli.Write("velocities.csv", LocalLosCsv.Text(e, n, v, Ascending, 0.001 * scale));
        var gps = new StringBuilder("site,x,y,ve,vn,vu,se,sn,su\n");
        for (int k = 0; k < 15; k++)
        {
            double x = -120_000 + 240_000 * random.NextDouble(), y = -120_000 + 240_000 * random.NextDouble();
            gps.AppendLine(string.Create(CultureInfo.InvariantCulture, $"S{k:00},{x},{y},{screw.FaultParallelVelocity(-y):R},0,0,0.0005,0.0005,0.002"));
        }
        string gpsFile = _cli.Write("gps.csv", gps.ToString());
        return _cli.Write("interseismic.yaml", $"""
            datasets:
            {LocalLosCsv.Declaration("track", map)}
              - name: gps
                file: {gpsFile}
                format: gnss
                delimiter: comma
                header: true
                columns: {"{"}x: x, y: y, gnss_e: ve, gnss_n: vn, gnss_u: vu, sigma_e: se, sigma_n: sn, sigma_u: su, name: site{"}"}
                coordinates: {"{"}system: local, unit: m{"}"}
                units: m
            velocities: track
            gnss: {"{"}dataset: gps, radius_m: 4000, ramp: true{"}"}
            trace: {trace}
            profiles: {profiles}
            parameters:
              main.slip_rate: [-0.03, 0.03]
              main.locking_depth: [1000, 40000]
              offset: [-0.01, 0.01]
              trend: [-1e-7, 1e-7]
            grid_search: {"{"}slip_rate: [-0.02, 0, 41], locking_depth: [2000, 30000, 29]{"}"}
            mcmc: {"{"}chains: 2, iterations: 6000, burn_in: 2000, thin: 2, seed: 3{"}"}
            {extra}
            output: run
            """);
    }

    [Fact]
    public void Profiles_tied_to_gnss_recover_slip_rate_and_locking_depth_within_their_credible_intervals()
    {
        var (code, output, err) = _cli.Run("interseismic", Config());
        Assert.True(code == 0, err + output);
        string run = _cli.PathOf("run");
        foreach (string f in new[] { "summary.json", "profiles.csv", "profile_P1.csv", "bins_P1.csv", "grid_P1.csv", "samples_P1.csv", "band_P1.csv", "profile_P2.csv" })
            Assert.True(File.Exists(Path.Combine(run, f)), $"{f} missing");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        var s = summary.RootElement;
        // The tie removes the 2 mm/yr offset and the ramp (1e-8 per m) that the GNSS sites do not have.
        var gnss = s.GetProperty("gnss");
        double centre = gnss.GetProperty("centre_east_m").GetDouble();
        double sigma = gnss.GetProperty("offset_sigma_m_per_yr").GetDouble();
        Assert.InRange(gnss.GetProperty("offset_m_per_yr").GetDouble() - (0.002 + 1e-8 * centre), -4 * sigma, 4 * sigma);
        Assert.InRange(gnss.GetProperty("east_gradient_per_yr").GetDouble(), 0.5e-8, 1.5e-8);
        foreach (var p in s.GetProperty("profiles").EnumerateArray())
        {
            JsonElement Q(string name) => p.GetProperty("posterior").EnumerateArray().First(q => q.GetProperty("name").GetString() == name);
            var rate = Q("main.slip_rate");
            var depth = Q("main.locking_depth");
            Assert.InRange(-0.010, rate.GetProperty("p2_5").GetDouble(), rate.GetProperty("p97_5").GetDouble());
            Assert.InRange(12_000, depth.GetProperty("p2_5").GetDouble(), depth.GetProperty("p97_5").GetDouble());
            Assert.InRange(rate.GetProperty("split_rhat").GetDouble(), 0.99, 1.1);
            var grid = p.GetProperty("grid");
            Assert.InRange(-0.010, grid.GetProperty("region_95").GetProperty("slip_rate_m_per_yr")[0].GetDouble(), grid.GetProperty("region_95").GetProperty("slip_rate_m_per_yr")[1].GetDouble());
            // After the tie, the profile's own offset is near zero.
            Assert.InRange(Q("offset").GetProperty("p50").GetDouble(), -0.001, 0.001);
            Assert.InRange(p.GetProperty("points").GetInt32(), 700, 1000);
        }
        Assert.Contains("P1: slip rate", output);
        Assert.True(File.Exists(Path.Combine(run, "report.html")));
        if (Reports.Tests.HeadlessChromium.Executable is not null)
        {
            var (dom, console, _) = Reports.Tests.HeadlessChromium.Render(Path.Combine(run, "report.html"), _cli.PathOf("shot.png"));
            Assert.Contains("data-rendered-ms", dom);
            Assert.Empty(console);
            Assert.Contains("LOS velocity across the fault", dom);
            Assert.True(new FileInfo(_cli.PathOf("shot.png")).Length > 20_000, "a screenshot with content");
        }
    }

    [Fact]
    public void A_trace_that_crosses_no_data_is_refused_with_the_profile_and_the_hint()
    {
        var (code, _, err) = _cli.Run("interseismic", Config(trace: "{east_m: [600000, 900000], north_m: [500000, 500000]}"), "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("profile P1 has 0 point(s)", err);
        Assert.Contains("check that the trace crosses the data", err);
        Assert.False(Directory.Exists(_cli.PathOf("run")), "nothing may be written");
    }

    [Fact]
    public void A_swath_too_thin_for_the_parameters_is_refused()
    {
        var (code, _, err) = _cli.Run("interseismic", Config(profiles: "{count: 1, length_m: 20000, width_m: 4000}"), "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("fitting 4 parameter(s) needs at least 10", err);
    }

    [Fact]
    public void Velocities_written_in_mm_per_yr_but_declared_in_metres_are_caught()
    {
        var (code, _, err) = _cli.Run("interseismic", Config(scale: 1000), "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("far beyond interseismic rates", err);
        Assert.Contains("units: mm", err);
    }

    [Theory]
    [InlineData("iterations: 6000", "iterations: 2000000000", "mcmc.iterations", "kept draws")]
    [InlineData("locking_depth: [2000, 30000, 29]", "locking_depth: [2000, 30000, 2000000000]", "grid_search.slip_rate", "grid scans of")]
    [InlineData("bin_m: 10000", "bin_m: 0.000001", "profiles.bin_m", "bins")]
    public void A_size_beyond_memory_is_refused_before_any_work_at_its_key(string from, string to, string key, string what)
    {
        string config = Config();
        File.WriteAllText(config, File.ReadAllText(config).Replace(from, to));
        var (code, _, err) = _cli.Run("interseismic", config);
        Assert.Equal(1, code);
        Assert.Matches($@"interseismic\.yaml:\d+: {key.Replace(".", @"\.")}: .*{what}.* need about [0-9.]+ GB, more than the", err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(Directory.Exists(_cli.PathOf("run")));
    }

    [Fact]
    public void An_unknown_parameter_or_key_names_its_line()
    {
        var (code, _, err) = _cli.Run("interseismic", Config(extra: "profile_count: 3"), "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("profile_count", err);
        string config = Config();
        File.WriteAllText(config, File.ReadAllText(config).Replace("main.slip_rate:", "main.sliprate:", StringComparison.Ordinal));
        (code, _, err) = _cli.Run("interseismic", config, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("main.sliprate", err);
        Assert.Contains("unknown parameter", err);
    }
}
