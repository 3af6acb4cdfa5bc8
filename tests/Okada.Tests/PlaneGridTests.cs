using SourceModel.Okada.Kernels;

namespace SourceModel.Okada.Tests;

/// <summary>The plane-grid path (shared corners evaluated once) against the plain sum of DC3D over the patches:
/// same values to rounding, same statuses, on random grids and points including points in the plane, on patch edges
/// and on edge extensions (which take the patch-by-patch fallback), for every batch length and both kernel paths.</summary>
public sealed class PlaneGridTests
{
    private static Dc3dPlaneGrid RandomGrid(Random rng)
    {
        int n = rng.Next(1, 7), m = rng.Next(1, 5);
        var along = new double[n + 1];
        var up = new double[m + 1];
        along[0] = -rng.Next(1, 20);
        for (int i = 1; i <= n; i++) along[i] = along[i - 1] + rng.Next(1, 6);
        up[0] = -rng.Next(m, 3 * m + 1);
        for (int j = 1; j <= m; j++) up[j] = up[j - 1] + (j == m ? -up[j - 1] : rng.Next(1, 3));
        if (!(up[m] > up[m - 1])) up[m] = up[m - 1] + 1;
        double dip = rng.Next(0, 4) == 0 ? 90 : 5 + 85 * rng.NextDouble();
        double depth = up[m] * Math.Sin(dip * Math.PI / 180) + rng.Next(0, 5);
        var d1 = new double[n * m];
        var d2 = new double[n * m];
        var d3 = new double[n * m];
        for (int p = 0; p < n * m; p++)
        {
            if (rng.Next(5) == 0) continue;   // some patches without slip
            d1[p] = rng.NextDouble() * 2 - 1;
            d2[p] = rng.NextDouble() * 2 - 1;
            d3[p] = rng.Next(3) == 0 ? rng.NextDouble() : 0;
        }
        return new Dc3dPlaneGrid(2.0 / 3, depth, dip, along, up, d1, d2, d3);
    }

    private static (double X, double Y, double Z) RandomPoint(Random rng, Dc3dPlaneGrid g)
    {
        double sd = Math.Sin(g.Dip * Math.PI / 180), cd = Math.Cos(g.Dip * Math.PI / 180);
        switch (rng.Next(4))
        {
            case 0: // anywhere
                return (rng.NextDouble() * 60 - 30, rng.NextDouble() * 60 - 30, -rng.NextDouble() * 30);
            case 1: // in the plane (patch interiors or on patch boundaries and their extensions)
            {
                double x = rng.Next(2) == 0 ? g.AlongNodes[rng.Next(g.AlongNodes.Length)] : g.AlongNodes[0] - 5 + rng.NextDouble() * (g.AlongNodes[^1] - g.AlongNodes[0] + 10);
                double aw = rng.Next(2) == 0 ? g.UpDipNodes[rng.Next(g.UpDipNodes.Length)] : g.UpDipNodes[0] + rng.NextDouble() * (g.UpDipNodes[^1] - g.UpDipNodes[0]);
                double z = -g.Depth + aw * sd;
                return (x, aw * cd, Math.Min(z, 0));
            }
            case 2: // close to the plane
            {
                double x = rng.NextDouble() * 40 - 20, aw = g.UpDipNodes[0] + rng.NextDouble() * (g.UpDipNodes[^1] - g.UpDipNodes[0]);
                double off = (rng.NextDouble() - 0.5) * 3;
                return (x, aw * cd + off * sd, Math.Min(-g.Depth + aw * sd - off * cd, 0));
            }
            default: // on the surface
                return (rng.NextDouble() * 60 - 30, rng.NextDouble() * 60 - 30, 0);
        }
    }

    private static (DisplacementGradient Sum, OkadaStatus Status, double Scale) Reference(Dc3dPlaneGrid g, double x, double y, double z)
    {
        var sum = new double[12];
        double scale = 0;
        var status = OkadaStatus.Normal;
        for (int j = 0; j < g.Down; j++)
            for (int i = 0; i < g.Along; i++)
            {
                var s = g.Patch(i, j);
                if (s.Disl1 == 0 && s.Disl2 == 0 && s.Disl3 == 0) continue;
                var u = Okada92.Dc3d(s, x, y, z);
                if (u.Status != OkadaStatus.Normal) status = u.Status;
                var a = u.ToArray();
                for (int k = 0; k < 12; k++) { sum[k] += a[k]; scale = Math.Max(scale, Math.Abs(a[k])); }
            }
        var r = new DisplacementGradient(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7], sum[8], sum[9], sum[10], sum[11], status);
        return (r, status, scale);
    }

    [Fact]
    public void Plane_grid_equals_the_sum_of_dc3d_over_its_patches()
    {
        var rng = new Random(2026);
        int singular = 0;
        for (int trial = 0; trial < 60; trial++)
        {
            var g = RandomGrid(rng);
            int count = trial % 41;   // every batch length 0..40 over the trials
            var pts = Enumerable.Range(0, count).Select(_ => RandomPoint(rng, g)).ToArray();
            double[] x = pts.Select(p => p.X).ToArray(), y = pts.Select(p => p.Y).ToArray(), z = pts.Select(p => p.Z).ToArray();
            foreach (var path in new[] { KernelPath.Scalar, KernelPath.Auto })
            {
                var o = new GradientField(count);
                Okada92.Dc3dPlaneGridBatch(g, x, y, z, o, path, parallel: false);
                for (int i = 0; i < count; i++)
                {
                    var (expected, status, scale) = Reference(g, x[i], y[i], z[i]);
                    Assert.Equal(status, o.Status[i]);
                    if (status == OkadaStatus.Singular) { singular++; continue; }
                    var a = o[i].ToArray();
                    var e = expected.ToArray();
                    // Corner terms are O(slip) before Chinnery's cancellation, so rounding is relative to the slip, not
                    // to the (possibly much smaller) result.
                    double slip = g.Disl1.Concat(g.Disl2).Concat(g.Disl3).Max(Math.Abs);
                    for (int k = 0; k < 12; k++)
                        Assert.True(Math.Abs(a[k] - e[k]) <= 1e-12 * Math.Max(scale, slip),
                            $"trial {trial}, point {i} ({x[i]}, {y[i]}, {z[i]}), component {k}, {path}: {a[k]:R} vs {e[k]:R}");
                }
            }
        }
        Assert.True(singular > 0, "the random points must include some on patch edges");
    }
}
