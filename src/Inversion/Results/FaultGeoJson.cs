using System.Text.Json;
using SourceModel.Inversion.Problem;
using SourceModel.Sampling.Projection;

namespace SourceModel.Inversion.Results;

/// <summary>
/// Sources as GeoJSON (RFC 7946): each rectangle's outline (a polygon of its four corners, with depths as the third
/// coordinate in metres, negative down) and its surface trace (the line where the plane, extended up-dip, meets the
/// surface), each point source as a point. Coordinates are longitude/latitude when the data have a geographic reference;
/// otherwise local metres, said so in the collection's <c>coordinates</c> member.
/// </summary>
public static class FaultGeoJson
{
    /// <summary>Writes the feature collection.</summary>
    public static void Write(SourceSet sources, GeoReference? reference, Utf8JsonWriter w)
    {
        var Position = Positions(reference);
        Begin(w, reference);
        for (int k = 0; k < sources.Rectangles.Count; k++)
        {
            var f = sources.Rectangles[k];
            var corners = f.Corners().Select(c => Position(c.East, c.North, c.Depth)).ToList();
            corners.Add(corners[0]);
            Feature(w, "Polygon", new[] { corners.ToArray() }, k, f, "outline");
            // Up-dip extension of the top edge to the surface: horizontal distance topDepth / tan(dip) toward strike − 90°.
            double tanDip = Math.Tan(f.Dip * Math.PI / 180);
            if (tanDip > 1e-9)
            {
                double h = f.TopDepth / tanDip, s = f.Strike * Math.PI / 180;
                double de = -h * Math.Cos(s), dn = h * Math.Sin(s);
                var (se, sn) = f.StrikeDirection;
                double hl = 0.5 * f.Length;
                var trace = new[]
                {
                    Position(f.East + de - hl * se, f.North + dn - hl * sn, 0),
                    Position(f.East + de + hl * se, f.North + dn + hl * sn, 0),
                };
                Feature(w, "LineString", trace, k, f, "surface_trace");
            }
        }
        for (int k = 0; k < sources.Points.Count; k++)
        {
            var p = sources.Points[k];
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            foreach (double v in Position(p.East, p.North, p.Depth)) w.WriteNumberValue(v);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("kind", "point_source");
            w.WriteNumber("index", k + 1);
            w.WriteNumber("depth_m", p.Depth);
            w.WriteNumber("strike_deg", p.Strike);
            w.WriteNumber("dip_deg", p.Dip);
            w.WriteNumber("strike_potency_m3", p.StrikePotency);
            w.WriteNumber("dip_potency_m3", p.DipPotency);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Step 2's slip model: one polygon per patch, with the fault's properties and the patch's place and slip
    /// components (<c>segment</c>, <c>along_strike</c>, <c>down_dip</c> from 1, <c>strike_slip_m</c>, <c>dip_slip_m</c>).</summary>
    public static void WritePatches(Slip.SlipSolution solution, Okada.Discretisation.DiscretisedFault fault, GeoReference? reference, Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(fault);
        var Position = Positions(reference);
        Begin(w, reference);
        foreach (var p in solution.Patches)
        {
            var place = fault.Patches[p.Index];
            var corners = p.Geometry.Corners().Select(c => Position(c.East, c.North, c.Depth)).ToList();
            corners.Add(corners[0]);
            Feature(w, "Polygon", new[] { corners.ToArray() }, p.Index, p.Geometry, "patch", () =>
            {
                w.WriteNumber("segment", place.Segment + 1);
                w.WriteNumber("along_strike", place.AlongStrike + 1);
                w.WriteNumber("down_dip", place.DownDip + 1);
                w.WriteNumber("strike_slip_m", p.StrikeSlip);
                w.WriteNumber("dip_slip_m", p.DipSlip);
            });
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The patches as a string.</summary>
    public static string PatchesToJson(Slip.SlipSolution solution, Okada.Discretisation.DiscretisedFault fault, GeoReference? reference)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true })) WritePatches(solution, fault, reference, w);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Local (east, north, depth) → GeoJSON position: lon/lat/elevation with a reference, else local metres.</summary>
    private static Func<double, double, double, double[]> Positions(GeoReference? reference)
    {
        var projection = reference is null ? null : new LocalProjection(reference);
        return (east, north, depth) =>
        {
            if (projection is null) return [east, north, -depth];
            var (lon, lat) = projection.Inverse(east, north);
            return [Math.Round(lon, 7), Math.Round(lat, 7), -depth];
        };
    }

    private static void Begin(Utf8JsonWriter w, GeoReference? reference)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("coordinates", reference is null ? "local east/north/up, m" : "longitude, latitude (WGS84), elevation m");
        w.WriteStartArray("features");
    }

    private static void Feature(Utf8JsonWriter w, string type, object coordinates, int index, Okada.Geometry.RectangularFault f, string kind,
        Action? more = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteStartObject("geometry");
        w.WriteString("type", type);
        w.WritePropertyName("coordinates");
        JsonSerializer.Serialize(w, coordinates);
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("kind", kind);
        w.WriteNumber("index", index + 1);
        w.WriteNumber("strike_deg", f.Strike);
        w.WriteNumber("dip_deg", f.Dip);
        w.WriteNumber("rake_deg", f.Slip.Rake);
        w.WriteNumber("slip_m", f.Slip.Magnitude);
        w.WriteNumber("top_depth_m", f.TopDepth);
        w.WriteNumber("bottom_depth_m", f.BottomDepth);
        w.WriteNumber("length_m", f.Length);
        w.WriteNumber("width_m", f.Width);
        more?.Invoke();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The collection as a string (for tests and small outputs).</summary>
    public static string ToJson(SourceSet sources, GeoReference? reference)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true })) Write(sources, reference, w);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
