using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SourceModel.Cli.Infrastructure;
using SourceModel.Coulomb;
using SourceModel.Coulomb.Inp;
using SourceModel.Okada;

namespace SourceModel.Cli.Commands;

/// <summary>`sourcemodel coulomb`: Coulomb 3.4-style element output from an .inp, or a configured run writing ΔCFS on
/// grids, cross-sections and receiver faults plus a summary.json (docs/formats.md).</summary>
internal static class CoulombRun
{
    /// <summary>Element output of an .inp file with the specified rake (Coulomb 3.4's columns).</summary>
    public static void Elements(string inp, string output, double rake, TextWriter log)
    {
        var input = InpReader.Read(inp);
        var results = ElementStress.Compute(input, rake);
        AtomicFile.Write(output, w => ElementStress.WriteCsv(results, w));
        int singular = results.Count(r => r.Status != OkadaStatus.Normal);
        log.WriteLine($"{inp}: {results.Count} element(s), {input.Elements.Count(e => !e.IsReceiver(input.Columns))} with slip; " +
                      $"specified rake {rake.ToString(CultureInfo.InvariantCulture)}°; wrote {output}{(singular > 0 ? $" ({singular} singular: centre on a source edge)" : "")}");
    }

    private static readonly string[] Columns =
        ["east_m", "north_m", "depth_m", "strike_deg", "dip_deg", "rake_deg", "shear_strike_pa", "shear_dip_pa", "shear_rake_pa", "normal_pa", "coulomb_pa", "status"];

    /// <summary>Runs a configuration; every output is written atomically into the run folder.</summary>
    public static void Config(string path, TextWriter log, bool report = true)
    {
        var c = CoulombConfig.Load(path);
        using var folder = RunFolder.Claim(c.Output, "coulomb", ["coulomb", path], path);
        Run(c, report ? Path.Combine(c.Output, "report.html") : null, log);
    }

    /// <summary>Runs a parsed configuration into its output folder; with <paramref name="html"/> also a report there
    /// (<see cref="CoulombReport"/>).</summary>
    public static void Run(CoulombConfig c, string? html, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        string path = c.Path;
        GeometryRun.StartEstimate(path, log, RunEstimates.Coulomb(c.Nodes(), c.Sources.Count, "grids"));
        var results = new List<(string File, string Kind, CoulombPoint[] Points, double[]? Distance)>();
        Directory.CreateDirectory(c.Output);
        var outputs = new List<object>();
        void Emit(string name, string kind, CoulombPoint[] points, double[]? distance)
        {
            string file = Path.Combine(c.Output, name);
            AtomicFile.Write(file, w =>
            {
                w.WriteLine(string.Join(',', distance is null ? Columns : ["distance_m", .. Columns]));
                for (int i = 0; i < points.Length; i++)
                {
                    var p = points[i];
                    var s = p.Stress;
                    var cells = new List<string>();
                    if (distance is not null) cells.Add(F(distance[i]));
                    cells.AddRange([F(p.East), F(p.North), F(p.Depth), F(p.Plane.Strike), F(p.Plane.Dip), F(s.Rake),
                        F(s.ShearStrike), F(s.ShearDip), F(s.ShearInRake), F(s.Normal), F(s.Coulomb), p.Status == OkadaStatus.Normal ? "normal" : "singular"]);
                    w.WriteLine(string.Join(',', cells));
                }
            });
            var valid = points.Where(p => p.Status == OkadaStatus.Normal).Select(p => p.Stress.Coulomb).ToArray();
            outputs.Add(new
            {
                file = name, kind, points = points.Length, singular_points = points.Length - valid.Length,
                coulomb_min_pa = valid.Length > 0 ? valid.Min() : double.NaN, coulomb_max_pa = valid.Length > 0 ? valid.Max() : double.NaN,
            });
            log.WriteLine($"  {name}: {points.Length} point(s), ΔCFS {Range(valid)}");
            results.Add((name, kind, points, distance));
        }
        for (int g = 0; g < c.Grids.Count; g++)
        {
            var r = c.Grids[g];
            var (e, n, d) = CoulombMaps.HorizontalGrid(r.MinEast, r.MaxEast, r.MinNorth, r.MaxNorth, r.Spacing, r.Depths);
            Emit($"grid_{g + 1}.csv", "grid", CoulombMaps.AtPoints(c.Sources, c.Medium, c.Friction, e, n, d, c.Receiver), null);
        }
        for (int s = 0; s < c.Sections.Count; s++)
        {
            var r = c.Sections[s];
            var (e, n, d, dist) = CoulombMaps.CrossSection(r.StartEast, r.StartNorth, r.EndEast, r.EndNorth, r.Spacing, r.Top, r.Bottom, r.DepthSpacing);
            Emit($"section_{s + 1}.csv", "cross_section", CoulombMaps.AtPoints(c.Sources, c.Medium, c.Friction, e, n, d, c.Receiver), dist);
        }
        if (c.ReceiverFaults.Count > 0)
            Emit("receivers.csv", "receiver_patches", CoulombMaps.OnPatches(c.Sources, c.Medium, c.Friction, c.ReceiverFaults, c.ReceiverRakes), null);
        object? catalogue = null;
        AftershockFractions? aftershocks = null;
        if (c.Catalogue is { } k)
        {
            if (!k.HasMechanisms)
                log.WriteLine($"note: {k.Path} has no mechanism columns (strike1,dip1,rake1,strike2,dip2,rake2): every event is resolved on the receiver ({(c.Receiver.Plane is { } rp ? string.Create(CultureInfo.InvariantCulture, $"strike {rp.Strike:0.#}°, dip {rp.Dip:0.#}°, rake {rp.Rake:0.#}°") : "optimally oriented planes")}).");
            foreach (string s in k.Skipped.Take(10)) log.WriteLine($"skipped: {s}");
            if (k.Skipped.Count > 10) log.WriteLine($"skipped: … {k.Skipped.Count - 10} more row(s)");
            var stresses = HypocentreCoulomb.Compute(c.Sources, c.Medium, c.Friction, k.Receivers, c.Receiver);
            var shares = HypocentreCoulomb.Fractions(stresses);
            aftershocks = shares;
            AtomicFile.Write(Path.Combine(c.Output, "catalogue.csv"), w => k.Write(w, stresses));
            catalogue = new
            {
                file = k.Path, events = k.Receivers.Count, with_mechanism = k.HasMechanisms, skipped_rows = k.Skipped.Count, regular_events = shares.Events,
                positive_plane1 = shares.FirstPlane, positive_plane2 = shares.SecondPlane, positive_either = shares.Either, positive_both = shares.Both,
            };
            log.WriteLine(k.HasMechanisms
                ? string.Create(CultureInfo.InvariantCulture, $"  catalogue.csv: {k.Receivers.Count} event(s); ΔCFS > 0 on nodal plane 1 for {shares.FirstPlane:P0}, plane 2 {shares.SecondPlane:P0}, either {shares.Either:P0}, both {shares.Both:P0}")
                : string.Create(CultureInfo.InvariantCulture, $"  catalogue.csv: {k.Receivers.Count} event(s); ΔCFS > 0 on the receiver for {shares.FirstPlane:P0}"));
        }
        if (html is not null) CoulombReport.Write(html, c, results, aftershocks);
        var summary = new
        {
            software = "sourcemodel",
            version = typeof(CoulombRun).Assembly.GetName().Version?.ToString(),
            config = Path.GetFullPath(path),
            created_utc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            elapsed_s = clock.Elapsed.TotalSeconds,
            medium = new { shear_modulus_pa = c.Medium.ShearModulus, poisson_ratio = c.Medium.PoissonRatio, young_modulus_pa = c.Medium.YoungModulus },
            friction = c.Friction,
            sources = c.Sources.Count,
            moment_nm = c.Sources.Sum(f => f.Moment(c.Medium)),
            receiver = c.Receiver.Plane is { } p
                ? (object)new { kind = "specified", strike_deg = p.Strike, dip_deg = p.Dip, rake_deg = p.Rake }
                : new { kind = "optimal", regional = c.Receiver.Regional!.Axes.Select(a => new { azimuth_deg = a.Azimuth, plunge_deg = a.Plunge, magnitude_pa = a.Magnitude, gradient_pa_per_m = a.Gradient }) },
            receiver_faults = c.ReceiverFaults.Count,
            receiver_rake_deg = c.ReceiverRake,
            receiver_rake_rule = c.ReceiverRakes.Count > 0 ? c.ReceiverRakeRule : null,
            outputs,
            catalogue,
        };
        AtomicFile.Write(Path.Combine(c.Output, "summary.json"), w => w.Write(JsonSerializer.Serialize(summary, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        })));
        log.WriteLine($"{path}: {c.Sources.Count} source(s); wrote {outputs.Count + (catalogue is null ? 0 : 1)} result file(s) and summary.json to {c.Output} in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static string F(double v) => double.IsNaN(v) ? "nan" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Range(double[] v) => v.Length == 0 ? "—"
        : string.Create(CultureInfo.InvariantCulture, $"{v.Min() / 1e5:0.###}..{v.Max() / 1e5:0.###} bar");
}
