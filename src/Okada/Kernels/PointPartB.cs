using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Part B of the point-source solution, Okada (1992) Table 3 with the I, J, K terms of eq. (9). At the free
/// surface this is the whole answer (the Okada 1985 point-source forms). One method per potency component keeps
/// each body small enough for the JIT to inline the lane operators.
/// </summary>
internal static class PointPartB
{
    /// <summary>Σ wᵢ·rowsᵢ over the non-zero potencies, accumulated in DC3D0's order.</summary>
    /// <typeparam name="TGradients">When off, only ux, uy, uz are computed.</typeparam>
    public static Gradient12<V> Evaluate<V, TGradients>(in PointGeometry<V> g, V z, in KernelConstants k, in DislocationWeights w)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        var t = PointPartBTerms<V>.Compute<TGradients>(g, z);
        var u = Gradient12<V>.Zero;
        if (w.Has1) u.AddScaled<TGradients>(w.W1, StrikeSlip<V, TGradients>(g, t, k));
        if (w.Has2) u.AddScaled<TGradients>(w.W2, DipSlip<V, TGradients>(g, t, k));
        if (w.Has3) u.AddScaled<TGradients>(w.W3, Tensile<V, TGradients>(g, t, k));
        if (w.Has4) u.AddScaled<TGradients>(w.W4, Inflation<V, TGradients>(g, t, k));
        return u;
    }

    public static Gradient12<V> StrikeSlip<V, TGradients>(in PointGeometry<V> g, in PointPartBTerms<V> t, in KernelConstants k)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, xy = g.Xy, x2 = g.X2;
        V r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        V c = t.C, fi1 = t.Fi1, fi2 = t.Fi2, fi3 = t.Fi3, fi4 = t.Fi4, fi5 = t.Fi5;
        V fj1 = t.Fj1, fj2 = t.Fj2, fj3 = t.Fj3, fj4 = t.Fj4, fk1 = t.Fk1, fk2 = t.Fk2, fk3 = t.Fk3;
        double alp3 = k.Alp3, sd = k.Sd, sdcd = k.SdCd, sdsd = k.SdSd;
        Gradient12<V> u = default;
            u.Ux = -x2 * qr - alp3 * fi1 * sd;
            u.Uy = -xy * qr - alp3 * fi2 * sd;
            u.Uz = -c * x * qr - alp3 * fi4 * sd;
            if (TGradients.Value)
            {
                u.Uxx = -x * qr * (1.0 + a5) - alp3 * fj1 * sd;
                u.Uyx = -y * qr * a5 - alp3 * fj2 * sd;
                u.Uzx = -c * qr * a5 - alp3 * fk1 * sd;
                u.Uxy = -3.0 * x2 / r5 * g.Uy - alp3 * fj2 * sd;
                u.Uyy = -3.0 * xy / r5 * g.Uy - x * qr - alp3 * fj4 * sd;
                u.Uzy = -3.0 * c * x / r5 * g.Uy - alp3 * fk2 * sd;
                u.Uxz = -3.0 * x2 / r5 * g.Uz + alp3 * fk1 * sd;
                u.Uyz = -3.0 * xy / r5 * g.Uz + alp3 * fk2 * sd;
                u.Uzz = 3.0 * x / r5 * (-c * g.Uz + alp3 * y * sd);
            }
        return u;
    }

    public static Gradient12<V> DipSlip<V, TGradients>(in PointGeometry<V> g, in PointPartBTerms<V> t, in KernelConstants k)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, xy = g.Xy, x2 = g.X2;
        V r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        V c = t.C, fi1 = t.Fi1, fi2 = t.Fi2, fi3 = t.Fi3, fi4 = t.Fi4, fi5 = t.Fi5;
        V fj1 = t.Fj1, fj2 = t.Fj2, fj3 = t.Fj3, fj4 = t.Fj4, fk1 = t.Fk1, fk2 = t.Fk2, fk3 = t.Fk3;
        double alp3 = k.Alp3, sd = k.Sd, sdcd = k.SdCd, sdsd = k.SdSd;
        Gradient12<V> u = default;
            u.Ux = -x * p * qr + alp3 * fi3 * sdcd;
            u.Uy = -y * p * qr + alp3 * fi1 * sdcd;
            u.Uz = -c * p * qr + alp3 * fi5 * sdcd;
            if (TGradients.Value)
            {
                u.Uxx = -p * qr * a5 + alp3 * fj3 * sdcd;
                u.Uyx = y * p * qrx + alp3 * fj1 * sdcd;
                u.Uzx = c * p * qrx + alp3 * fk3 * sdcd;
                u.Uxy = -3.0 * x / r5 * g.Vy + alp3 * fj1 * sdcd;
                u.Uyy = -3.0 * y / r5 * g.Vy - p * qr + alp3 * fj2 * sdcd;
                u.Uzy = -3.0 * c / r5 * g.Vy + alp3 * fk1 * sdcd;
                u.Uxz = -3.0 * x / r5 * g.Vz - alp3 * fk3 * sdcd;
                u.Uyz = -3.0 * y / r5 * g.Vz - alp3 * fk1 * sdcd;
                u.Uzz = -3.0 * c / r5 * g.Vz + alp3 * a3 / r3 * sdcd;
            }
        return u;
    }

    public static Gradient12<V> Tensile<V, TGradients>(in PointGeometry<V> g, in PointPartBTerms<V> t, in KernelConstants k)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, xy = g.Xy, x2 = g.X2;
        V r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        V c = t.C, fi1 = t.Fi1, fi2 = t.Fi2, fi3 = t.Fi3, fi4 = t.Fi4, fi5 = t.Fi5;
        V fj1 = t.Fj1, fj2 = t.Fj2, fj3 = t.Fj3, fj4 = t.Fj4, fk1 = t.Fk1, fk2 = t.Fk2, fk3 = t.Fk3;
        double alp3 = k.Alp3, sd = k.Sd, sdcd = k.SdCd, sdsd = k.SdSd;
        Gradient12<V> u = default;
            u.Ux = x * q * qr - alp3 * fi3 * sdsd;
            u.Uy = y * q * qr - alp3 * fi1 * sdsd;
            u.Uz = c * q * qr - alp3 * fi5 * sdsd;
            if (TGradients.Value)
            {
                u.Uxx = q * qr * a5 - alp3 * fj3 * sdsd;
                u.Uyx = -y * q * qrx - alp3 * fj1 * sdsd;
                u.Uzx = -c * q * qrx - alp3 * fk3 * sdsd;
                u.Uxy = x * qr * g.Wy - alp3 * fj1 * sdsd;
                u.Uyy = qr * (y * g.Wy + q) - alp3 * fj2 * sdsd;
                u.Uzy = c * qr * g.Wy - alp3 * fk1 * sdsd;
                u.Uxz = x * qr * g.Wz + alp3 * fk3 * sdsd;
                u.Uyz = y * qr * g.Wz + alp3 * fk1 * sdsd;
                u.Uzz = c * qr * g.Wz - alp3 * a3 / r3 * sdsd;
            }
        return u;
    }

    public static Gradient12<V> Inflation<V, TGradients>(in PointGeometry<V> g, in PointPartBTerms<V> t, in KernelConstants k)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, xy = g.Xy, x2 = g.X2;
        V r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        V c = t.C, fi1 = t.Fi1, fi2 = t.Fi2, fi3 = t.Fi3, fi4 = t.Fi4, fi5 = t.Fi5;
        V fj1 = t.Fj1, fj2 = t.Fj2, fj3 = t.Fj3, fj4 = t.Fj4, fk1 = t.Fk1, fk2 = t.Fk2, fk3 = t.Fk3;
        double alp3 = k.Alp3, sd = k.Sd, sdcd = k.SdCd, sdsd = k.SdSd;
        Gradient12<V> u = default;
            u.Ux = alp3 * x / r3;
            u.Uy = alp3 * y / r3;
            u.Uz = alp3 * d / r3;
            if (TGradients.Value)
            {
                V uyx = -alp3 * 3.0 * xy / r5;
                V uzx = -alp3 * 3.0 * x * d / r5;
                V uzy = -alp3 * 3.0 * y * d / r5;
                u.Uxx = alp3 * a3 / r3;
                u.Uyx = uyx;
                u.Uzx = uzx;
                u.Uxy = uyx;
                u.Uyy = alp3 * g.B3 / r3;
                u.Uzy = uzy;
                u.Uxz = -uzx;
                u.Uyz = -uzy;
                u.Uzz = -alp3 * g.C3 / r3;
            }
        return u;
    }
}
