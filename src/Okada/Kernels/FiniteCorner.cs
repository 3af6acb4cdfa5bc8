using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Geometry of one corner (ξ, η) of the rectangle seen from the observation point, Okada (1992) eqs. (27)–(30)
/// and the auxiliary terms of Table 6 (DCCON2 in Okada's code).
/// </summary>
/// <remarks>
/// ξ = x − L, η = p − W and q are already snapped to zero below 1e-6. <c>kxi</c>/<c>ket</c> mark lanes on the negative
/// extension of an edge where R + ξ (R + η) vanishes; there DC3D uses ln(R+ξ) = −ln(R−ξ) and sets X11, X32
/// (Y11, Y32) to zero, which is the limit of the regular expressions. Lanes with R = 0 are singular and their
/// values are discarded by the caller.
/// </remarks>
internal struct FiniteCorner<V> where V : struct, ILanes<V>
{
    public V Xi, Et, Q, Xi2, Et2, Q2, R, R2, R3, R5, Y, D, Tt, Alx, Ale, X11, Y11, X32, Y32;
    public V Ey, Ez, Fy, Fz, Gy, Gz, Hy, Hz;

    /// <typeparam name="TGradients">When off, only the terms needed for displacement are computed.</typeparam>
    public static FiniteCorner<V> Compute<TGradients>(V xi, V et, V q, V kxi, V ket, in KernelConstants k)
        where TGradients : struct, IFlag
    {
        var c = new FiniteCorner<V>();
        V zero = V.Broadcast(0.0);
        c.Xi = xi; c.Et = et; c.Q = q;
        c.Xi2 = xi * xi;
        c.Et2 = et * et;
        c.Q2 = q * q;
        c.R2 = c.Xi2 + c.Et2 + c.Q2;
        c.R = V.Sqrt(c.R2);
        V r = c.R;
        c.Y = et * k.Cd + q * k.Sd;
        c.D = et * k.Sd - q * k.Cd;

        // θ = atan(ξη/(qR)), zero on the fault plane (q = 0).
        c.Tt = V.Select(V.Equal(q, zero), zero, V.AtanOfRatio(xi * et, q * r));

        V rxi = r + xi;
        V logXi = V.Log(V.Select(kxi, r - xi, rxi));
        c.Alx = V.Select(kxi, -logXi, logXi);
        c.X11 = V.Select(kxi, zero, 1.0 / (r * rxi));

        V ret = r + et;
        V logEt = V.Log(V.Select(ket, r - et, ret));
        c.Ale = V.Select(ket, -logEt, logEt);
        c.Y11 = V.Select(ket, zero, 1.0 / (r * ret));

        if (TGradients.Value)
        {
            c.R3 = r * c.R2;
            c.R5 = c.R3 * c.R2;
            c.X32 = V.Select(kxi, zero, (r + rxi) * c.X11 * c.X11 / r);
            c.Y32 = V.Select(ket, zero, (r + ret) * c.Y11 * c.Y11 / r);
            V y = c.Y, d = c.D, x11 = c.X11, x32 = c.X32, y32 = c.Y32, r3 = c.R3;
            c.Ey = k.Sd / r - y * q / r3;
            c.Ez = k.Cd / r + d * q / r3;
            c.Fy = d / r3 + c.Xi2 * y32 * k.Sd;
            c.Fz = y / r3 + c.Xi2 * y32 * k.Cd;
            c.Gy = 2.0 * x11 * k.Sd - y * q * x32;
            c.Gz = 2.0 * x11 * k.Cd + d * q * x32;
            c.Hy = d * q * x32 + xi * q * y32 * k.Sd;
            c.Hz = y * q * x32 + xi * q * y32 * k.Cd;
        }
        return c;
    }
}
