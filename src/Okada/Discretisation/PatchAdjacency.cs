namespace SourceModel.Okada.Discretisation;

/// <summary>
/// Finds patches that share an edge: two edges are shared when they are collinear (within a tolerance scaled to
/// the patch size) and overlap over a non-zero length. This catches neighbours inside a segment, across stacked
/// segments (a ramp and its flat) and where a branch meets a main fault with a different patch size.
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
                if (ShareEdge(corners[p], corners[q], tol))
                {
                    result[p].Add(q);
                    result[q].Add(p);
                }
            }
        }
        return result.Select(l => l.Order().ToArray()).ToArray();
    }

    private static bool ShareEdge((double X, double Y, double Z)[] a, (double X, double Y, double Z)[] b, double tol)
    {
        for (int i = 0; i < 4; i++)
        {
            var a0 = a[i]; var a1 = a[(i + 1) % 4];
            for (int j = 0; j < 4; j++)
            {
                var b0 = b[j]; var b1 = b[(j + 1) % 4];
                if (Overlap(a0, a1, b0, b1, tol) > tol) return true;
            }
        }
        return false;
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
