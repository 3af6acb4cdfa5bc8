using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// η at the two widths, q, and DC3D's flags for one source (real or image): whether the point lies on an edge of
/// the fault (singular) and whether it lies on the negative extension of an edge, where R + ξ or R + η vanishes.
/// </summary>
internal struct RectangleEdges<V> where V : struct, ILanes<V>
{
    public V Et1, Et2, Q, Kxi1, Kxi2, Ket1, Ket2, Singular;

    /// <summary>R = √(ξ² + η² + q²) at the four corners (R11 at ξ1, η1; R21 at ξ2, η1; …), as DC3D computes it.</summary>
    public V R11, R12, R21, R22;

    /// <param name="xi1">x − AL1, snapped.</param>
    /// <param name="xi2">x − AL2, snapped.</param>
    /// <param name="y">Observation y.</param>
    /// <param name="d">depth + z for the real source, depth − z for the image source.</param>
    public static RectangleEdges<V> Compute(V xi1, V xi2, V y, V d, in Dc3dSource s, in KernelConstants k, V eps)
    {
        V zero = V.Broadcast(0.0);
        V p = y * k.Cd + d * k.Sd;
        V q = Dc3dKernel.SnapToZero(y * k.Sd - d * k.Cd, eps);
        V et1 = Dc3dKernel.SnapToZero(p - s.Aw1, eps);
        V et2 = Dc3dKernel.SnapToZero(p - s.Aw2, eps);

        // On a fault edge: q = 0 and (ξ straddles or touches zero while η touches zero, or vice versa).
        V xiProduct = xi1 * xi2;
        V etProduct = et1 * et2;
        V singular = V.And(V.Equal(q, zero), V.Or(
            V.And(V.LessThanOrEqual(xiProduct, zero), V.Equal(etProduct, zero)),
            V.And(V.LessThanOrEqual(etProduct, zero), V.Equal(xiProduct, zero))));

        V q2 = q * q;
        V r11 = V.Sqrt(xi1 * xi1 + et1 * et1 + q2);
        V r12 = V.Sqrt(xi1 * xi1 + et2 * et2 + q2);
        V r21 = V.Sqrt(xi2 * xi2 + et1 * et1 + q2);
        V r22 = V.Sqrt(xi2 * xi2 + et2 * et2 + q2);
        V xi1Negative = V.LessThan(xi1, zero);
        V et1Negative = V.LessThan(et1, zero);
        return new RectangleEdges<V>
        {
            Et1 = et1, Et2 = et2, Q = q, Singular = singular,
            R11 = r11, R12 = r12, R21 = r21, R22 = r22,
            Kxi1 = V.And(xi1Negative, V.LessThan(r21 + xi2, eps)),
            Kxi2 = V.And(xi1Negative, V.LessThan(r22 + xi2, eps)),
            Ket1 = V.And(et1Negative, V.LessThan(r12 + et2, eps)),
            Ket2 = V.And(et1Negative, V.LessThan(r22 + et2, eps)),
        };
    }

    /// <summary>
    /// Edges for points on the free surface (z = 0, where the real and image sources coincide), with ξ at both
    /// strike ends, snapped as DC3D does.
    /// </summary>
    public static RectangleEdges<V> AtSurface(in Dc3dSource s, in KernelConstants k, V x, V y, out V xi1, out V xi2)
    {
        V eps = V.Broadcast(KernelConstants.Eps);
        xi1 = Dc3dKernel.SnapToZero(x - s.Al1, eps);
        xi2 = Dc3dKernel.SnapToZero(x - s.Al2, eps);
        return Compute(xi1, xi2, y, V.Broadcast(s.Depth), s, k, eps);
    }
}
