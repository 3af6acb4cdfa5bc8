using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Coulomb;
using SourceModel.Coulomb.Resolution;
using SourceModel.Sampling.Projection;

namespace SourceModel.Cli.Commands;

/// <summary>
/// An aftershock catalogue as Coulomb receivers (docs/formats.md, "catalogue"): a CSV with a header, one event per row —
/// the hypocentre as <c>lon,lat</c> (projected into the local frame of a reference) or
/// <c>east_km,north_km</c>, <c>depth_km</c>, and optionally both nodal planes <c>strike1,dip1,rake1,strike2,dip2,rake2</c>
/// (degrees, Aki &amp; Richards); any other columns (time, Mw, id …) are carried into the output. A catalogue without
/// mechanism columns is resolved on the configured receiver (the log says so once). A row with an impossible value
/// (dip outside 0–90°, a negative depth, a field that is not a number) is refused with its line — or, with
/// <c>skip_bad_rows: true</c>, left out and listed.
/// </summary>
internal sealed record AftershockCatalogue(string Path, string[] Header, IReadOnlyList<string[]> Rows, IReadOnlyList<HypocentreReceiver> Receivers,
    bool HasMechanisms, IReadOnlyList<string> Skipped)
{
    private static readonly string[] Mechanism = ["strike1", "dip1", "rake1", "strike2", "dip2", "rake2"];

    /// <summary>Reads <paramref name="path"/>; <paramref name="reference"/> projects lon/lat (null: only east_km/north_km
    /// are accepted).</summary>
    public static AftershockCatalogue Load(string path, GeoReference? reference, bool skipBadRows)
    {
        if (path.EndsWith(".ndk", StringComparison.OrdinalIgnoreCase)) return LoadNdk(path, reference, skipBadRows);
        const string expectation = "lon,lat (or east_km,north_km), depth_km and optionally strike1,dip1,rake1,strike2,dip2,rake2";
        var table = CsvTable.Load(path, expectation);
        int lon = table.Column("lon"), lat = table.Column("lat"), east = table.Column("east_km"), north = table.Column("north_km"), depth = table.Column("depth_km");
        bool geographic = lon >= 0 && lat >= 0;
        if (!geographic && (east < 0 || north < 0))
            throw new UserError($"{path}: no hypocentre columns; expected {expectation}.");
        if (geographic && reference is null)
            throw new UserError($"{path}: lon/lat hypocentres need a local frame: declare the data's 'reference' (or catalogue.reference: {{lon, lat}}), or give east_km,north_km.");
        if (depth < 0) throw new UserError($"{path}: no depth_km column; expected {expectation}.");
        var mechanism = Mechanism.Select(table.Column).ToArray();
        int present = mechanism.Count(k => k >= 0);
        if (present is > 0 and < 6)
            throw new UserError($"{path}: mechanism columns incomplete (missing {string.Join(", ", Mechanism.Where((_, k) => mechanism[k] < 0))}); give all of {string.Join(",", Mechanism)} or none.");
        var projection = geographic ? new LocalProjection(reference!) : null;
        var rows = new List<string[]>();
        var receivers = new List<HypocentreReceiver>();
        var skipped = new List<string>();
        foreach (var (line, fields) in table.Rows)
        {
            try
            {
                double x, y;
                if (projection is not null) (x, y) = projection.Forward(table.Number(line, fields, lon), table.Number(line, fields, lat));
                else (x, y) = (table.Number(line, fields, east) * 1e3, table.Number(line, fields, north) * 1e3);
                double z = table.Number(line, fields, depth) * 1e3;
                if (z < 0) throw new UserError($"{path}:{line}: depth_km {fields[depth]}: hypocentres are below the surface (depth >= 0).");
                (ReceiverPlane, ReceiverPlane)? planes = null;
                if (present == 6)
                {
                    ReceiverPlane Plane(int first)
                    {
                        var (s, d, r) = (table.Number(line, fields, mechanism[first]), table.Number(line, fields, mechanism[first + 1]), table.Number(line, fields, mechanism[first + 2]));
                        try { return new ReceiverPlane(s, d, r).Validated(); }
                        catch (ArgumentException e) { throw new UserError($"{path}:{line}: nodal plane {first / 3 + 1} (strike {fields[mechanism[first]]}, dip {fields[mechanism[first + 1]]}, rake {fields[mechanism[first + 2]]}): {UserError.Reason(e)}"); }
                    }
                    planes = (Plane(0), Plane(3));
                }
                receivers.Add(new HypocentreReceiver(x, y, z, planes));
                rows.Add(fields);
            }
            catch (UserError e) when (skipBadRows)
            {
                skipped.Add(e.Message);
            }
        }
        if (receivers.Count == 0) throw new UserError($"{path}: no usable event{(skipped.Count > 0 ? $" ({skipped.Count} row(s) skipped)" : "")}.");
        return new AftershockCatalogue(path, table.Header, rows, receivers, present == 6, skipped);
    }

    /// <summary>
    /// A Global CMT catalogue in its NDK text format (five 80-character lines per event; gCMT's allorder.ndk_explained):
    /// the hypocentre of line 1 (reference catalogue's date, time, latitude [28–33], longitude [35–41], depth [43–47] km),
    /// the event name of line 2 [1–16], the exponent of line 4 and, on line 5, the scalar moment and the two nodal
    /// planes (its last seven fields). Mw = ⅔(log₁₀ M0[dyn·cm] − 16.1).
    /// </summary>
    private static AftershockCatalogue LoadNdk(string path, GeoReference? reference, bool skipBadRows)
    {
        InputFile.Check(path, "a Global CMT catalogue in NDK format (five lines per event)");
        if (reference is null)
            throw new UserError($"{path}: NDK hypocentres are in lon/lat and need a local frame: declare the data's 'reference' (or catalogue.reference: {{lon, lat}}).");
        var projection = new LocalProjection(reference);
        var lines = File.ReadAllLines(path);
        int count = lines.Length;
        while (count > 0 && lines[count - 1].Trim().Length == 0) count--;
        if (count == 0) throw new UserError($"{path}: empty file; expected five lines per event (Global CMT NDK).");
        if (count % 5 != 0) throw new UserError($"{path}: {count} lines, not a multiple of five: an NDK event has exactly five lines (the last event is cut short).");
        string[] header = ["event", "time", "lat", "lon", "depth_km", "mw"];
        var rows = new List<string[]>();
        var receivers = new List<HypocentreReceiver>();
        var skipped = new List<string>();
        for (int e = 0; e < count; e += 5)
        {
            try
            {
                string first = lines[e].PadRight(80);
                double Field(string text, int line, string what)
                {
                    if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                        throw new UserError($"{path}:{line}: {what}: expected a number, got '{text.Trim()}'.");
                    return v;
                }
                double lat = Field(first[27..33], e + 1, "latitude (columns 28-33)"), lon = Field(first[34..41], e + 1, "longitude (columns 35-41)");
                double depth = Field(first[42..47], e + 1, "depth (columns 43-47)");
                if (lat is < -90 or > 90) throw new UserError($"{path}:{e + 1}: latitude {lat} outside -90..90.");
                if (depth < 0) throw new UserError($"{path}:{e + 1}: depth {depth} km: hypocentres are below the surface.");
                string name = lines[e + 1].Length >= 16 ? lines[e + 1][..16].Trim() : lines[e + 1].Trim();
                var fourth = lines[e + 3].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var fifth = lines[e + 4].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fourth.Length < 1 || fifth.Length < 8) throw new UserError($"{path}:{e + 5}: expected the principal axes, the scalar moment and two nodal planes.");
                double exponent = Field(fourth[0], e + 4, "exponent"), moment = Field(fifth[^7], e + 5, "scalar moment");
                var angles = fifth[^6..].Select((t, k) => Field(t, e + 5, $"nodal plane {k / 3 + 1}")).ToArray();
                ReceiverPlane Plane(int k)
                {
                    try { return new ReceiverPlane(angles[k], angles[k + 1], angles[k + 2]).Validated(); }
                    catch (ArgumentException ex) { throw new UserError($"{path}:{e + 5}: nodal plane {k / 3 + 1} ({angles[k]}, {angles[k + 1]}, {angles[k + 2]}): {UserError.Reason(ex)}"); }
                }
                var planes = (Plane(0), Plane(3));
                var (x, y) = projection.Forward(lon, lat);
                double mw = moment > 0 ? 2.0 / 3.0 * (Math.Log10(moment) + exponent - 16.1) : double.NaN;
                receivers.Add(new HypocentreReceiver(x, y, depth * 1e3, planes));
                rows.Add([name, $"{first[5..15].Trim()}T{first[16..26].Trim()}", F(lat), F(lon), F(depth), mw.ToString("0.00", CultureInfo.InvariantCulture)]);
            }
            catch (UserError ex) when (skipBadRows)
            {
                skipped.Add(ex.Message);
            }
        }
        if (receivers.Count == 0) throw new UserError($"{path}: no usable event{(skipped.Count > 0 ? $" ({skipped.Count} event(s) skipped)" : "")}.");
        return new AftershockCatalogue(path, header, rows, receivers, true, skipped);
    }

    /// <summary>The catalogue with ΔCFS on both planes (or the fallback receiver) appended to each row.</summary>
    public void Write(TextWriter w, IReadOnlyList<HypocentreStress> stresses)
    {
        string[] added = ["east_m", "north_m", "depth_m", "plane1_strike_deg", "plane1_dip_deg", "plane1_rake_deg", "coulomb1_pa", "shear1_pa", "normal1_pa",
            "plane2_strike_deg", "plane2_dip_deg", "plane2_rake_deg", "coulomb2_pa", "shear2_pa", "normal2_pa", "status"];
        CsvTable.Write(w, [.. Header, .. added], stresses.Select((s, i) =>
        {
            var (p2, s2) = (s.SecondPlane, s.Second);
            return (IEnumerable<string>)[.. Rows[i], F(s.Receiver.East), F(s.Receiver.North), F(s.Receiver.Depth),
                F(s.FirstPlane.Strike), F(s.FirstPlane.Dip), F(s.First.Rake), F(s.First.Coulomb), F(s.First.ShearInRake), F(s.First.Normal),
                F(p2?.Strike), F(p2?.Dip), F(s2?.Rake), F(s2?.Coulomb), F(s2?.ShearInRake), F(s2?.Normal),
                s.Status == Okada.OkadaStatus.Normal ? "normal" : "singular"];
        }));
    }

    private static string F(double? v) => v is not { } x ? "" : double.IsNaN(x) ? "nan" : x.ToString("R", CultureInfo.InvariantCulture);
}
