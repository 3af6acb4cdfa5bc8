using SourceModel.Okada.Geometry;
using SourceModel.Reports.Figures;

namespace SourceModel.Cli.Commands;

/// <summary>
/// Where the source faults cross the planes of the Coulomb figures — a horizontal plane at a map's depth, the vertical
/// plane of a cross-section — as line segments to draw on them, and which figure nodes lie near a source (left out of
/// the robust colour limit, where the near-field singularity would otherwise set it).
/// </summary>
internal static class FaultCuts
{
    /// <summary>The faults' intersection with the horizontal plane at <paramref name="depth"/> (m), in km east/north.</summary>
    public static Polyline AtDepth(IEnumerable<RectangularFault> faults, double depth)
    {
        var x = new List<double>(); var y = new List<double>();
        foreach (var f in faults)
            if (Cut(f.Corners(), c => c.Depth - depth) is var (a, b))
            {
                x.AddRange([a.East / 1e3, b.East / 1e3, double.NaN]);
                y.AddRange([a.North / 1e3, b.North / 1e3, double.NaN]);
            }
        return new Polyline($"fault at {depth / 1e3:0.##} km", x, y, "black") { Width = 3 };
    }

    /// <summary>The faults' intersection with the vertical plane of a section from (e0, n0) to (e1, n1) (m), in km
    /// along the section and km depth.</summary>
    public static Polyline OnSection(IEnumerable<RectangularFault> faults, double e0, double n0, double e1, double n1)
    {
        double length = Math.Sqrt((e1 - e0) * (e1 - e0) + (n1 - n0) * (n1 - n0));
        double ue = (e1 - e0) / length, un = (n1 - n0) / length;
        var x = new List<double>(); var y = new List<double>();
        foreach (var f in faults)
            // Signed distance from the section's vertical plane (normal = the section direction turned 90°).
            if (Cut(f.Corners(), c => (c.East - e0) * un - (c.North - n0) * ue) is var (a, b))
            {
                x.AddRange([((a.East - e0) * ue + (a.North - n0) * un) / 1e3, ((b.East - e0) * ue + (b.North - n0) * un) / 1e3, double.NaN]);
                y.AddRange([a.Depth / 1e3, b.Depth / 1e3, double.NaN]);
            }
        return new Polyline("fault", x, y, "black") { Width = 3 };
    }

    /// <summary>True when the point (m) lies within <paramref name="distance"/> of a corner or the centre of any fault
    /// (a patch-scale test: patches are small next to the maps).</summary>
    public static bool Near(IReadOnlyList<RectangularFault> faults, double east, double north, double depth, double distance)
    {
        double d2 = distance * distance;
        foreach (var f in faults)
        {
            var c = f.Centroid;
            if (Square(c.East - east, c.North - north, c.Depth - depth) < d2) return true;
            foreach (var k in f.Corners())
                if (Square(k.East - east, k.North - north, k.Depth - depth) < d2) return true;
        }
        return false;
    }

    /// <summary>The distance within which nodes count as near a source: 2 km, or the size of the largest patch when
    /// that is larger (so a coarse model does not leave its own patch interiors in the statistics).</summary>
    public static double NearDistance(IEnumerable<RectangularFault> faults) =>
        Math.Max(2e3, faults.Select(f => Math.Max(f.Length, f.Width)).DefaultIfEmpty(0).Max());

    private static double Square(double a, double b, double c) => a * a + b * b + c * c;

    /// <summary>The segment where the plane s(x) = 0 cuts the quadrilateral (convex, so at most two edge crossings), or null.</summary>
    private static ((double East, double North, double Depth), (double East, double North, double Depth))? Cut(
        (double East, double North, double Depth)[] corners, Func<(double East, double North, double Depth), double> side)
    {
        var hits = new List<(double East, double North, double Depth)>(2);
        for (int i = 0; i < corners.Length; i++)
        {
            var p = corners[i];
            var q = corners[(i + 1) % corners.Length];
            double sp = side(p), sq = side(q);
            // An edge crosses (or touches) the plane when its ends are on opposite sides or one lies on it.
            if (sp == sq || sp > 0 && sq > 0 || sp < 0 && sq < 0) continue;
            double t = sp / (sp - sq);
            hits.Add((p.East + t * (q.East - p.East), p.North + t * (q.North - p.North), p.Depth + t * (q.Depth - p.Depth)));
        }
        var distinct = hits.Distinct().ToList();
        return distinct.Count >= 2 ? (distinct[0], distinct[1]) : null;
    }
}
