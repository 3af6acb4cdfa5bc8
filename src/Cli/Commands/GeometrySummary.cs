using SourceModel.Inversion.Problem;
using SourceModel.Okada.Geometry;
using SourceModel.Sampling.Projection;

namespace SourceModel.Cli.Commands;

/// <summary>
/// The parts of a step-1 summary.json that step 2 reads back (docs/formats.md): the local frame's reference and the
/// best sources in the local frame, rectangles in top-edge-centre form.
/// </summary>
internal static class GeometrySummary
{
    public static object? Reference(GeoReference? r) => r is null ? null : new
    {
        lon = r.Longitude, lat = r.Latitude,
        projection = r.Kind == ProjectionKind.Utm ? "utm" : "transverse_mercator", utm_zone = r.Kind == ProjectionKind.Utm ? r.EffectiveZone : (int?)null,
    };

    /// <summary>The sources for summary.json; with a geographic reference, the top-edge centre and the centroid (of a
    /// rectangle; the location of a point source) also in longitude and latitude (degrees).</summary>
    public static IEnumerable<object> Sources(SourceLayout layout, SourceSet best, GeoReference? reference = null)
    {
        var projection = reference is null ? null : new LocalProjection(reference);
        double? Lon(double e, double n) => projection?.Inverse(e, n).Longitude;
        double? Lat(double e, double n) => projection?.Inverse(e, n).Latitude;
        var rectangles = layout.Templates.Where(t => t.Kind == SourceKind.Rectangle).Select(t => t.Name).ToList();
        var points = layout.Templates.Where(t => t.Kind == SourceKind.Point).Select(t => t.Name).ToList();
        foreach (var (f, name) in best.Rectangles.Zip(rectangles))
            yield return new
            {
                name, type = "rectangle", east_m = f.East, north_m = f.North, top_depth_m = f.TopDepth, length_m = f.Length, width_m = f.Width,
                strike_deg = f.Strike, dip_deg = f.Dip, rake_deg = f.Slip.Rake, slip_m = f.Slip.Magnitude,
                strike_slip_m = f.Slip.StrikeSlip, dip_slip_m = f.Slip.DipSlip, opening_m = f.Slip.Opening,
                top_centre_lon = Lon(f.East, f.North), top_centre_lat = Lat(f.East, f.North),
                centroid_east_m = f.Centroid.East, centroid_north_m = f.Centroid.North, centroid_depth_m = f.Centroid.Depth,
                centroid_lon = Lon(f.Centroid.East, f.Centroid.North), centroid_lat = Lat(f.Centroid.East, f.Centroid.North),
            };
        foreach (var (p, name) in best.Points.Zip(points))
            yield return new
            {
                name, type = "point", east_m = p.East, north_m = p.North, depth_m = p.Depth, strike_deg = p.Strike, dip_deg = p.Dip,
                strike_potency_m3 = p.StrikePotency, dip_potency_m3 = p.DipPotency, lon = Lon(p.East, p.North), lat = Lat(p.East, p.North),
            };
    }

    /// <summary>Log lines for the competing minima: every minimum after the best, with its Δχ² and whether the data can
    /// tell it from the best.</summary>
    public static IEnumerable<string> MinimaLines(IReadOnlyList<Inversion.Results.CompetingMinimum> minima, IReadOnlyList<string> names)
    {
        if (minima.Count <= 1) yield break;
        int strike = names.ToList().FindIndex(n => n.EndsWith(".strike", StringComparison.Ordinal));
        int dip = names.ToList().FindIndex(n => n.EndsWith(".dip", StringComparison.Ordinal));
        int rake = names.ToList().FindIndex(n => n.EndsWith(".rake", StringComparison.Ordinal));
        yield return $"  {minima.Count} distinct minima (peaks.csv); the next best:";
        foreach (var m in minima.Skip(1).Take(3))
        {
            string angles = strike >= 0 && dip >= 0
                ? System.FormattableString.Invariant($"strike {m.Parameters[strike]:F0}°, dip {m.Parameters[dip]:F0}°{(rake >= 0 ? $", rake {m.Parameters[rake]:F0}°" : "")}, ")
                : "";
            yield return System.FormattableString.Invariant(
                $"    #{m.Rank}: misfit {m.Cost:G5}, {angles}Mw {m.MomentMagnitude:F2}, Δχ² {m.DeltaChiSquare:F1}, F-test p = {m.PValue:G2}{(m.Indistinguishable ? " — the data cannot distinguish it from the best" : "")}");
        }
    }

    /// <summary>Reads the rectangles back from a step-1 run folder (or its summary.json): name → fault, and the reference.</summary>
    public static (IReadOnlyDictionary<string, RectangularFault> Rectangles, GeoReference? Reference) Load(string runOrSummary)
    {
        string file = Directory.Exists(runOrSummary) ? Path.Combine(runOrSummary, "summary.json") : runOrSummary;
        if (!File.Exists(file)) throw new Infrastructure.UserError($"{file}: not found; give a step-1 run folder (with summary.json) or its summary.json.");
        System.Text.Json.JsonDocument doc;
        try { doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)); }
        catch (System.Text.Json.JsonException e) { throw new Infrastructure.UserError($"{file}: not valid JSON ({e.Message})."); }
        using (doc)
        {
            var root = doc.RootElement;
            if (!root.TryGetProperty("sources", out var sources) || sources.ValueKind != System.Text.Json.JsonValueKind.Array)
                throw new Infrastructure.UserError($"{file}: no 'sources' list; is this a step-1 (geometry) run written by this version?");
            var result = new Dictionary<string, RectangularFault>();
            foreach (var s in sources.EnumerateArray())
            {
                string Text(string key) => s.TryGetProperty(key, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String
                    ? v.GetString()! : throw new Infrastructure.UserError($"{file}: a source has no text '{key}'.");
                if (Text("type") != "rectangle") continue;
                string name = Text("name");
                double N(string key) => s.TryGetProperty(key, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number
                    ? v.GetDouble() : throw new Infrastructure.UserError($"{file}: source '{name}' has no number '{key}'.");
                try
                {
                    result[name] = new RectangularFault(N("east_m"), N("north_m"), N("top_depth_m"), N("length_m"),
                        N("width_m"), N("strike_deg"), N("dip_deg"), new FaultSlip(N("strike_slip_m"), N("dip_slip_m")));
                }
                catch (ArgumentException e) { throw new Infrastructure.UserError($"{file}: source '{name}': {Infrastructure.UserError.Reason(e)}"); }
            }
            GeoReference? reference = null;
            if (root.TryGetProperty("reference", out var r) && r.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                double Number(string key) => r.TryGetProperty(key, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number
                    ? v.GetDouble() : throw new Infrastructure.UserError($"{file}: reference has no number '{key}'.");
                bool utm = r.TryGetProperty("projection", out var kind) && kind.ValueKind == System.Text.Json.JsonValueKind.String && kind.GetString() == "utm";
                reference = utm
                    ? new GeoReference(Number("lon"), Number("lat"), ProjectionKind.Utm, (int)Number("utm_zone"))
                    : new GeoReference(Number("lon"), Number("lat"));
            }
            return (result, reference);
        }
    }
}
