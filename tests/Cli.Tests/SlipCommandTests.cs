using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SourceModel.Coulomb.Inp;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Cli.Tests;

/// <summary>`sourcemodel slip CONFIG.yaml`: the step-2 run folder from inline segments, from a step-1 run, with a dip
/// scan, and bad input caught before any work.</summary>
public sealed class SlipCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A 30 × 15 km thrust (strike 90°, dip 30°, top at 1 km) in 3 km patches, with a Gaussian slip patch of
    /// 1.5 m peak at rake 100° centred on patch (4, 2).</summary>
    private static readonly RectangularFault Plane = new(0, 0, 1_000, 30_000, 15_000, 90, 30, default);

    private static DiscretisedFault TruthFault() => DiscretisedFault.Rectangle(Plane, 10, 5);

    private static FaultSlip TruthSlip(FaultPatch p) =>
        FaultSlip.FromRake(100, 1.5 * Math.Exp(-Math.Pow((p.AlongStrike - 4) / 2.0, 2) - Math.Pow((p.DownDip - 2) / 1.5, 2)));

    /// <summary>An 18 × 18 grid of LOS points (local metres) from the true slip plus a 1 cm offset and 2 mm of white
    /// noise (seeded per track).</summary>
    private string SyntheticData(string name, LosVector los)
    {
        var random = new Random(name.Length * 7919 + name[0]);
        double Noise() => 0.002 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var e = new List<double>();
        var n = new List<double>();
        for (int j = 0; j < 18; j++)
            for (int i = 0; i < 18; i++) { e.Add(-42_500 + 5_000 * i + 17); n.Add(-42_500 + 5_000 * j + 31); }
        var patches = TruthFault().Patches.Select(p => p.Geometry with { Slip = TruthSlip(p) }).ToList();
        var f = SurfaceDisplacement.Compute(patches, [], ElasticMedium.Default, e.ToArray(), n.ToArray());
        return _cli.Write(name, LocalLosCsv.Text(e, n, Enumerable.Range(0, e.Count).Select(k => f.Los(k, los) + 0.01 + Noise()).ToArray(), los, 0.002));
    }

    private string Header()
    {
        string asc = SyntheticData("asc.csv", LosVector.FromIncidenceAndHeading(39, -12));
        string dsc = SyntheticData("dsc.csv", LosVector.FromIncidenceAndHeading(34, -168));
        return $"""
            reference: {"{"}lon: 20.0, lat: 40.0{"}"}
            datasets:
            {LocalLosCsv.Declaration("asc", asc)}
            {LocalLosCsv.Declaration("dsc", dsc)}
            fit:
              asc: {"{"}nuisance: offset{"}"}
              dsc: {"{"}nuisance: offset{"}"}
            """;
    }

    private const string InlineFault = """
        fault:
          patch_size_m: 3000
          segments:
            - {east_m: 0, north_m: 0, top_depth_m: 1000, length_m: 30000, width_m: 15000, strike_deg: 90, dip_deg: 30}
        """;

    private const string WindowSlip = """
        slip:
          rake: [45, 135]
          max_slip_m: 5
          l_curve: {count: 12}
        """;

    private string Config(string fault = InlineFault, string slip = WindowSlip, string extra = "") =>
        _cli.Write("slip.yaml", Header() + "\n" + fault + "\n" + slip + "\n" + extra + "\noutput: run\n");

    [Fact]
    public void A_run_folder_holds_the_slip_model_in_csv_geojson_and_coulomb_form_with_a_documented_summary()
    {
        var (code, output, err) = _cli.Run("slip", Config(), "--no-report");
        Assert.True(code == 0, err);
        string run = _cli.PathOf("run");
        foreach (var f in new[] { "summary.json", "slip_model.csv", "patches.geojson", "slip_model.inp", "lcurve.csv", "predictions_asc.csv", "predictions_dsc.csv" })
            Assert.True(File.Exists(Path.Combine(run, f)), $"{f} missing; output: {output}");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        var s = summary.RootElement;
        // ABIC is the default rule; the corner and GCV picks are recorded beside it.
        Assert.Equal("ABIC minimum", s.GetProperty("chosen_by").GetString());
        var curve = s.GetProperty("l_curve");
        Assert.Equal("abic", curve.GetProperty("choose").GetString());
        Assert.Equal(curve.GetProperty("abic_minimum").GetInt32(), curve.GetProperty("chosen").GetInt32());
        int chosen = curve.GetProperty("chosen").GetInt32();
        var abic = curve.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("abic").GetDouble()).ToArray();
        Assert.Equal(abic.Min(), abic[chosen - 1]);
        Assert.InRange(curve.GetProperty("gcv_minimum").GetInt32(), 1, 12);
        Assert.StartsWith("weight,misfit,roughness,curvature,abic,gcv,free_unknowns,mw,converged,corner,abic_minimum,gcv_minimum,chosen",
            File.ReadLines(Path.Combine(run, "lcurve.csv")).First());
        Assert.True(s.GetProperty("converged").GetBoolean());
        Assert.Equal(50, s.GetProperty("fault").GetProperty("patch_count").GetInt32());
        Assert.Equal(12, s.GetProperty("l_curve").GetProperty("points").GetArrayLength());
        // Truth: M0 = μ Σ A s over the Gaussian patch.
        double truthMoment = TruthFault().Patches.Sum(p => 30e9 * p.Area * TruthSlip(p).Magnitude);
        double truthMw = 2.0 / 3.0 * (Math.Log10(truthMoment) - 9.1);
        Assert.True(Math.Abs(s.GetProperty("mw").GetDouble() - truthMw) < 0.05, $"truth Mw {truthMw}; {output}\n{File.ReadAllText(Path.Combine(run, "lcurve.csv"))}");
        var peak = s.GetProperty("max_slip");
        Assert.InRange(peak.GetProperty("along_strike").GetInt32(), 4, 6);     // truth: patch 5 (1-based)
        Assert.InRange(peak.GetProperty("down_dip").GetInt32(), 2, 4);         // truth: row 3
        Assert.InRange(peak.GetProperty("rake_deg").GetDouble(), 85, 115);
        Assert.InRange(s.GetProperty("mean_rake_deg").GetDouble(), 90, 110);
        foreach (var d in s.GetProperty("datasets").EnumerateArray())
        {
            Assert.InRange(d.GetProperty("correlation").GetDouble(), 0.99, 1.0);
            Assert.InRange(d.GetProperty("nuisance").GetProperty("offset_m").GetDouble(), 0.008, 0.012);
        }
        // The CSV is the slip-model format the coulomb command reads; the .inp opens in our Coulomb 3 reader with the
        // same patches; the GeoJSON has one polygon per patch in lon/lat.
        var csv = File.ReadAllLines(Path.Combine(run, "slip_model.csv"));
        Assert.StartsWith("east_m,north_m,top_depth_m,length_m,width_m,strike_deg,dip_deg,strike_slip_m,dip_slip_m", csv[0]);
        Assert.Equal(51, csv.Length);
        var inp = InpReader.Read(Path.Combine(run, "slip_model.inp"));
        Assert.Equal(s.GetProperty("slipping_patches").GetInt32(), inp.Elements.Count);
        // Its map block puts the km grid on the globe for Coulomb 3.4: the origin is the data's reference (20°E, 40°N),
        // the grid's edges straddle it, and a degree of latitude is ≈ 111 km of the grid.
        Assert.NotNull(inp.Map);
        var map = inp.Map!;
        Assert.Equal(20.0, map[2], 6);
        Assert.Equal(40.0, map[5], 6);
        Assert.True(map[0] < 20 && map[1] > 20 && map[3] < 40 && map[4] > 40, string.Join(", ", map));
        Assert.InRange((map[4] - map[3]) * 111.2 / (inp.Grid!.FinishY - inp.Grid.StartY), 0.99, 1.01);
        var back = inp.Elements.Select(e => e.ToFault(inp.Columns)).ToList();
        double inpMoment = back.Sum(f => 30e9 * f.Length * f.Width * f.Slip.Magnitude);
        Assert.InRange(inpMoment / s.GetProperty("moment_nm").GetDouble(), 1 - 1e-9, 1 + 1e-9);
        Assert.InRange(back[0].Strike, 90 - 1e-9, 90 + 1e-9);
        Assert.InRange(back[0].Dip, 30 - 1e-9, 30 + 1e-9);
        using var geo = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "patches.geojson")));
        var features = geo.RootElement.GetProperty("features");
        Assert.Equal(50, features.GetArrayLength());
        Assert.Equal("patch", features[0].GetProperty("properties").GetProperty("kind").GetString());
        Assert.InRange(features[0].GetProperty("geometry").GetProperty("coordinates")[0][0][0].GetDouble(), 19.5, 20.5);
        Assert.Contains("ABIC minimum", output);

        // The other rules by name; a fixed weight is not chosen by a rule, so a rule beside weight is refused at its key,
        // while choose: fixed goes with weight and nothing else.
        foreach (var (rule, name) in new[] { ("corner", "L-curve corner"), ("gcv", "GCV minimum") })
        {
            (code, output, err) = _cli.Run("slip", Config(slip: WindowSlip + $"\n  choose: {rule}"), "--no-report", "--out", _cli.PathOf($"run-{rule}"));
            Assert.True(code == 0, err);
            Assert.Contains(name, output);
        }
        (code, _, err) = _cli.Run("slip", Config(slip: WindowSlip.Replace("l_curve: {count: 12}", "weight: 2") + "\n  choose: gcv"), "--no-report");
        Assert.Equal(1, code);
        Assert.Matches(@"slip\.yaml:\d+: slip\.choose: a fixed weight is not chosen", err);
        (code, output, err) = _cli.Run("slip", Config(slip: WindowSlip.Replace("l_curve: {count: 12}", "weight: 2") + "\n  choose: fixed"), "--no-report",
            "--out", _cli.PathOf("run-fixed"));
        Assert.True(code == 0, err);
        Assert.Contains("fixed weight: weight 2", output);
        (code, _, err) = _cli.Run("slip", Config(slip: WindowSlip + "\n  choose: fixed"), "--no-report");
        Assert.Equal(1, code);
        Assert.Matches(@"slip\.yaml:\d+: slip\.choose: choose: fixed needs the weight itself", err);
    }

    [Fact]
    public void The_matrix_free_path_solves_a_fixed_weight_as_the_dense_path_does_and_refuses_what_needs_the_dense_one()
    {
        string fixedWeight = WindowSlip.Replace("l_curve: {count: 12}", "weight: 2");
        var (code, output, err) = _cli.Run("slip", Config(slip: fixedWeight), "--no-report", "--out", _cli.PathOf("run-dense"));
        Assert.True(code == 0, err);
        (code, output, err) = _cli.Run("slip", Config(slip: fixedWeight + "\n  algebra: matrix_free"), "--no-report", "--out", _cli.PathOf("run-free"));
        Assert.True(code == 0, err);
        Assert.Matches(@"step 2 on the matrix-free path: about [0-9.]+ MB \(the Green.s matrix in single precision\)", output);
        using var dense = JsonDocument.Parse(File.ReadAllText(_cli.PathOf("run-dense/summary.json")));
        using var free = JsonDocument.Parse(File.ReadAllText(_cli.PathOf("run-free/summary.json")));
        var (d, f) = (dense.RootElement, free.RootElement);
        Assert.Equal("dense", d.GetProperty("slip_parameterisation").GetProperty("algebra").GetString());
        Assert.Equal("matrix_free", f.GetProperty("slip_parameterisation").GetProperty("algebra").GetString());
        Assert.Equal("gradient_projection_cg", f.GetProperty("slip_parameterisation").GetProperty("solver").GetString());
        Assert.True(f.GetProperty("converged").GetBoolean());
        Assert.InRange(f.GetProperty("kkt_violation").GetDouble(), 0, 1e-6);
        // The same optimum: Mw to 1e-4, objective to 1e-5 (single-precision products), peak patch and its slip to 1 %.
        Assert.InRange(f.GetProperty("mw").GetDouble() - d.GetProperty("mw").GetDouble(), -1e-4, 1e-4);
        double objective = d.GetProperty("objective").GetDouble();
        Assert.InRange(f.GetProperty("objective").GetDouble(), objective * (1 - 1e-5), objective * (1 + 1e-5));
        Assert.Equal(d.GetProperty("max_slip").GetProperty("patch").GetInt32(), f.GetProperty("max_slip").GetProperty("patch").GetInt32());
        double peak = d.GetProperty("max_slip").GetProperty("slip_m").GetDouble();
        Assert.InRange(f.GetProperty("max_slip").GetProperty("slip_m").GetDouble(), 0.99 * peak, 1.01 * peak);

        // ABIC (the default rule), the stress-drop smoothing and the resolution study need the dense normal equations.
        (code, _, err) = _cli.Run("slip", Config(slip: WindowSlip + "\n  algebra: matrix_free"), "--no-report");
        Assert.Equal(1, code);
        Assert.Matches(@"slip\.yaml:\d+: slip\.choose: ABIC and GCV need the dense normal equations", err);
        (code, _, err) = _cli.Run("slip", Config(slip: fixedWeight + "\n  algebra: matrix_free\n  smoothing: stress_drop"), "--no-report");
        Assert.Equal(1, code);
        Assert.Matches(@"slip\.yaml:\d+: slip\.smoothing: the matrix-free path smooths slip only", err);
        (code, _, err) = _cli.Run("slip", Config(slip: fixedWeight + "\n  algebra: matrix_free"), "--no-report", "--resolution", "--out", _cli.PathOf("run-free-resolution"));
        Assert.Equal(1, code);
        Assert.Contains("--resolution needs the dense normal equations", err);
        Assert.False(Directory.Exists(_cli.PathOf("run-free-resolution")));
        (code, _, err) = _cli.Run("slip", Config(slip: fixedWeight + "\n  algebra: sparse"), "--no-report");
        Assert.Equal(1, code);
        Assert.Matches(@"slip\.yaml:\d+: slip\.algebra: .*dense.*matrix_free", err);
    }

    [Fact]
    public void The_memory_estimates_of_the_two_paths_at_the_scale_of_a_megathrust_under_insar()
    {
        // Issue 22's scale test: 10,000 patches (20,000 unknowns) under 20,000 leaves. Dense: the Green's matrix in
        // double (3.2 GB), GᵀG packed (1.6 GB), the free block's factor (up to 3.2 GB) and the data-space kernel
        // (3.2 GB); matrix-free: the Green's matrix in single precision (1.6 GB) and blocks of columns in flight.
        double dense = Commands.SlipResources.Bytes(10_000, 20_000), free = Commands.SlipResources.MatrixFreeBytes(10_000, 20_000);
        Assert.InRange(dense / 1e9, 11.1, 11.3);
        Assert.InRange(free / 1e9, 1.6, 1.7);
    }

    [Fact]
    public void A_step_2_too_large_for_memory_with_its_data_is_refused_before_the_greens_matrix_naming_patch_size_and_data()
    {
        // 50 patches and 648 data: the dense matrices alone (≈ 120 kB) fit 0.0002 GB (≈ 215 kB), with the Green's
        // matrix (≈ 640 kB) they do not — refused once the data count is known, before any Green's function is computed.
        string config = Config(slip: WindowSlip.Replace("l_curve: {count: 12}", "weight: 2"));
        string run = _cli.PathOf("run-memory");
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "sourcemodel.dll"), "slip", config, "--out", run])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["SOURCEMODEL_MEMORY_LIMIT_GB"] = "0.0002" },
        };
        using var process = Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(1, process.ExitCode);
        Assert.True(stderr.Contains("step 2 with 50 patches (100 unknowns) and 648 data needs about 0.61 MB"), stderr);
        Assert.Contains("use a larger fault.patch_size_m, or fewer data", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.False(Directory.Exists(run), "nothing may be written for a refused run");
    }

    [Fact]
    public void Resolution_writes_per_patch_resolution_checkerboard_and_spike_and_its_options_are_checked()
    {
        string config = Config(slip: WindowSlip.Replace("l_curve: {count: 12}", "weight: 2"));
        var (code, output, err) = _cli.Run("slip", config, "--resolution", "--checker", "2", "--resolution-threshold", "0.3",
            "--out", _cli.PathOf("run-resolution"));
        Assert.True(code == 0, err);
        Assert.Matches(@"resolution: patch resolution [\d.]+–[\d.]+, \d+ of 50 patches below 0\.3; checkerboard \(2 patches\) correlation -?[\d.]+; spike on patch", output);
        var lines = File.ReadAllLines(_cli.PathOf(Path.Combine("run-resolution", "resolution.csv")));
        Assert.Equal("segment,along_strike,down_dip,east_m,north_m,depth_m,resolution,resolution_a,resolution_b,well_resolved," +
                     "checker_input_m,checker_recovered_m,spike_input_m,spike_recovered_m", lines[0]);
        Assert.Equal(51, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        foreach (var r in rows)
        {
            double resolution = double.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(resolution, 0, 1);
            Assert.Equal(resolution >= 0.3 ? "true" : "false", r[9]);
        }
        // One spiked patch; checkers alternate between half the spike and zero.
        Assert.Single(rows, r => double.Parse(r[12], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(2, rows.Select(r => r[10]).Distinct().Count());
        // The report gets a resolution section with the recovery tests, and crosses on the poorly resolved patches.
        string report = File.ReadAllText(_cli.PathOf(Path.Combine("run-resolution", "report.html")));
        Assert.Contains("Resolution at weight 2", report);
        Assert.Contains("checkerboard test: recovered slip", report);
        Assert.Contains("spike test: recovered slip", report);
        Assert.Contains(rows, r => r[9] == "false");   // the deep patches of this thrust
        Assert.Contains("x-thin-open", report);
        // The data resolution is written only with fewer data than unknowns: not for 648 data and 100 coefficients.
        Assert.False(File.Exists(_cli.PathOf(Path.Combine("run-resolution", "data_resolution.csv"))));

        (code, _, err) = _cli.Run("slip", config, "--no-report", "--checker", "2");
        Assert.Equal(1, code);
        Assert.Contains("--checker and --resolution-threshold go with --resolution", err);
        (code, _, err) = _cli.Run("slip", config, "--no-report", "--resolution", "--checker", "0");
        Assert.Equal(1, code);
        Assert.Contains("--checker 0: expected a checker size of at least 1 patch", err);
    }

    [Fact]
    public void A_step_1_run_folder_gives_the_plane_which_is_extended_and_cut_and_a_dip_scan_chooses_dip_and_weight()
    {
        // A hand-written step-1 summary (the fields step 2 reads): the true plane's central part, to be extended.
        var core = new { name = "thrust", type = "rectangle", east_m = 0.0, north_m = 0.0, top_depth_m = 1000.0, length_m = 18000.0, width_m = 9000.0,
            strike_deg = 90.0, dip_deg = 30.0, rake_deg = 100.0, slip_m = 1.0, strike_slip_m = -0.17, dip_slip_m = 0.98, opening_m = 0.0 };
        Directory.CreateDirectory(_cli.PathOf("step1"));
        _cli.Write(Path.Combine("step1", "summary.json"), JsonSerializer.Serialize(new
        {
            reference = new { lon = 20.0, lat = 40.0, projection = "transverse_mercator" },
            sources = new[] { core },
        }));
        string fault = """
            fault:
              geometry_run: step1
              extend: {along_strike_m: 6000, down_dip_m: 6000}
              patch_size_m: 3000
            """;
        var (code, output, err) = _cli.Run("slip", Config(fault, WindowSlip.Replace("l_curve: {count: 12}", "l_curve: {count: 6, min: 0.3, max: 30}"),
            "dip_scan: {dips: [20, 30, 40]}"), "--no-report");
        Assert.True(code == 0, err);
        using var summary = JsonDocument.Parse(File.ReadAllText(_cli.PathOf(Path.Combine("run", "summary.json"))));
        var s = summary.RootElement;
        Assert.Equal("dip-smoothing scan minimum", s.GetProperty("chosen_by").GetString());
        var segment = s.GetProperty("fault").GetProperty("segments")[0];
        Assert.Equal(30_000, segment.GetProperty("length_m").GetDouble(), 6);
        Assert.Equal(15_000, segment.GetProperty("width_m").GetDouble(), 6);
        Assert.Equal(10, segment.GetProperty("patches_along_strike").GetInt32());
        Assert.Equal(30.0, s.GetProperty("dip_scan").GetProperty("best_dip_deg").GetDouble());
        Assert.True(File.Exists(_cli.PathOf(Path.Combine("run", "dip_scan.csv"))), output);
    }

    [Fact]
    public void A_ramp_and_flat_fault_is_solved_as_two_adjacent_segments()
    {
        // Ramp (dip 30°, 1–8.5 km deep) and a flat (dip 10°) continuing from the ramp's bottom edge.
        double h = 15_000 * Math.Cos(30 * Math.PI / 180);
        string fault = string.Create(CultureInfo.InvariantCulture, $$"""
            fault:
              patch_size_m: 3000
              segments:
                - {east_m: 0, north_m: 0, top_depth_m: 1000, length_m: 30000, width_m: 15000, strike_deg: 90, dip_deg: 30}
                - {east_m: 0, north_m: {{-h}}, top_depth_m: 8500, length_m: 30000, width_m: 12000, strike_deg: 90, dip_deg: 10}
            """);
        var (code, output, err) = _cli.Run("slip", Config(fault), "--no-report");
        Assert.True(code == 0, err);
        using var summary = JsonDocument.Parse(File.ReadAllText(_cli.PathOf(Path.Combine("run", "summary.json"))));
        var s = summary.RootElement;
        Assert.Equal(2, s.GetProperty("fault").GetProperty("segments").GetArrayLength());
        Assert.Equal(90, s.GetProperty("fault").GetProperty("patch_count").GetInt32());
        // The slip is on the ramp (segment 1), where the truth put it.
        Assert.Equal(1, s.GetProperty("max_slip").GetProperty("segment").GetInt32());
        Assert.Contains("2 segment(s)", output);
    }

    [ChromiumFact]
    public void The_slip_report_renders_in_chromium_with_slip_fits_and_the_l_curve()
    {
        var (code, _, err) = _cli.Run("slip", Config());
        Assert.True(code == 0, err);
        string report = _cli.PathOf(Path.Combine("run", "report.html"));
        Assert.True(File.Exists(report));
        var (dom, console, _) = Reports.Tests.HeadlessChromium.Render(report, _cli.PathOf("slip.png"));
        Assert.Contains("data-rendered-ms", dom);
        Assert.Empty(console);
        foreach (var id in new[] { "slip-1", "slip-3d", "fit-1", "fit-2", "l-curve" }) Assert.Contains($"id=\"{id}\"", dom);
    }

    [Theory]
    [InlineData("patch_size_m: 3000", "patch_size_m: 40000", "patch length 40000 m is larger than the fault length")]
    [InlineData("rake: [45, 135]", "rake: [135, 45]", "the first rake must be smaller than the second")]
    [InlineData("rake: [45, 135]", "rake: [-30, 170]", "a window must be narrower than 180")]
    [InlineData("max_slip_m: 5", "max_slip_m: -2", "maximum slip must be a positive number")]
    [InlineData("max_slip_m: 5", "max_slip_mm: 5", "max_slip_mm")]
    [InlineData("l_curve: {count: 12}", "l_curve: {count: 12, min: 3}", "give both min and max")]
    public void Bad_input_is_reported_with_file_line_and_key_and_nothing_is_written(string from, string to, string message)
    {
        string config = Config();
        _cli.Write("slip.yaml", File.ReadAllText(config).Replace(from, to));
        var (code, _, err) = _cli.Run("slip", config, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("slip.yaml", err);
        Assert.Contains(message, err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(Directory.Exists(_cli.PathOf("run")), "nothing is written when the configuration is wrong");
    }

    [Fact]
    public void A_trace_in_longitude_and_latitude_needs_a_declared_reference()
    {
        string fault = """
            fault:
              patch_size_m: 3000
              segments:
                - {trace: [19.8, 40.0, 20.2, 40.0], top_depth_m: 1000, width_m: 15000, dip_deg: 30}
            """;
        string config = Config(fault);
        _cli.Write("slip.yaml", File.ReadAllText(config).Replace("reference: {lon: 20.0, lat: 40.0}", ""));
        var (code, _, err) = _cli.Run("slip", config, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("slip.yaml", err);
        Assert.Contains("needs the data's 'reference' declared", err);
        // With the reference, the trace from 19.8° E to 20.2° E along 40° N is a plane striking 90° through the origin.
        (code, _, err) = _cli.Run("slip", Config(fault), "--no-report");
        Assert.True(code == 0, err);
        using var summary = JsonDocument.Parse(File.ReadAllText(_cli.PathOf(Path.Combine("run", "summary.json"))));
        var segment = summary.RootElement.GetProperty("fault").GetProperty("segments")[0];
        Assert.InRange(segment.GetProperty("strike_deg").GetDouble(), 89.5, 90.5);
        Assert.InRange(segment.GetProperty("length_m").GetDouble(), 34_000, 34_300);   // 0.4° of longitude at 40° N ≈ 34.1 km
        Assert.InRange(segment.GetProperty("east_m").GetDouble(), -50, 50);
    }

    [ExampleDatasetFact("tohoku-2011-gnss-sdm")]
    public void Tohoku_slip_example_needs_shared_datasets_matches_sdm_moment_and_its_report_renders()
    {
        string example = Path.Combine(SharedData.RepositoryRoot, "examples", "slip", "tohoku.yaml");
        string run = _cli.PathOf("tohoku");
        var (code, output, err) = _cli.Run("slip", example, "--out", run);
        Assert.True(code == 0, err);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        var s = summary.RootElement;
        Assert.InRange(s.GetProperty("mw").GetDouble(), 8.8748 - 0.05, 8.8748 + 0.05);             // SDM2025 example 1
        Assert.InRange(s.GetProperty("max_slip").GetProperty("down_dip").GetInt32(), 1, 3);         // SDM: top row, 0.9 km deep
        Assert.Equal(2241, s.GetProperty("fault").GetProperty("patch_count").GetInt32());          // 83 × 27 as SDM
        if (Reports.Tests.HeadlessChromium.Executable is not null)
        {
            var (dom, console, _) = Reports.Tests.HeadlessChromium.Render(Path.Combine(run, "report.html"), _cli.PathOf("tohoku.png"));
            Assert.Contains("data-rendered-ms", dom);
            Assert.Empty(console);
        }
        Assert.Contains("L-curve corner", output);
    }

    [Fact]
    public void A_fault_no_datum_sees_is_a_clear_error_not_a_nan()
    {
        // A plane 2,000 km away: every patch is blind; holding them at zero leaves nothing to solve.
        string fault = InlineFault.Replace("east_m: 0, north_m: 0", "east_m: 2000000, north_m: 0");
        var (code, output, err) = _cli.Run("slip", Config(fault), "--no-report");
        Assert.True(code == 1, output);
        Assert.Contains("slip.yaml", err);
        Assert.DoesNotContain("NaN", err);
        Assert.DoesNotContain("   at ", err);
    }
}
