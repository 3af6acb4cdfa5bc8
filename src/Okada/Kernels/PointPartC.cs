using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Part C of the point-source solution, Okada (1992) Table 3 (depth-dependent image terms). One method per potency
/// component keeps each body small enough for the JIT to inline the lane operators.
/// </summary>
internal static class PointPartC
{
    /// <summary>Σ wᵢ·rowsᵢ over the non-zero potencies, accumulated in DC3D0's order.</summary>
    public static Gradient12<V> Evaluate<V>(in PointGeometry<V> g, V z, in KernelConstants k, in DislocationWeights w)
        where V : struct, ILanes<V>
    {
        var t = PointPartCTerms<V>.Compute(g, z);
        var u = Gradient12<V>.Zero;
        if (w.Has1) u.AddScaled<On>(w.W1, StrikeSlip(g, t, z, k));
        if (w.Has2) u.AddScaled<On>(w.W2, DipSlip(g, t, z, k));
        if (w.Has3) u.AddScaled<On>(w.W3, Tensile(g, t, z, k));
        if (w.Has4) u.AddScaled<On>(w.W4, Inflation(g, t, z, k));
        return u;
    }

    public static Gradient12<V> StrikeSlip<V>(in PointGeometry<V> g, in PointPartCTerms<V> t, V z, in KernelConstants k)
        where V : struct, ILanes<V>
    {
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, s = g.S, tt = g.T, xy = g.Xy;
        V r2 = g.R2, r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        V c = t.C, r7 = t.R7, a7 = t.A7, b5 = t.B5, b7 = t.B7, c5 = t.C5, c7 = t.C7, d7 = t.D7, qr5 = t.Qr5, qr7 = t.Qr7, dr5 = t.Dr5;
        double alp4 = k.Alp4, alp5 = k.Alp5, sd = k.Sd, cd = k.Cd, sdsd = k.SdSd, sdcd = k.SdCd, s2d = k.S2d, c2d = k.C2d;
        Gradient12<V> u = default;
            V uyx = 3.0 / r5 * (alp4 * y * a5 * cd + alp5 * c * (a5 * sd - y * qr5 * a7));
            u.Ux = -alp4 * a3 / r3 * cd + alp5 * c * qr * a5;
            u.Uy = 3.0 * x / r5 * (alp4 * y * cd + alp5 * c * (sd - y * qr5));
            u.Uz = 3.0 * x / r5 * (-alp4 * y * sd + alp5 * c * (cd + d * qr5));
            u.Uxx = alp4 * 3.0 * x / r5 * (2.0 + a5) * cd - alp5 * c * qrx * (2.0 + a7);
            u.Uyx = uyx;
            u.Uzx = 3.0 / r5 * (-alp4 * y * a5 * sd + alp5 * c * (a5 * cd + d * qr5 * a7));
            u.Uxy = uyx;
            u.Uyy = 3.0 * x / r5 * (alp4 * b5 * cd - alp5 * 5.0 * c / r2 * (2.0 * y * sd + q * b7));
            u.Uzy = 3.0 * x / r5 * (-alp4 * b5 * sd + alp5 * 5.0 * c / r2 * (d * b7 * sd - y * c7 * cd));
            u.Uxz = 3.0 / r5 * (-alp4 * d * a5 * cd + alp5 * c * (a5 * cd + d * qr5 * a7));
            u.Uyz = 15.0 * x / r7 * (alp4 * y * d * cd + alp5 * c * (d * b7 * sd - y * c7 * cd));
            u.Uzz = 15.0 * x / r7 * (-alp4 * y * d * sd + alp5 * c * (2.0 * d * cd - q * c7));
        return u;
    }

    public static Gradient12<V> DipSlip<V>(in PointGeometry<V> g, in PointPartCTerms<V> t, V z, in KernelConstants k)
        where V : struct, ILanes<V>
    {
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, s = g.S, tt = g.T, xy = g.Xy;
        V r2 = g.R2, r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        V c = t.C, r7 = t.R7, a7 = t.A7, b5 = t.B5, b7 = t.B7, c5 = t.C5, c7 = t.C7, d7 = t.D7, qr5 = t.Qr5, qr7 = t.Qr7, dr5 = t.Dr5;
        double alp4 = k.Alp4, alp5 = k.Alp5, sd = k.Sd, cd = k.Cd, sdsd = k.SdSd, sdcd = k.SdCd, s2d = k.S2d, c2d = k.C2d;
        Gradient12<V> u = default;
            V uyx = 3.0 * x / r5 * (alp4 * (c2d - 5.0 * y * tt / r2) - alp5 * 5.0 * c / r2 * (s - y * p * qr7));
            u.Ux = alp4 * 3.0 * x * tt / r5 - alp5 * c * p * qrx;
            u.Uy = -alp4 / r3 * (c2d - 3.0 * y * tt / r2) + alp5 * 3.0 * c / r5 * (s - y * p * qr5);
            u.Uz = -alp4 * a3 / r3 * sdcd + alp5 * 3.0 * c / r5 * (tt + d * p * qr5);
            u.Uxx = alp4 * 3.0 * tt / r5 * a5 - alp5 * 5.0 * c * p * qr / r2 * a7;
            u.Uyx = uyx;
            u.Uzx = 3.0 * x / r5 * (alp4 * (2.0 + a5) * sdcd - alp5 * 5.0 * c / r2 * (tt + d * p * qr7));
            u.Uxy = uyx;
            u.Uyy = 3.0 / r5 * (alp4 * (2.0 * y * c2d + tt * b5) + alp5 * c * (s2d - 10.0 * y * s / r2 - p * qr5 * b7));
            u.Uzy = 3.0 / r5 * (alp4 * y * a5 * sdcd - alp5 * c * ((3.0 + a5) * c2d + y * p * dr5 * qr7));
            u.Uxz = 3.0 * x / r5 * (-alp4 * (s2d - tt * dr5) - alp5 * 5.0 * c / r2 * (tt + d * p * qr7));
            u.Uyz = 3.0 / r5 * (-alp4 * (d * b5 * c2d + y * c5 * s2d) - alp5 * c * ((3.0 + a5) * c2d + y * p * dr5 * qr7));
            u.Uzz = 3.0 / r5 * (-alp4 * d * a5 * sdcd - alp5 * c * (s2d - 10.0 * d * tt / r2 + p * qr5 * c7));
        return u;
    }

    public static Gradient12<V> Tensile<V>(in PointGeometry<V> g, in PointPartCTerms<V> t, V z, in KernelConstants k)
        where V : struct, ILanes<V>
    {
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, s = g.S, tt = g.T, xy = g.Xy;
        V r2 = g.R2, r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        V c = t.C, r7 = t.R7, a7 = t.A7, b5 = t.B5, b7 = t.B7, c5 = t.C5, c7 = t.C7, d7 = t.D7, qr5 = t.Qr5, qr7 = t.Qr7, dr5 = t.Dr5;
        double alp4 = k.Alp4, alp5 = k.Alp5, sd = k.Sd, cd = k.Cd, sdsd = k.SdSd, sdcd = k.SdCd, s2d = k.S2d, c2d = k.C2d;
        Gradient12<V> u = default;
            V uyx = 3.0 * x / r5 * (-alp4 * (s2d - 5.0 * y * s / r2) - alp5 * 5.0 / r2 * (c * (tt - y + y * q * qr7) - y * z));
            u.Ux = 3.0 * x / r5 * (-alp4 * s + alp5 * (c * q * qr5 - z));
            u.Uy = alp4 / r3 * (s2d - 3.0 * y * s / r2) + alp5 * 3.0 / r5 * (c * (tt - y + y * q * qr5) - y * z);
            u.Uz = -alp4 / r3 * (1.0 - a3 * sdsd) - alp5 * 3.0 / r5 * (c * (s - d + d * q * qr5) - d * z);
            u.Uxx = -alp4 * 3.0 * s / r5 * a5 + alp5 * (c * qr * qr5 * a7 - 3.0 * z / r5 * a5);
            u.Uyx = uyx;
            u.Uzx = 3.0 * x / r5 * (alp4 * (1.0 - (2.0 + a5) * sdsd) + alp5 * 5.0 / r2 * (c * (s - d + d * q * qr7) - d * z));
            u.Uxy = uyx;
            u.Uyy = 3.0 / r5 * (-alp4 * (2.0 * y * s2d + s * b5) - alp5 * (c * (2.0 * sdsd + 10.0 * y * (tt - y) / r2 - q * qr5 * b7) + z * b5));
            u.Uzy = 3.0 / r5 * (alp4 * y * (1.0 - a5 * sdsd) + alp5 * (c * (3.0 + a5) * s2d - y * dr5 * (c * d7 + z)));
            u.Uxz = 3.0 * x / r5 * (-alp4 * (c2d + s * dr5) + alp5 * (5.0 * c / r2 * (s - d + d * q * qr7) - 1.0 - z * dr5));
            u.Uyz = 3.0 / r5 * (alp4 * (d * b5 * s2d - y * c5 * c2d) + alp5 * (c * ((3.0 + a5) * s2d - y * dr5 * d7) - y * (1.0 + z * dr5)));
            u.Uzz = 3.0 / r5 * (-alp4 * d * (1.0 - a5 * sdsd) - alp5 * (c * (c2d + 10.0 * d * (s - d) / r2 - q * qr5 * c7) + z * (1.0 + c5)));
        return u;
    }

    public static Gradient12<V> Inflation<V>(in PointGeometry<V> g, in PointPartCTerms<V> t, V z, in KernelConstants k)
        where V : struct, ILanes<V>
    {
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, s = g.S, tt = g.T, xy = g.Xy;
        V r2 = g.R2, r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        V c = t.C, r7 = t.R7, a7 = t.A7, b5 = t.B5, b7 = t.B7, c5 = t.C5, c7 = t.C7, d7 = t.D7, qr5 = t.Qr5, qr7 = t.Qr7, dr5 = t.Dr5;
        double alp4 = k.Alp4, alp5 = k.Alp5, sd = k.Sd, cd = k.Cd, sdsd = k.SdSd, sdcd = k.SdCd, s2d = k.S2d, c2d = k.C2d;
        Gradient12<V> u = default;
            V uyx = -alp4 * 15.0 * xy * d / r7;
            V uzx = -alp4 * 3.0 * x / r5 * c5;
            V uzy = -alp4 * 3.0 * y / r5 * c5;
            u.Ux = alp4 * 3.0 * x * d / r5;
            u.Uy = alp4 * 3.0 * y * d / r5;
            u.Uz = alp4 * g.C3 / r3;
            u.Uxx = alp4 * 3.0 * d / r5 * a5;
            u.Uyx = uyx;
            u.Uzx = uzx;
            u.Uxy = uyx;
            u.Uyy = alp4 * 3.0 * d / r5 * b5;
            u.Uzy = uzy;
            u.Uxz = uzx;
            u.Uyz = uzy;
            u.Uzz = alp4 * 3.0 * d / r5 * (2.0 + c5);
        return u;
    }
}
