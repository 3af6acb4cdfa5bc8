using System.Globalization;
using System.Text.Json;

namespace SourceModel.Cli.Tests;

/// <summary>`sourcemodel coulomb` end to end: element output from an .inp, configured runs with summary.json, errors.</summary>
public sealed class CoulombCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Shared(string name) => Path.Combine(SharedData.Dataset("coulomb34-benchmark")!, name);

    [SharedDatasetFact("coulomb34-benchmark")]
    public void Element_output_of_the_benchmark_inp_matches_coulomb34_needs_shared_datasets()
    {
        var output = _cli.PathOf("elements.csv");
        var (code, _, err) = _cli.Run("coulomb", "--inp", Shared("simple_receiver_bm.inp"), "--out", output, "--rake", "135");
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(output);
        Assert.StartsWith("Fault,X-center,Y-center,Z-center,length,strike,dip,lat-slip,dip-slip,sig-right,sig_reverse,normal,coul-right", lines[0]);
        var receiver = lines[3].Split(',');
        // Coulomb 3.4, element 2: normal -5.390370, spec-coul -2.305760, opt-rake -119.2 (bar, degrees).
        Assert.InRange(double.Parse(receiver[11], CultureInfo.InvariantCulture), -5.39042, -5.39032);
        Assert.InRange(double.Parse(receiver[17], CultureInfo.InvariantCulture), -2.30581, -2.30571);
        Assert.Equal("-119.2", receiver[14]);
        Assert.Equal("normal", receiver[20]);
    }

    [ExampleDatasetFact("coulomb34-benchmark")]
    public void Configured_run_writes_grids_sections_receivers_and_a_summary_needs_shared_datasets()
    {
        var yaml = Path.Combine(SharedData.RepositoryRoot, "examples", "coulomb", "benchmark.yaml");
        var copy = _cli.Write("run.yaml", File.ReadAllText(yaml)
            .Replace("../../../shared/datasets/coulomb34-benchmark/simple_receiver_bm.inp", Shared("simple_receiver_bm.inp"))
            .Replace("output: benchmark-coulomb", "output: out"));
        var (code, stdout, err) = _cli.Run("coulomb", copy);
        Assert.True(code == 0, err);
        var folder = _cli.PathOf("out");
        Assert.Equal(81 * 81 + 1, File.ReadAllLines(Path.Combine(folder, "grid_1.csv")).Length);
        // The .inp cross-section: (-36, 36) to (38, -36) km = 103.25 km every 1 km (104 nodes), 0-30 km every 1 km (31).
        Assert.Equal(104 * 31 + 1, File.ReadAllLines(Path.Combine(folder, "section_1.csv")).Length);
        var receiver = File.ReadAllLines(Path.Combine(folder, "receivers.csv"))[1].Split(',');
        Assert.InRange(double.Parse(receiver[10], CultureInfo.InvariantCulture), -230581.0, -230571.0);   // Pa: -2.30576 bar
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(0.4, root.GetProperty("friction").GetDouble());
        Assert.Equal(32e9, root.GetProperty("medium").GetProperty("shear_modulus_pa").GetDouble(), 3);
        Assert.Equal(3, root.GetProperty("outputs").GetArrayLength());
        Assert.Contains("summary.json", stdout);
    }

    [Fact]
    public void A_patch_table_slip_model_loads_a_discretised_receiver_fault_and_matches_the_library()
    {
        _cli.Write("slip.csv", "east_m,north_m,top_depth_m,length_m,width_m,strike_deg,dip_deg,strike_slip_m,dip_slip_m\n" +
            "0,0,1000,10000,8000,30,60,0.5,1.5\n5000,8660.254,1000,10000,8000,30,60,0,2\n");
        var yaml = _cli.Write("run.yaml", "sources: {slip_model: slip.csv}\nmedium: {shear_modulus: 3.0e10, poisson: 0.25}\nreceiver: {strike: 30, dip: 60, rake: 90}\n" +
            "receiver_rake: 90\nreceiver_faults:\n  - {east_km: 20, north_km: 0, top_km: 0, length_km: 12, width_km: 9, strike: 120, dip: 80, along: 4, down: 3}\noutput: out\n");
        var (code, _, err) = _cli.Run("coulomb", yaml);
        Assert.True(code == 0, err);
        var rows = File.ReadAllLines(_cli.PathOf("out/receivers.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(12, rows.Length);
        // Same numbers as the library called directly on the same patches.
        var sources = new[]
        {
            new SourceModel.Okada.Geometry.RectangularFault(0, 0, 1000, 10000, 8000, 30, 60, new SourceModel.Okada.Geometry.FaultSlip(0.5, 1.5)),
            new SourceModel.Okada.Geometry.RectangularFault(5000, 8660.254, 1000, 10000, 8000, 30, 60, new SourceModel.Okada.Geometry.FaultSlip(0, 2)),
        };
        var receivers = new SourceModel.Coulomb.Stress.PlaneSlipModel(
            new SourceModel.Okada.Geometry.RectangularFault(20000, 0, 0, 12000, 9000, 120, 80, default), 4, 3, new SourceModel.Okada.Geometry.FaultSlip[12]).Patches();
        var expected = SourceModel.Coulomb.CoulombMaps.OnPatches(sources, new SourceModel.Okada.Mechanics.ElasticMedium(3e10, 0.25), 0.4, receivers, 90);
        for (int i = 0; i < 12; i++)
            Assert.Equal(expected[i].Stress.Coulomb, double.Parse(rows[i][10], CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public void Receiver_patches_take_the_receivers_rake_unless_receiver_rake_says_otherwise()
    {
        _cli.Write("slip.csv", "east_m,north_m,top_depth_m,length_m,width_m,strike_deg,dip_deg,strike_slip_m,dip_slip_m\n0,0,1000,10000,8000,30,60,0.5,1.5\n");
        string Yaml(string receiver, string extra) => _cli.Write("run.yaml", $"sources: {{slip_model: slip.csv}}\nreceiver: {receiver}\n{extra}" +
            "receiver_faults:\n  - {east_km: 20, north_km: 0, top_km: 0, length_km: 12, width_km: 9, strike: 120, dip: 80, along: 4, down: 3}\noutput: out\n");
        var source = new SourceModel.Okada.Geometry.RectangularFault(0, 0, 1000, 10000, 8000, 30, 60, new SourceModel.Okada.Geometry.FaultSlip(0.5, 1.5));
        var receivers = new SourceModel.Coulomb.Stress.PlaneSlipModel(
            new SourceModel.Okada.Geometry.RectangularFault(20000, 0, 0, 12000, 9000, 120, 80, default), 4, 3, new SourceModel.Okada.Geometry.FaultSlip[12]).Patches();
        var medium = SourceModel.Okada.Mechanics.ElasticMedium.Default;
        (string Rule, double[] Coulomb, double[] Rake) Run(string receiver, string extra)
        {
            var (code, _, err) = _cli.Run("coulomb", Yaml(receiver, extra), "--no-report");
            Assert.True(code == 0, err);
            var rows = File.ReadAllLines(_cli.PathOf("out/receivers.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
            var header = File.ReadLines(_cli.PathOf("out/receivers.csv")).First().Split(',');
            int coulomb = Array.IndexOf(header, "coulomb_pa"), rake = Array.IndexOf(header, "rake_deg");
            using var summary = JsonDocument.Parse(File.ReadAllText(_cli.PathOf("out/summary.json")));
            return (summary.RootElement.GetProperty("receiver_rake_rule").GetString()!,
                rows.Select(r => double.Parse(r[coulomb], CultureInfo.InvariantCulture)).ToArray(),
                rows.Select(r => double.Parse(r[rake], CultureInfo.InvariantCulture)).ToArray());
        }
        // Default with a specified receiver: its rake (70°) on every receiver patch.
        var (rule, values, rakes) = Run("{strike: 30, dip: 60, rake: 70}", "");
        Assert.Contains("the receiver's rake 70°", rule);
        Assert.All(rakes, r => Assert.Equal(70, r, 9));
        var expected = SourceModel.Coulomb.CoulombMaps.OnPatches([source], medium, 0.4, receivers, 70);
        for (int i = 0; i < 12; i++) Assert.Equal(expected[i].Stress.Coulomb, values[i], 6);
        // receiver_rake: optimal asks for each patch's optimal rake; a number for that rake everywhere.
        (rule, values, _) = Run("{strike: 30, dip: 60, rake: 70}", "receiver_rake: optimal\n");
        Assert.Contains("optimal rake", rule);
        expected = SourceModel.Coulomb.CoulombMaps.OnPatches([source], medium, 0.4, receivers, rake: null);
        for (int i = 0; i < 12; i++) Assert.Equal(expected[i].Stress.Coulomb, values[i], 6);
        (rule, _, rakes) = Run("{strike: 30, dip: 60, rake: 70}", "receiver_rake: -20\n");
        Assert.Contains("rake -20°", rule);
        Assert.All(rakes, r => Assert.Equal(-20, r, 9));
        var (code, _, err) = _cli.Run("coulomb", Yaml("{strike: 30, dip: 60, rake: 70}", "receiver_rake: sideways\n"), "--no-report");
        Assert.Equal(1, code);
        Assert.Matches(@"run\.yaml:\d+: receiver_rake: expected a rake in degrees or optimal, got 'sideways'", err);
    }

    [Fact]
    public void An_aftershock_catalogue_gets_dcfs_on_both_nodal_planes_and_the_share_brought_closer_to_failure()
    {
        // A right-lateral fault striking north (20 × 10 km, 1 m); aligned right-lateral aftershocks off both tips (loaded)
        // and beside the middle (shadows), at 5 km depth, with their auxiliary east–west planes.
        _cli.Write("slip.csv", "east_m,north_m,top_depth_m,length_m,width_m,strike_deg,dip_deg,strike_slip_m,dip_slip_m\n0,0,0,20000,10000,0,90,-1,0\n");
        const string mechanisms = "id,time,east_km,north_km,depth_km,mw,strike1,dip1,rake1,strike2,dip2,rake2\n" +
            "a,2020-01-19T14:00:00,0,18,5,4.1,0,90,180,90,90,0\nb,2020-01-19T15:00:00,0,-18,5,3.9,0,90,180,90,90,0\n" +
            "c,2020-01-20T01:00:00,8,0,5,3.5,0,90,180,90,90,0\nd,2020-01-21T07:00:00,-8,0,5,3.2,0,90,180,90,90,0\n";
        string Yaml(string catalogue, string extra = "") => _cli.Write("run.yaml",
            $"sources: {{slip_model: slip.csv}}\nreceiver: {{strike: 0, dip: 90, rake: 180}}\ncatalogue: {{file: {catalogue}{extra}}}\noutput: out\n");
        _cli.Write("events.csv", mechanisms);
        var (code, output, err) = _cli.Run("coulomb", Yaml("events.csv"));
        Assert.True(code == 0, err);
        Assert.Contains("ΔCFS > 0 on nodal plane 1 for 50 %", output);
        string report = System.Net.WebUtility.HtmlDecode(File.ReadAllText(_cli.PathOf("out/report.html")));
        Assert.Contains("aftershocks as receivers", report);
        Assert.Contains("ΔCFS > 0 on nodal plane 1 for 50 %", report);
        var lines = File.ReadAllLines(_cli.PathOf("out/catalogue.csv"));
        var header = lines[0].Split(',');
        Assert.Equal(["id", "time", "east_km"], header[..3]);   // the catalogue's own columns come first, unchanged
        int c1 = Array.IndexOf(header, "coulomb1_pa"), c2 = Array.IndexOf(header, "coulomb2_pa");
        var signs = lines.Skip(1).Select(l => l.Split(',')).Select(f => (f[0], Math.Sign(double.Parse(f[c1], CultureInfo.InvariantCulture)), Math.Sign(double.Parse(f[c2], CultureInfo.InvariantCulture)))).ToArray();
        Assert.Equal([("a", 1, 1), ("b", 1, 1), ("c", -1, -1), ("d", -1, -1)], signs);
        using (var summary = JsonDocument.Parse(File.ReadAllText(_cli.PathOf("out/summary.json"))))
        {
            var k = summary.RootElement.GetProperty("catalogue");
            Assert.Equal(4, k.GetProperty("events").GetInt32());
            Assert.Equal(0.5, k.GetProperty("positive_plane1").GetDouble(), 12);
            Assert.Equal(0.5, k.GetProperty("positive_either").GetDouble(), 12);
        }
        // The same events in longitude/latitude about a declared reference give the same stresses.
        var projection = new SourceModel.Sampling.Projection.LocalProjection(new SourceModel.Sampling.Projection.GeoReference(77.2, 39.8));
        var geographic = "lon,lat,depth_km,strike1,dip1,rake1,strike2,dip2,rake2\n" + string.Concat(new[] { (0.0, 18.0), (0.0, -18.0), (8.0, 0.0), (-8.0, 0.0) }.Select(p =>
        {
            var (lon, lat) = projection.Inverse(p.Item1 * 1e3, p.Item2 * 1e3);
            return string.Create(CultureInfo.InvariantCulture, $"{lon:R},{lat:R},5,0,90,180,90,90,0\n");
        }));
        _cli.Write("geographic.csv", geographic);
        (code, _, err) = _cli.Run("coulomb", Yaml("geographic.csv", ", reference: {lon: 77.2, lat: 39.8}"), "--no-report");
        Assert.True(code == 0, err);
        var again = File.ReadAllLines(_cli.PathOf("out/catalogue.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[Array.IndexOf(File.ReadLines(_cli.PathOf("out/catalogue.csv")).First().Split(','), "coulomb1_pa")], CultureInfo.InvariantCulture)).ToArray();
        var first = lines.Skip(1).Select(l => double.Parse(l.Split(',')[c1], CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < 4; i++) Assert.Equal(first[i], again[i], Math.Abs(first[i]) * 1e-6);
        (code, _, err) = _cli.Run("coulomb", Yaml("geographic.csv"), "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("lon/lat hypocentres need a local frame", err);

        // The same events as a Global CMT NDK file (five fixed-format lines each; lon/lat/depth at columns 28-33,
        // 35-41, 43-47 of line 1; exponent first on line 4; scalar moment and the two planes last on line 5).
        string Ndk(int k, double east, double north) => string.Create(CultureInfo.InvariantCulture,
            $"{"PDE",-4} {"2020/01/19",10} {$"14:0{k}:00.0",10} {projection.Inverse(east, north).Latitude,6:F2} {projection.Inverse(east, north).Longitude,7:F2} {5.0,5:F1} {"4.5 0.0",7} {"SOUTHERN XINJIANG",-24}\n" +
            $"C20200119140{k}A  B:  0    0   0 S: 20   40  50 M:  0    0   0 CMT: 1 TRIHD:  0.6\n" +
            $"CENTROID:      1.0 0.1  39.80 0.01   77.20 0.01   5.0  0.0 FIX O-00000000000000\n" +
            $"23  0.100 0.010 -0.100 0.010  0.000 0.010  0.000 0.010  0.000 0.010  1.500 0.010\n" +
            $"V10   1.500 0  45  0.000 90   0 -1.500  0 315   1.500   0 90  180  90 90    0\n");
        _cli.Write("events.ndk", Ndk(1, 0, 18_000) + Ndk(2, 8_000, 0));
        (code, output, err) = _cli.Run("coulomb", Yaml("events.ndk", ", reference: {lon: 77.2, lat: 39.8}"), "--no-report");
        Assert.True(code == 0, err);
        var ndk = File.ReadAllLines(_cli.PathOf("out/catalogue.csv"));
        var ndkHeader = ndk[0].Split(',');
        Assert.Equal(["event", "time", "lat", "lon", "depth_km", "mw"], ndkHeader[..6]);
        var firstEvent = ndk[1].Split(',');
        Assert.Equal("C202001191401A", firstEvent[0]);
        Assert.Equal("2020/01/19T14:01:00.0", firstEvent[1]);
        Assert.Equal("4.72", firstEvent[5]);   // M0 1.5e23 dyn·cm: ⅔(23.176 − 16.1) = 4.717
        var ndkCoulomb = ndk.Skip(1).Select(l => double.Parse(l.Split(',')[Array.IndexOf(ndkHeader, "coulomb1_pa")], CultureInfo.InvariantCulture)).ToArray();
        // NDK rounds positions to 0.01° (≈ 1 km): the library at exactly those rounded hypocentres gives the same numbers,
        // and the signs are those of the exact events.
        var rounded = new[] { (0.0, 18_000.0), (8_000.0, 0.0) }.Select(p => projection.Inverse(p.Item1, p.Item2))
            .Select(g => projection.Forward(Math.Round(g.Longitude, 2), Math.Round(g.Latitude, 2)))
            .Select(x => new SourceModel.Coulomb.HypocentreReceiver(x.East, x.North, 5_000,
                (new SourceModel.Coulomb.Resolution.ReceiverPlane(0, 90, 180), new SourceModel.Coulomb.Resolution.ReceiverPlane(90, 90, 0)))).ToArray();
        var source = new SourceModel.Okada.Geometry.RectangularFault(0, 0, 0, 20_000, 10_000, 0, 90, new SourceModel.Okada.Geometry.FaultSlip(-1, 0));
        var expected = SourceModel.Coulomb.HypocentreCoulomb.Compute([source], SourceModel.Okada.Mechanics.ElasticMedium.Default, 0.4, rounded,
            SourceModel.Coulomb.ReceiverSpec.Specified(new SourceModel.Coulomb.Resolution.ReceiverPlane(0, 90, 180)));
        for (int i = 0; i < 2; i++) Assert.Equal(expected[i].First.Coulomb, ndkCoulomb[i], Math.Abs(expected[i].First.Coulomb) * 1e-9);
        Assert.True(ndkCoulomb[0] > 0 && ndkCoulomb[1] < 0, string.Join(", ", ndkCoulomb));
        _cli.Write("cut.ndk", Ndk(1, 0, 18_000) + string.Join('\n', Ndk(2, 8_000, 0).Split('\n').Take(3)) + "\n");
        (code, _, err) = _cli.Run("coulomb", Yaml("cut.ndk", ", reference: {lon: 77.2, lat: 39.8}"), "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("cut.ndk: 8 lines, not a multiple of five", err);

        // Without mechanism columns every event is resolved on the receiver, and the log says so once.
        _cli.Write("bare.csv", "east_km,north_km,depth_km\n0,18,5\n8,0,5\n");
        (code, output, err) = _cli.Run("coulomb", Yaml("bare.csv"), "--no-report");
        Assert.True(code == 0, err);
        Assert.Single(output.Split('\n'), l => l.Contains("has no mechanism columns"));
        Assert.Contains("ΔCFS > 0 on the receiver for 50 %", output);

        // An impossible dip is refused with its line, or skipped and listed with skip_bad_rows; half a mechanism is refused.
        _cli.Write("bad.csv", mechanisms.Replace("c,2020-01-20T01:00:00,8,0,5,3.5,0,90,180", "c,2020-01-20T01:00:00,8,0,5,3.5,0,120,180"));
        (code, _, err) = _cli.Run("coulomb", Yaml("bad.csv"), "--no-report");
        Assert.Equal(1, code);
        Assert.Matches(@"bad\.csv:4: nodal plane 1 \(strike 0, dip 120, rake 180\): receiver dip 120 must be within 0-90 degrees", err);
        (code, output, err) = _cli.Run("coulomb", Yaml("bad.csv", ", skip_bad_rows: true"), "--no-report");
        Assert.True(code == 0, err);
        Assert.Contains("skipped:", output);
        Assert.Contains("bad.csv:4:", output);
        Assert.Equal(4, File.ReadAllLines(_cli.PathOf("out/catalogue.csv")).Length);   // header + 3 events
        _cli.Write("half.csv", "east_km,north_km,depth_km,strike1,dip1,rake1\n0,18,5,0,90,180\n");
        (code, _, err) = _cli.Run("coulomb", Yaml("half.csv"), "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("mechanism columns incomplete (missing strike2, dip2, rake2)", err);
    }

    [Fact]
    public void The_report_draws_the_fault_on_maps_and_sections_on_a_robust_or_chosen_colour_limit()
    {
        // A 20 × 10 km thrust (dip 40°, top 2 km), a map at 8 km (cutting the fault) and a section across it.
        _cli.Write("slip.csv", "east_m,north_m,top_depth_m,length_m,width_m,strike_deg,dip_deg,strike_slip_m,dip_slip_m\n0,0,2000,20000,10000,90,40,0,2\n");
        string Yaml(string extra) => _cli.Write("run.yaml", "sources: {slip_model: slip.csv}\nreceiver: {strike: 90, dip: 40, rake: 90}\n" +
            "grids: [{east_km: [-30, 30], north_km: [-30, 30], spacing_km: 1, depths_km: [8]}]\n" +
            "cross_sections: [{start_km: [0, 25], end_km: [0, -25], spacing_km: 1, depth_km: [0, 20], depth_spacing_km: 1}]\n" + extra + "output: out\n");
        var (code, _, err) = _cli.Run("coulomb", Yaml(""));
        Assert.True(code == 0, err);
        string files = _cli.PathOf(Path.Combine("out", "report_files"));
        using var map = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(files, "grid-1-*.json").Single()));
        using var section = JsonDocument.Parse(File.ReadAllText(Path.Combine(files, "section-1.json")));
        // Robust default: the 98th percentile away from the source, far below the near-field peak of the section.
        double robust = map.RootElement.GetProperty("data")[0].GetProperty("zmax").GetDouble();
        double peak = File.ReadAllLines(_cli.PathOf(Path.Combine("out", "section_1.csv"))).Skip(1)
            .Select(l => Math.Abs(double.Parse(l.Split(',')[^2], CultureInfo.InvariantCulture)) / 1e5).Where(double.IsFinite).Max();
        Assert.InRange(robust, 0.01, peak / 3);
        Assert.Equal(robust, section.RootElement.GetProperty("data")[0].GetProperty("zmax").GetDouble());
        Assert.Equal(-robust, section.RootElement.GetProperty("data")[0].GetProperty("zmin").GetDouble());
        // The fault on the map at 8 km: the plane reaches 8 km depth (6 km below its top, 7.15 km north of it… down dip
        // to the south) along y = −6/tan 40° = −7.15 km, from x = −10 to 10 km.
        var cut = map.RootElement.GetProperty("data").EnumerateArray().Single(t => t.GetProperty("name").GetString()!.StartsWith("fault at 8", StringComparison.Ordinal));
        Assert.Equal(-6 / Math.Tan(40 * Math.PI / 180), cut.GetProperty("y")[0].GetDouble(), 6);
        Assert.Equal(20, Math.Abs(cut.GetProperty("x")[1].GetDouble() - cut.GetProperty("x")[0].GetDouble()), 6);
        // On the section (north to south, distance from y = 25 km): from the top edge (25 km along, 2 km deep) down dip.
        var trace = section.RootElement.GetProperty("data").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "fault");
        var ends = new[] { 0, 1 }.Select(i => (trace.GetProperty("x")[i].GetDouble(), trace.GetProperty("y")[i].GetDouble())).OrderBy(e => e.Item2).ToArray();
        Assert.Equal((25.0, 2.0), (Math.Round(ends[0].Item1, 6), Math.Round(ends[0].Item2, 6)));
        Assert.Equal(2 + 10 * Math.Sin(40 * Math.PI / 180), ends[1].Item2, 6);

        (code, _, err) = _cli.Run("coulomb", Yaml("colour_limit_bar: 2\n"));
        Assert.True(code == 0, err);
        using var chosen = JsonDocument.Parse(File.ReadAllText(Path.Combine(files, "section-1.json")));
        Assert.Equal(2, chosen.RootElement.GetProperty("data")[0].GetProperty("zmax").GetDouble());
        Assert.Contains("Colour scale ±2 bar (colour_limit_bar)", System.Net.WebUtility.HtmlDecode(File.ReadAllText(_cli.PathOf(Path.Combine("out", "report.html")))));
        if (Reports.Html.PngExport.Chromium is not null)
        {
            var (dom, console, _) = Reports.Tests.HeadlessChromium.Render(_cli.PathOf(Path.Combine("out", "report.html")), _cli.PathOf("coulomb.png"));
            Assert.True(console.Count == 0, string.Join("\n", console));
            Assert.Contains("data-rendered-ms", dom);
        }

        (code, _, err) = _cli.Run("coulomb", Yaml("colour_limit_bar: -1\n"));
        Assert.Equal(1, code);
        Assert.Contains("colour_limit_bar: -1 must be a positive number of bar", err);
    }

    [Fact]
    public void Bad_coulomb_input_gives_one_line_with_file_line_and_expectation()
    {
        var (code, _, err) = _cli.Run("coulomb", "--inp", _cli.Write("x.inp", "x\n"), "--out", _cli.PathOf("o.csv"));
        Assert.Equal(1, code);
        Assert.Contains("--rake", err);
        var inp = _cli.Write("bad.inp",
            "t1\nt2\n#reg1=  0  #reg2=  0  #fixed=  1  sym=  1\n PR1=  0.250  DEPTH=  7.5\n  E1=  8.0e5\nXSYM= .0 YSYM= .0\nFRIC=  0.400\n" +
            "S1DR= 19 S1DP= 0 S1IN= 100 S1GD= 0\nS2DR= 90 S2DP= 89 S2IN= 30 S2GD= 0\nS3DR= 109 S3DP= 0 S3IN= 0 S3GD= 0\n\n" +
            "  #   X-start    Y-start     X-fin      Y-fin   Kode  rt.lat    reverse   dip angle     top      bot\n" +
            "xxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx\n" +
            "  1  -10 0 10 0 100 1 1 80.9 10 x20\n\n");
        (code, _, err) = _cli.Run("coulomb", "--inp", inp, "--out", _cli.PathOf("o.csv"), "--rake", "135");
        Assert.Equal(1, code);
        Assert.Contains($"{inp}:14: field 11: expected a number, got 'x20'", err);
        Assert.False(File.Exists(_cli.PathOf("o.csv")));
        var yaml = _cli.Write("c.yaml", $"sources: {{inp: bad.inp}}\nreceiver: {{strike: 0, dip: 45, rake: 0}}\nfriction: 1.5\n");
        File.WriteAllText(inp, File.ReadAllText(inp).Replace("x20", "20"));
        (code, _, err) = _cli.Run("coulomb", yaml);
        Assert.Equal(1, code);
        Assert.Contains("friction: 1.5 must be within [0, 1]", err);
        File.WriteAllText(yaml, "sources: {inp: bad.inp}\nreceiver: {strike: 0, dip: 120, rake: 0}\ngrids: [{east_km: [0, 1], north_km: [0, 1], spacing_km: 1, depths_km: [5]}]\n");
        (code, _, err) = _cli.Run("coulomb", yaml);
        Assert.Equal(1, code);
        Assert.Contains("dip 120 must be within 0-90", err);
        Assert.DoesNotContain("   at ", err);
    }
}
