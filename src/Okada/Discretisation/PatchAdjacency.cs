namespace SourceModel.Okada.Discretisation;

/// <summary>
/// Finds patches that touch along a line of non-zero length: two edges that are collinear (within a tolerance
/// scaled to the patch size) and overlap, or an edge of one patch lying on the face of the other. The first
/// catches neighbours inside a segment and across stacked segments (a ramp and its flat); the second a branch
/// whose end edge meets the face of a main fault (a T-junction), whatever the two patch sizes.
/// </summary>
internal static class PatchAdjacency
{
    public static IReadOnlyList<int[]> Find(IReadOnlyList<FaultPatch> patches)
    {
        int n = patches.Count;
        var corners = new (double X, double Y, double Z)[n][];
        var centres = new (double X, double Y, double Z)[n];
        var radius = new double[n];
        double minSize = double.MaxValue;
        for (int p = 0; p < n; p++)
        {
            // Work in east, north, up (depth negated) so distances are Euclidean.
            corners[p] = patches[p].Corners.Select(c => (c.East, c.North, -c.Depth)).ToArray();
            var c0 = patches[p].Centre;
            centres[p] = (c0.East, c0.North, -c0.Depth);
            var g = patches[p].Geometry;
            radius[p] = 0.5 * Math.Sqrt(g.Length * g.Length + g.Width * g.Width);
            minSize = Math.Min(minSize, Math.Min(g.Length, g.Width));
        }
        double tol = 1e-6 * minSize;
        // Touching at a corner point is not adjacency: the contact must be a line of a noticeable length.
        double contact = 1e-3 * minSize;
        var result = new List<int>[n];
        for (int p = 0; p < n; p++) result[p] = [];

        // Sort by x so only patches whose bounding spheres can touch are compared.
        var order = Enumerable.Range(0, n).OrderBy(p => centres[p].X).ToArray();
        double maxRadius = n == 0 ? 0 : radius.Max();
        for (int a = 0; a < n; a++)
        {
            int p = order[a];
            for (int b = a + 1; b < n; b++)
            {
                int q = order[b];
                if (centres[q].X - centres[p].X > radius[p] + maxRadius + tol) break;
                if (Distance(centres[p], centres[q]) > radius[p] + radius[q] + tol) continue;
                if (ShareEdge(corners[p], corners[q], tol, contact)
                    || EdgeOnFace(corners[p], corners[q], tol, contact) || EdgeOnFace(corners[q], corners[p], tol, contact))
                {
                    result[p].Add(q);
                    result[q].Add(p);
                }
            }
        }
        return result.Select(l => l.Order().ToArray()).ToArray();
    }

    private static bool ShareEdge((double X, double Y, double Z)[] a, (double X, double Y, double Z)[] b, double tol, double contact)
    {
        for (int i = 0; i < 4; i++)
        {
            var a0 = a[i]; var a1 = a[(i + 1) % 4];
            for (int j = 0; j < 4; j++)
            {
                var b0 = b[j]; var b1 = b[(j + 1) % 4];
                if (Overlap(a0, a1, b0, b1, tol) > contact) return true;
            }
        }
        return false;
    }

    /// <summary>True when an edge of patch a lies in the plane of patch b and inside it over a non-zero length.</summary>
    private static bool EdgeOnFace((double X, double Y, double Z)[] a, (double X, double Y, double Z)[] b, double tol, double contact)
    {
        // b's local frame: origin at corner 0, u along the top edge, v down the dip edge, n normal.
        var u = Sub(b[1], b[0]);
        var v = Sub(b[3], b[0]);
        double lu = Math.Sqrt(Dot(u, u)), lv = Math.Sqrt(Dot(v, v));
        u = (u.X / lu, u.Y / lu, u.Z / lu);
        v = (v.X / lv, v.Y / lv, v.Z / lv);
        var n = (X: u.Y * v.Z - u.Z * v.Y, Y: u.Z * v.X - u.X * v.Z, Z: u.X * v.Y - u.Y * v.X);
        for (int i = 0; i < 4; i++)
        {
            var p0 = Sub(a[i], b[0]);
            var p1 = Sub(a[(i + 1) % 4], b[0]);
            if (Math.Abs(Dot(p0, n)) > tol || Math.Abs(Dot(p1, n)) > tol) continue;
            // Clip the edge (s from 0 to 1) to the rectangle 0 ≤ u·p ≤ lu, 0 ≤ v·p ≤ lv.
            double s0 = 0, s1 = 1;
            if (!Clip(Dot(p0, u), Dot(p1, u), lu, tol, ref s0, ref s1) || !Clip(Dot(p0, v), Dot(p1, v), lv, tol, ref s0, ref s1))
                continue;
            var d = Sub(a[(i + 1) % 4], a[i]);
            if ((s1 - s0) * Math.Sqrt(Dot(d, d)) > contact) return true;
        }
        return false;
    }

    /// <summary>Restricts [s0, s1] to where c0 + s·(c1 − c0) lies in [−tol, length + tol]; false if empty.</summary>
    private static bool Clip(double c0, double c1, double length, double tol, ref double s0, ref double s1)
    {
        double dc = c1 - c0;
        if (Math.Abs(dc) < 1e-300)
            return c0 >= -tol && c0 <= length + tol;
        double ta = (-tol - c0) / dc, tb = (length + tol - c0) / dc;
        s0 = Math.Max(s0, Math.Min(ta, tb));
        s1 = Math.Min(s1, Math.Max(ta, tb));
        return s1 > s0;
    }

    /// <summary>Length over which segment b lies on segment a (0 if they are not collinear).</summary>
    private static double Overlap((double X, double Y, double Z) a0, (double X, double Y, double Z) a1,
        (double X, double Y, double Z) b0, (double X, double Y, double Z) b1, double tol)
    {
        var d = (X: a1.X - a0.X, Y: a1.Y - a0.Y, Z: a1.Z - a0.Z);
        double len = Math.Sqrt(d.X * d.X + d.Y * d.Y + d.Z * d.Z);
        if (len <= tol) return 0;
        var u = (X: d.X / len, Y: d.Y / len, Z: d.Z / len);
        if (LineDistance(a0, u, b0) > tol || LineDistance(a0, u, b1) > tol) return 0;
        double t0 = Dot(Sub(b0, a0), u), t1 = Dot(Sub(b1, a0), u);
        double lo = Math.Max(0, Math.Min(t0, t1)), hi = Math.Min(len, Math.Max(t0, t1));
        return hi - lo;
    }

    private static double LineDistance((double X, double Y, double Z) origin, (double X, double Y, double Z) unit,
        (double X, double Y, double Z) p)
    {
        var v = Sub(p, origin);
        double t = Dot(v, unit);
        var perp = (X: v.X - t * unit.X, Y: v.Y - t * unit.Y, Z: v.Z - t * unit.Z);
        return Math.Sqrt(Dot(perp, perp));
    }

    private static (double X, double Y, double Z) Sub((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        (a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    private static double Dot((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    private static double Distance((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        Math.Sqrt(Dot(Sub(a, b), Sub(a, b)));
}
