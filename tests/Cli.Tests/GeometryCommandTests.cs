using System.Globalization;
using System.Text.Json;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Cli.Tests;

/// <summary>`sourcemodel geometry CONFIG.yaml`: the step-1 run folder, resume, and bad input caught before any work.</summary>
public sealed class GeometryCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static readonly RectangularFault Truth = new(2_000, -1_000, 2_000, 15_000, 8_000, 120, 50, FaultSlip.FromRake(-90, 1.0));

    /// <summary>A 15 × 15 grid of ascending LOS points (local metres) from <see cref="Truth"/> plus a 2 cm offset.</summary>
    private string SyntheticData(string name, LosVector los)
    {
        var e = new List<double>();
        var n = new List<double>();
        for (int j = 0; j < 15; j++)
            for (int i = 0; i < 15; i++) { e.Add(-35_000 + 5_000 * i + 13); n.Add(-35_000 + 5_000 * j + 29); }
        var f = SurfaceDisplacement.Compute([Truth], [], ElasticMedium.Default, e.ToArray(), n.ToArray());
        return _cli.Write(name, LocalLosCsv.Text(e, n, Enumerable.Range(0, e.Count).Select(k => f.Los(k, los) + 0.02).ToArray(), los, 0.005));
    }

    private string Config(string extra = "", string parameters = "", string optimiser = "method: pso\n  seed: 2\n  iterations: 200")
    {
        string asc = SyntheticData("asc.csv", LosVector.FromIncidenceAndHeading(39, -12));
        string dsc = SyntheticData("dsc.csv", LosVector.FromIncidenceAndHeading(34, -168));
        return _cli.Write("geometry.yaml", $"""
            reference: {"{"}lon: 20.0, lat: 40.0{"}"}
            datasets:
            {LocalLosCsv.Declaration("asc", asc)}
            {LocalLosCsv.Declaration("dsc", dsc)}
            fit:
              asc: {"{"}nuisance: offset{"}"}
              dsc: {"{"}nuisance: offset{"}"}
            sources:
              - name: fault
                parameters:
                  east: [-10000, 10000]
                  north: [-10000, 10000]
                  depth: [0, 6000]
                  length: [5000, 30000]
                  width: [2000, 15000]
                  strike: [90, 150]
                  dip: [20, 80]
                  rake: -90
                  slip: [0.1, 3]
            {parameters}
            optimiser:
              {optimiser}
            {extra}
            output: run
            """);
    }

    [Fact]
    public void A_run_folder_holds_the_recovered_fault_summary_predictions_and_geojson()
    {
        var (code, output, err) = _cli.Run("geometry", Config(extra: "grid_search:\n  - {parameter: fault.dip, range: [30, 70, 5], refit: true}"), "--no-report");
        Assert.True(code == 0, err);
        string run = _cli.PathOf("run");
        foreach (var f in new[] { "summary.json", "parameters.csv", "peaks.csv", "convergence.csv", "predictions_asc.csv", "predictions_dsc.csv", "fault.geojson", "grid_search_1.csv", "checkpoint.json" })
            Assert.True(File.Exists(Path.Combine(run, f)), $"{f} missing; output: {output}");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        var s = summary.RootElement;
        Assert.Equal("pso", s.GetProperty("method").GetString());
        Assert.Equal("max_iterations", s.GetProperty("termination").GetString());
        Assert.InRange(s.GetProperty("misfit").GetDouble(), 0, 0.05);        // noise-free: far below the 1σ level
        double Param(string name) => s.GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();
        Assert.InRange(Param("fault.dip"), 49.5, 50.5);
        Assert.InRange(Param("fault.strike"), 119.5, 120.5);
        Assert.InRange(Param("fault.depth"), 1_900, 2_100);
        Assert.InRange(Param("fault.slip"), 0.97, 1.03);
        // M0 = 30 GPa × 15 km × 8 km × 1 m = 3.6e18 N·m → Mw 6.30.
        Assert.InRange(s.GetProperty("mw").GetDouble(), 6.29, 6.32);
        foreach (var d in s.GetProperty("datasets").EnumerateArray())
        {
            Assert.InRange(d.GetProperty("nuisance").GetProperty("offset_m").GetDouble(), 0.0195, 0.0205);
            Assert.InRange(d.GetProperty("correlation").GetDouble(), 0.999, 1.0);
            Assert.Equal("sigma", d.GetProperty("whitening").GetString());
        }
        var scan = s.GetProperty("grid_search")[0];
        Assert.Equal(50.0, scan.GetProperty("best_first").GetDouble());
        using var geo = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "fault.geojson")));
        Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
        var lon = geo.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0][0].GetDouble();
        Assert.InRange(lon, 19.7, 20.3);
        var predictions = File.ReadAllLines(Path.Combine(run, "predictions_asc.csv"));
        Assert.Equal("east_m,north_m,lon,lat,observed_m,model_m,source_m,residual_m", predictions[0]);
        Assert.Equal(226, predictions.Length);
        Assert.Contains("correlation", output);
    }

    /// <summary>Issue 19: data without sigmas or covariance get a noise model estimated from the residual of a first fit
    /// (said in the log and summary.json); the default multi-start search with --seed, its competing minima with Δχ² and
    /// F-test, the source in lon/lat, and a parameter stopped at its bound reported.</summary>
    [Fact]
    public void Undeclared_noise_is_estimated_and_the_default_search_reports_minima_bounds_and_lon_lat()
    {
        var rng = new Random(11);
        string NoisyData(string name, LosVector los)
        {
            var e = new List<double>();
            var n = new List<double>();
            for (int j = 0; j < 15; j++)
                for (int i = 0; i < 15; i++) { e.Add(-35_000 + 5_000 * i + 13); n.Add(-35_000 + 5_000 * j + 29); }
            var f = SurfaceDisplacement.Compute([Truth], [], ElasticMedium.Default, e.ToArray(), n.ToArray());
            // 5 mm white noise (Box–Muller), no sigma column: the noise must be estimated.
            var values = Enumerable.Range(0, e.Count).Select(k =>
                f.Los(k, los) + 0.005 * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).ToArray();
            return _cli.Write(name, LocalLosCsv.Text(e, n, values, los, 0.005));
        }
        string asc = NoisyData("asc.csv", LosVector.FromIncidenceAndHeading(39, -12));
        string dsc = NoisyData("dsc.csv", LosVector.FromIncidenceAndHeading(34, -168));
        string Declaration(string name, string file) => LocalLosCsv.Declaration(name, file).Replace(", sigma: sigma", "");
        string config = _cli.Write("estimated.yaml", $"""
            reference: {"{"}lon: 20.0, lat: 40.0{"}"}
            datasets:
            {Declaration("asc", asc)}
            {Declaration("dsc", dsc)}
            fit:
              asc: {"{"}nuisance: offset{"}"}
              dsc: {"{"}nuisance: offset{"}"}
            sources:
              - name: fault
                parameters:
                  east: [-25000, 25000]
                  north: [-25000, 25000]
                  depth: [0, 15000]
                  length: [5000, 50000]
                  width: [3000, 30000]
                  strike: [0, 360]
                  dip: [5, 30]
                  rake: [-180, 180]
                  slip: [0.05, 5]
            output: estimated-run
            """);
        var (code, output, err) = _cli.Run("geometry", config, "--no-report", "--seed", "7");
        Assert.True(code == 0, err);
        Assert.Contains("no noise model declared; estimated", output);
        Assert.Contains("warning: fault.", output);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.PathOf("estimated-run"), "summary.json")));
        var s = summary.RootElement;
        Assert.Equal("multistart", s.GetProperty("method").GetString());
        Assert.Equal(7, s.GetProperty("seed").GetInt64());
        Assert.True(s.GetProperty("slip_solved_linearly").GetBoolean());
        foreach (var d in s.GetProperty("datasets").EnumerateArray())
        {
            Assert.Equal("covariance", d.GetProperty("whitening").GetString());
            var noise = d.GetProperty("noise");
            Assert.Equal("estimated", noise.GetProperty("source").GetString());
            // Total per-point standard deviation: the 5 mm drawn, within what 225 points (and a dip forced to 30°, whose
            // misfit leaks into the residual) allow.
            double total = Math.Sqrt(Math.Pow(noise.GetProperty("sigma_m").GetDouble(), 2) + Math.Pow(noise.GetProperty("nugget_sigma_m").GetDouble(), 2));
            Assert.InRange(total, 0.0035, 0.0090);
        }
        // The true dip is 50° (its auxiliary plane's 40°): the bound at 30° stops it, the other parameters compensate, and
        // the summary says so.
        var hits = s.GetProperty("at_bounds").EnumerateArray().Select(h => h.GetProperty("parameter").GetString() + " " + h.GetProperty("side").GetString()).ToList();
        Assert.Contains("fault.dip upper", hits);
        var source = s.GetProperty("sources")[0];
        Assert.InRange(source.GetProperty("top_centre_lon").GetDouble(), 19.7, 20.3);
        Assert.InRange(source.GetProperty("centroid_lat").GetDouble(), 39.7, 40.3);
        var peaks = s.GetProperty("peaks").EnumerateArray().ToList();
        Assert.True(peaks.Count >= 2, "the mirror and auxiliary geometries are polished and listed");
        Assert.Equal(1.0, peaks[0].GetProperty("p_value").GetDouble());
        Assert.All(peaks.Skip(1), p => Assert.True(p.GetProperty("delta_chi2").GetDouble() >= 0));
        Assert.Equal("rank,misfit,delta_chi2,f_ratio,p_value,indistinguishable,mw,fault.east", string.Join(',',
            File.ReadLines(Path.Combine(_cli.PathOf("estimated-run"), "peaks.csv")).First().Split(',').Take(8)));
    }

    [Fact]
    public void A_copied_configuration_names_the_missing_file_and_the_folder_it_was_resolved_against()
    {
        string config = Config();
        string copy = Path.Combine(_cli.PathOf("elsewhere"), "geometry.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.WriteAllText(copy, File.ReadAllText(config).Replace(_cli.PathOf("asc.csv"), "asc.csv"));
        File.WriteAllText(config, File.ReadAllText(config).Replace(_cli.PathOf("asc.csv"), "asc.csv"));
        var (code, _, err) = _cli.Run("geometry", config, "--no-report");
        Assert.True(code == 0, err);   // relative to the configuration's own folder, wherever the command runs
        (code, _, err) = _cli.Run("geometry", copy, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("'asc.csv' resolved against the configuration's folder " + _cli.PathOf("elsewhere"), err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void A_resumed_run_ends_exactly_as_an_uninterrupted_one()
    {
        string config = Config(optimiser: "method: sa\n  seed: 4\n  iterations: 30\n  checkpoint_every: 5");
        var (code, _, err) = _cli.Run("geometry", config, "--no-report", "--out", _cli.PathOf("whole"));
        Assert.True(code == 0, err);
        // A first leg of 12 iterations, then --resume with the full budget of 30.
        string partial = _cli.Write("partial.yaml", File.ReadAllText(config).Replace("iterations: 30", "iterations: 12"));
        (code, _, err) = _cli.Run("geometry", partial, "--no-report", "--out", _cli.PathOf("legs"));
        Assert.True(code == 0, err);
        (code, _, err) = _cli.Run("geometry", config, "--no-report", "--out", _cli.PathOf("legs"), "--resume");
        Assert.True(code == 0, err);
        Assert.Equal(File.ReadAllText(Path.Combine(_cli.PathOf("whole"), "parameters.csv")), File.ReadAllText(Path.Combine(_cli.PathOf("legs"), "parameters.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(_cli.PathOf("whole"), "convergence.csv")), File.ReadAllText(Path.Combine(_cli.PathOf("legs"), "convergence.csv")));
    }

    [Theory]
    [InlineData("dip: [80, 20]", "min 80 is greater than max 20")]
    [InlineData("dipp: [20, 80]", "unknown parameter")]
    [InlineData("dip: [20, 80, 3]", "expected a fixed value or bounds [min, max]")]
    public void Bad_bounds_are_reported_with_file_line_and_key(string line, string message)
    {
        string config = Config();
        _cli.Write("geometry.yaml", File.ReadAllText(config).Replace("dip: [20, 80]", line));
        var (code, _, err) = _cli.Run("geometry", config, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("geometry.yaml", err);
        Assert.Contains(message, err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(Directory.Exists(_cli.PathOf("run")), "nothing is written when the configuration is wrong");
    }

    [Fact]
    public void A_dip_outside_zero_to_ninety_held_fixed_is_refused_before_work()
    {
        string config = Config();
        _cli.Write("geometry.yaml", File.ReadAllText(config).Replace("dip: [20, 80]", "dip: 95"));
        var (code, _, err) = _cli.Run("geometry", config, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("dip", err);
    }

    [Fact]
    public void Unknown_datasets_in_fit_no_free_parameter_and_missing_checkpoint_are_clear_errors()
    {
        string config = Config();
        string text = File.ReadAllText(config);
        _cli.Write("geometry.yaml", text.Replace("  dsc: {nuisance: offset}", "  dsk: {nuisance: offset}"));
        var (code, _, err) = _cli.Run("geometry", config, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("no dataset is named 'dsk'", err);

        var fixedAll = text;
        foreach (var p in new[] { "east: [-10000, 10000]", "north: [-10000, 10000]", "depth: [0, 6000]", "length: [5000, 30000]", "width: [2000, 15000]", "strike: [90, 150]", "dip: [20, 80]", "slip: [0.1, 3]" })
            fixedAll = fixedAll.Replace(p, p[..p.IndexOf('[')] + "30");
        _cli.Write("geometry.yaml", fixedAll);
        (code, _, err) = _cli.Run("geometry", config, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("no free parameter", err);

        _cli.Write("geometry.yaml", text);
        (code, _, err) = _cli.Run("geometry", config, "--no-report", "--resume");
        Assert.Equal(1, code);
        Assert.Contains("nothing to resume", err);
    }

    [ExampleDatasetFact("laquila-2009-envisat-quadtree-beat")]
    public void LAquila_geometry_example_needs_shared_datasets_and_its_report_renders()
    {
        string example = Path.Combine(SharedData.RepositoryRoot, "examples", "geometry", "laquila.yaml");
        string run = _cli.PathOf("laquila");
        var (code, output, err) = _cli.Run("geometry", example, "--out", run);
        Assert.True(code == 0, err);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        foreach (var d in summary.RootElement.GetProperty("datasets").EnumerateArray())
        {
            Assert.InRange(d.GetProperty("correlation").GetDouble(), 0.95, 1.0);
            Assert.InRange(d.GetProperty("rms_m").GetDouble(), 0.0, 0.025);
        }
        Assert.InRange(summary.RootElement.GetProperty("mw").GetDouble(), 6.1, 6.5);
        if (Reports.Tests.HeadlessChromium.Executable is not null)
        {
            var (dom, console, _) = Reports.Tests.HeadlessChromium.Render(Path.Combine(run, "report.html"), _cli.PathOf("shot.png"));
            Assert.Contains("data-rendered-ms", dom);
            Assert.Empty(console);
            Assert.Contains("laquila_asc: data, model, residual", dom);
        }
        Assert.Contains("laquila_dsc", output);
    }
}
