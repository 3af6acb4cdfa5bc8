using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// DC3D summed over a regular grid of patches on one plane, corner by corner (each shared corner once, with the
/// signed sum of the adjacent patches' slips). DC3D's edge-extension flags and the singular case can only arise when
/// q ≈ 0: a flag needs R + ξ &lt; 1e-6 (or R + η) with ξ &lt; 0, i.e. η² + q² &lt; 2e-6·R, so |q| is below
/// √(2e-6·R) (1.4 m at R = 1000 km). Registers with a point that close to the plane or its image are flagged and
/// the caller evaluates them patch by patch with the plain DC3D kernel, so every result is DC3D's.
/// </summary>
internal static class PlaneGridKernel
{
    /// <summary>q² below 1 (length²) plus 4e-6 × (|ξ| + |η| bound) hands a register back for patch-by-patch evaluation.</summary>
    public const double NearPlane = 1.0;

    public static Gradient12<V> Evaluate<V>(Dc3dPlaneGrid g, in KernelConstants k, V x, V y, V z, out V positiveZ, out bool nearPlane)
        where V : struct, ILanes<V>
    {
        V zero = V.Broadcast(0.0);
        V eps = V.Broadcast(KernelConstants.Eps);
        positiveZ = V.LessThan(zero, z);
        V dReal = z + g.Depth, dImage = g.Depth - z;
        V pReal = y * k.Cd + dReal * k.Sd, pImage = y * k.Cd + dImage * k.Sd;
        V qReal = Dc3dKernel.SnapToZero(y * k.Sd - dReal * k.Cd, eps);
        V qImage = Dc3dKernel.SnapToZero(y * k.Sd - dImage * k.Cd, eps);
        // A bound on R over all corners: |x| + |p| + the largest |node| (plus |q|, which only matters when q is large).
        double nodes = Math.Max(Math.Max(Math.Abs(g.AlongNodes[0]), Math.Abs(g.AlongNodes[^1])), Math.Max(Math.Abs(g.UpDipNodes[0]), Math.Abs(g.UpDipNodes[^1])));
        V reach = V.Abs(x) + V.Abs(pReal) + V.Abs(pImage) + nodes;
        V bound = NearPlane + 4e-6 * reach;
        nearPlane = V.Any(V.Or(V.LessThan(qReal * qReal, bound), V.LessThan(qImage * qImage, bound)));
        var u = Gradient12<V>.Zero;
        if (nearPlane) return u;
        int n = g.Along;
        var corners = g.Corners;
        for (int j = 0; j < g.UpDipNodes.Length; j++)
        {
            double aw = g.UpDipNodes[j];
            V etReal = Dc3dKernel.SnapToZero(pReal - aw, eps);
            V etImage = Dc3dKernel.SnapToZero(pImage - aw, eps);
            for (int i = 0; i <= n; i++)
            {
                ref readonly var w = ref corners[j * (n + 1) + i];
                if (!(w.Has1 || w.Has2 || w.Has3)) continue;
                V xi = Dc3dKernel.SnapToZero(x - g.AlongNodes[i], eps);
                Dc3dKernel.Corner<V, Off>(ref u, xi, etReal, qReal, zero, zero, z, k, w, plus: true);
                Dc3dKernel.Corner<V, On>(ref u, xi, etImage, qImage, zero, zero, z, k, w, plus: true);
            }
        }
        u.ZeroWhere(positiveZ);
        return u;
    }

    /// <summary>The plain patch-by-patch sum (used for registers near the plane).</summary>
    public static Gradient12<V> PatchByPatch<V>(Dc3dPlaneGrid g, in KernelConstants k, V x, V y, V z, out V singular, out V positiveZ)
        where V : struct, ILanes<V>
    {
        var u = Gradient12<V>.Zero;
        singular = V.Broadcast(0.0);
        positiveZ = V.LessThan(V.Broadcast(0.0), z);
        for (int j = 0; j < g.Down; j++)
            for (int i = 0; i < g.Along; i++)
            {
                var s = g.Patch(i, j);
                if (s.Disl1 == 0 && s.Disl2 == 0 && s.Disl3 == 0) continue;
                var w = new DislocationWeights(s.Disl1, s.Disl2, s.Disl3);
                var p = Dc3dKernel.Evaluate(s, k, w, x, y, z, out var sing, out _);
                u.AddScaled<On>(1.0, p);
                singular = V.Or(singular, sing);
            }
        u.ZeroWhere(V.Or(positiveZ, singular));
        return u;
    }
}
