using System.Runtime.CompilerServices;
using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// DC3D (Okada 1992): displacement and its nine derivatives at internal points of a half-space due to a finite
/// rectangular dislocation, for a register of observation points. The real source contributes part A, the image
/// source parts A, B and z·C; each is summed over the four corners with Chinnery's ± signs.
/// </summary>
/// <remarks>
/// Follows DC3D's numerical safeguards lane by lane: coordinates within 1e-6 of zero are snapped to zero; a point
/// on an edge of the fault (q = 0 and ξ or η on the boundary) is singular; on the negative extension of an edge
/// the ln(R+ξ), ln(R+η) terms switch to −ln(R−ξ), −ln(R−η); points with z &gt; 0 are rejected. Rejected lanes
/// return zeros, as DC3D does.
/// </remarks>
internal static class Dc3dKernel
{
    /// <summary>Evaluates one register of points.</summary>
    /// <param name="singular">Lanes on a fault edge (DC3D's IRET = 1).</param>
    /// <param name="positiveZ">Lanes above the surface (IRET = 2).</param>
    public static Gradient12<V> Evaluate<V>(in Dc3dSource s, in KernelConstants k, in DislocationWeights w,
        V x, V y, V z, out V singular, out V positiveZ)
        where V : struct, ILanes<V>
    {
        V zero = V.Broadcast(0.0);
        V eps = V.Broadcast(KernelConstants.Eps);
        positiveZ = V.LessThan(zero, z);

        V xi1 = SnapToZero(x - s.Al1, eps);
        V xi2 = SnapToZero(x - s.Al2, eps);

        var u = Gradient12<V>.Zero;

        // Real source: part A only, rotated from the fault (dip) frame with the sign convention of DC3D.
        V d = z + s.Depth;
        var real = RectangleEdges<V>.Compute(xi1, xi2, y, d, s, k, eps);
        Accumulate<V, Off>(ref u, real, z, k, w, xi1, xi2);

        // Image source: parts A + B + z·C.
        d = s.Depth - z;
        var image = RectangleEdges<V>.Compute(xi1, xi2, y, d, s, k, eps);
        Accumulate<V, On>(ref u, image, z, k, w, xi1, xi2);

        singular = V.Select(positiveZ, zero, V.Or(real.Singular, image.Singular));
        u.ZeroWhere(V.Or(positiveZ, singular));
        return u;
    }

    /// <summary>Adds the four corners of the real (<typeparamref name="TImage"/> off) or image source.</summary>
    private static void Accumulate<V, TImage>(ref Gradient12<V> u, in RectangleEdges<V> e, V z, in KernelConstants k,
        in DislocationWeights w, V xi1, V xi2)
        where V : struct, ILanes<V>
        where TImage : struct, IFlag
    {
        // Corner order and signs as in DC3D: (ξ1,η1) +, (ξ2,η1) −, (ξ1,η2) −, (ξ2,η2) +.
        // The ξ-extension flag belongs to the η row and the η-extension flag to the ξ column.
        Corner<V, TImage>(ref u, xi1, e.Et1, e.Q, e.Kxi1, e.Ket1, z, k, w, plus: true);
        Corner<V, TImage>(ref u, xi2, e.Et1, e.Q, e.Kxi1, e.Ket2, z, k, w, plus: false);
        Corner<V, TImage>(ref u, xi1, e.Et2, e.Q, e.Kxi2, e.Ket1, z, k, w, plus: false);
        Corner<V, TImage>(ref u, xi2, e.Et2, e.Q, e.Kxi2, e.Ket2, z, k, w, plus: true);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Corner<V, TImage>(ref Gradient12<V> u, V xi, V et, V q, V kxi, V ket, V z,
        in KernelConstants k, in DislocationWeights w, bool plus)
        where V : struct, ILanes<V>
        where TImage : struct, IFlag
    {
        var c = FiniteCorner<V>.Compute<On>(xi, et, q, kxi, ket, k);
        var a = FinitePartA.Evaluate(c, k, w);
        double sd = k.Sd, cd = k.Cd;
        Gradient12<V> du;
        if (!TImage.Value)
        {
            du.Ux = -a.Ux;
            du.Uy = -a.Uy * cd + a.Uz * sd;
            du.Uz = -a.Uy * sd - a.Uz * cd;
            du.Uxx = -a.Uxx;
            du.Uyx = -a.Uyx * cd + a.Uzx * sd;
            du.Uzx = -a.Uyx * sd - a.Uzx * cd;
            du.Uxy = -a.Uxy;
            du.Uyy = -a.Uyy * cd + a.Uzy * sd;
            du.Uzy = -a.Uyy * sd - a.Uzy * cd;
            // z-derivatives of the real source change sign (its depth is depth + z).
            du.Uxz = -(-a.Uxz);
            du.Uyz = -(-a.Uyz * cd + a.Uzz * sd);
            du.Uzz = -(-a.Uyz * sd - a.Uzz * cd);
        }
        else
        {
            var b = FinitePartB.Evaluate<V, On>(c, k, w);
            var cc = FinitePartC.Evaluate(c, z, k, w);
            du.Ux = a.Ux + b.Ux + z * cc.Ux;
            du.Uy = (a.Uy + b.Uy + z * cc.Uy) * cd - (a.Uz + b.Uz + z * cc.Uz) * sd;
            du.Uz = (a.Uy + b.Uy - z * cc.Uy) * sd + (a.Uz + b.Uz - z * cc.Uz) * cd;
            du.Uxx = a.Uxx + b.Uxx + z * cc.Uxx;
            du.Uyx = (a.Uyx + b.Uyx + z * cc.Uyx) * cd - (a.Uzx + b.Uzx + z * cc.Uzx) * sd;
            du.Uzx = (a.Uyx + b.Uyx - z * cc.Uyx) * sd + (a.Uzx + b.Uzx - z * cc.Uzx) * cd;
            du.Uxy = a.Uxy + b.Uxy + z * cc.Uxy;
            du.Uyy = (a.Uyy + b.Uyy + z * cc.Uyy) * cd - (a.Uzy + b.Uzy + z * cc.Uzy) * sd;
            du.Uzy = (a.Uyy + b.Uyy - z * cc.Uyy) * sd + (a.Uzy + b.Uzy - z * cc.Uzy) * cd;
            // The z-derivative also picks up ∂(z·C)/∂z = C.
            du.Uxz = a.Uxz + b.Uxz + z * cc.Uxz + cc.Ux;
            du.Uyz = (a.Uyz + b.Uyz + z * cc.Uyz) * cd - (a.Uzz + b.Uzz + z * cc.Uzz) * sd + cc.Uy * cd - cc.Uz * sd;
            du.Uzz = (a.Uyz + b.Uyz - z * cc.Uyz) * sd + (a.Uzz + b.Uzz - z * cc.Uzz) * cd - cc.Uy * sd - cc.Uz * cd;
        }
        if (plus)
        {
            u.Ux += du.Ux; u.Uy += du.Uy; u.Uz += du.Uz;
            u.Uxx += du.Uxx; u.Uyx += du.Uyx; u.Uzx += du.Uzx;
            u.Uxy += du.Uxy; u.Uyy += du.Uyy; u.Uzy += du.Uzy;
            u.Uxz += du.Uxz; u.Uyz += du.Uyz; u.Uzz += du.Uzz;
        }
        else
        {
            u.Ux -= du.Ux; u.Uy -= du.Uy; u.Uz -= du.Uz;
            u.Uxx -= du.Uxx; u.Uyx -= du.Uyx; u.Uzx -= du.Uzx;
            u.Uxy -= du.Uxy; u.Uyy -= du.Uyy; u.Uzy -= du.Uzy;
            u.Uxz -= du.Uxz; u.Uyz -= du.Uyz; u.Uzz -= du.Uzz;
        }
    }

    /// <summary>DC3D's snap: |v| &lt; 1e-6 becomes exactly zero.</summary>
    internal static V SnapToZero<V>(V v, V eps) where V : struct, ILanes<V> =>
        V.Select(V.LessThan(V.Abs(v), eps), V.Broadcast(0.0), v);
}
