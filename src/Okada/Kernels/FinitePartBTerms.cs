using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// The I, J and K terms of Okada (1992) eqs. (28)–(29) for one corner (and their cos δ = 0 limits for a vertical
/// fault), shared by the strike-, dip-slip and tensile rows of part B.
/// </summary>
internal struct FinitePartBTerms<V> where V : struct, ILanes<V>
{
    public V Rd, D11, Ai1, Ai2, Ai3, Ai4, Aj1, Aj2, Aj3, Aj4, Aj5, Aj6, Ak1, Ak2, Ak3, Ak4, Xy, Qx, Qy;

    /// <typeparam name="TGradients">When off, only the I terms (displacement) are computed.</typeparam>
    public static FinitePartBTerms<V> Compute<TGradients>(in FiniteCorner<V> c, in KernelConstants k)
        where TGradients : struct, IFlag
    {
        var t = new FinitePartBTerms<V>();
        V zero = V.Broadcast(0.0);
        V xi = c.Xi, et = c.Et, q = c.Q, r = c.R, y = c.Y, d = c.D;
        double sd = k.Sd, cd = k.Cd, sdcd = k.SdCd, cdcd = k.CdCd;

        V rd = r + d;
        V d11 = 1.0 / (r * rd);
        V logRd = V.Log(rd);
        t.Rd = rd;
        t.D11 = d11;
        if (TGradients.Value)
        {
            t.Aj2 = xi * y / rd * d11;
            t.Aj5 = -(d + y * y / rd) * d11;
        }
        if (cd != 0.0)
        {
            V x = V.Sqrt(c.Xi2 + c.Q2);
            V angle = V.AtanOfRatio(et * (x + q * cd) + x * (r + x) * sd, xi * (r + x) * cd);
            t.Ai4 = V.Select(V.Equal(xi, zero), zero, 1.0 / cdcd * (xi / rd * sdcd + 2.0 * angle));
            t.Ai3 = (y * cd / rd - c.Ale + sd * logRd) / cdcd;
            if (TGradients.Value)
            {
                t.Ak1 = xi * (d11 - c.Y11 * sd) / cd;
                t.Ak3 = (q * c.Y11 - y * d11) / cd;
                t.Aj3 = (t.Ak1 - t.Aj2 * sd) / cd;
                t.Aj6 = (t.Ak3 - t.Aj5 * sd) / cd;
            }
        }
        else
        {
            V rd2 = rd * rd;
            t.Ai3 = (et / rd + y * q / rd2 - c.Ale) / 2.0;
            t.Ai4 = xi * y / rd2 / 2.0;
            if (TGradients.Value)
            {
                t.Ak1 = xi * q / rd * d11;
                t.Ak3 = sd / rd * (c.Xi2 * d11 - 1.0);
                t.Aj3 = -xi / rd2 * (c.Q2 * d11 - 1.0 / 2.0);
                t.Aj6 = -y / rd2 * (c.Xi2 * d11 - 1.0 / 2.0);
            }
        }

        t.Xy = xi * c.Y11;
        t.Ai1 = -xi / rd * cd - t.Ai4 * sd;
        t.Ai2 = logRd + t.Ai3 * sd;
        if (TGradients.Value)
        {
            t.Ak2 = 1.0 / r + t.Ak3 * sd;
            t.Ak4 = t.Xy * cd - t.Ak1 * sd;
            t.Aj1 = t.Aj5 * cd - t.Aj6 * sd;
            t.Aj4 = -t.Xy - t.Aj2 * cd + t.Aj3 * sd;
        }
        t.Qx = q * c.X11;
        t.Qy = q * c.Y11;
        return t;
    }
}
