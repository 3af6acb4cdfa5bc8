using SourceModel.Okada;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Stress;

/// <summary>
/// Stress change in the elastic half-space from rectangular dislocations, through Okada's (1992) DC3D derivatives:
/// each source is evaluated in its own frame, its displacement gradient rotated to east/north/up and summed, and the
/// sum turned into stress with Hooke's law (stress is linear in the gradient, so summing gradients first is exact).
/// </summary>
public static class HalfSpaceStress
{
    private const int Chunk = 4096;

    /// <summary>Stress change (Pa) at points given by east, north (m) and depth (m, positive down; ≥ 0).</summary>
    public static StressField Compute(IReadOnlyList<RectangularFault> sources, ElasticMedium medium,
        ReadOnlySpan<double> east, ReadOnlySpan<double> north, ReadOnlySpan<double> depth) =>
        Compute(sources, [], medium, east, north, depth);

    /// <summary>Stress change (Pa) of individual rectangles and of distributed-slip planes (each plane's patches
    /// evaluated through shared corners).</summary>
    public static StressField Compute(IReadOnlyList<RectangularFault> sources, IReadOnlyList<PlaneSlipModel> planes, ElasticMedium medium,
        ReadOnlySpan<double> east, ReadOnlySpan<double> north, ReadOnlySpan<double> depth)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(planes);
        ArgumentNullException.ThrowIfNull(medium);
        medium.Validated();
        int n = east.Length;
        if (north.Length != n || depth.Length != n) throw new ArgumentException("east, north and depth must have the same length.");
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(east[i]) || !double.IsFinite(north[i]) || !double.IsFinite(depth[i]))
                throw new ArgumentException($"point {i + 1}: coordinates must be finite.");
            if (depth[i] < 0)
                throw new ArgumentException($"point {i + 1}: depth {depth[i]} m is above the surface; stress is computed in the half-space (depth >= 0).");
        }
        var sum = new double[9][];
        for (int k = 0; k < 9; k++) sum[k] = new double[n];
        var singular = new bool[n];
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) z[i] = -depth[i];
        var g = new GradientField(n);
        double[] e = east.ToArray(), no = north.ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        // Loose rectangles that tile a plane are evaluated as one plane grid (shared corners; same numbers).
        var (grouped, singles) = PlaneGrouping.Group(sources);
        planes = [.. planes, .. grouped];
        var jobs = singles.Select(f => (f.ToOkadaFrame(medium), (Dc3dPlaneGrid?)null))
            .Concat(planes.Select(p => { var (frame, grid) = p.ToPlaneGrid(medium); return (frame, (Dc3dPlaneGrid?)grid); }));
        foreach (var (frame, grid) in jobs)
        {
            // Okada coordinates of every point (x along strike, y to its left), in parallel chunks.
            var (sf, cf) = Math.SinCos(frame.Strike * Math.PI / 180.0);
            double oe = frame.OriginEast, on = frame.OriginNorth;
            Parallel.For(0, (n + Chunk - 1) / Chunk, options, c =>
            {
                for (int i = c * Chunk, end = Math.Min(n, (c + 1) * Chunk); i < end; i++)
                {
                    double de = e[i] - oe, dn = no[i] - on;
                    x[i] = de * sf + dn * cf;
                    y[i] = -de * cf + dn * sf;
                }
            });
            if (grid is null) Okada92.Dc3d(frame.Source, x, y, z, g);
            else Okada92.Dc3dPlaneGrid(grid, x, y, z, g);
            Accumulate(frame.Strike, g, sum, singular);
        }
        var field = new StressField(n);
        double mu = medium.ShearModulus, lambda = medium.Lambda;
        for (int i = 0; i < n; i++)
        {
            if (singular[i])
            {
                field.Status[i] = OkadaStatus.Singular;
                field.Ee[i] = field.Nn[i] = field.Uu[i] = field.En[i] = field.Eu[i] = field.Nu[i] = double.NaN;
                continue;
            }
            // sum[k] holds G_enu row-major: [ee, en, eu, ne, nn, nu, ue, un, uu] with G[i, j] = ∂u_i/∂x_j.
            double exx = sum[0][i], eyy = sum[4][i], ezz = sum[8][i];
            double exy = 0.5 * (sum[1][i] + sum[3][i]), exz = 0.5 * (sum[2][i] + sum[6][i]), eyz = 0.5 * (sum[5][i] + sum[7][i]);
            double tr = exx + eyy + ezz;
            field.Ee[i] = lambda * tr + 2 * mu * exx;
            field.Nn[i] = lambda * tr + 2 * mu * eyy;
            field.Uu[i] = lambda * tr + 2 * mu * ezz;
            field.En[i] = 2 * mu * exy;
            field.Eu[i] = 2 * mu * exz;
            field.Nu[i] = 2 * mu * eyz;
        }
        return field;
    }

    /// <summary>Adds R·G·Rᵀ (fault frame → east/north/up) of every point to the running sums.</summary>
    private static void Accumulate(double strike, GradientField g, double[][] sum, bool[] singular)
    {
        var (s, c) = Math.SinCos(strike * Math.PI / 180.0);
        // R's columns are the fault axes in ENU: x̂ = (s, c, 0), ŷ = (−c, s, 0), ẑ = (0, 0, 1).
        Parallel.For(0, (g.Count + Chunk - 1) / Chunk, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            int end = Math.Min(g.Count, (chunk + 1) * Chunk);
            for (int i = chunk * Chunk; i < end; i++)
            {
                if (g.Status[i] == OkadaStatus.Singular) { singular[i] = true; continue; }
                double gxx = g.Uxx[i], gxy = g.Uxy[i], gxz = g.Uxz[i];
                double gyx = g.Uyx[i], gyy = g.Uyy[i], gyz = g.Uyz[i];
                double gzx = g.Uzx[i], gzy = g.Uzy[i], gzz = g.Uzz[i];
                // A = R·G (rows e, n, u), then (R·G)·Rᵀ.
                double aex = s * gxx - c * gyx, aey = s * gxy - c * gyy, aez = s * gxz - c * gyz;
                double anx = c * gxx + s * gyx, any = c * gxy + s * gyy, anz = c * gxz + s * gyz;
                sum[0][i] += aex * s - aey * c;  // ee
                sum[1][i] += aex * c + aey * s;  // en
                sum[2][i] += aez;                // eu
                sum[3][i] += anx * s - any * c;  // ne
                sum[4][i] += anx * c + any * s;  // nn
                sum[5][i] += anz;                // nu
                sum[6][i] += gzx * s - gzy * c;  // ue
                sum[7][i] += gzx * c + gzy * s;  // un
                sum[8][i] += gzz;                // uu
            }
        });
    }
}
