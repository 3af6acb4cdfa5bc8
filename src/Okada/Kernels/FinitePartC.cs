using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Part C of the finite-rectangle solution, Okada (1992) Table 6: the depth-dependent terms of the image source,
/// which vanish (together with z times them) at the free surface. One method per dislocation component keeps each
/// body small enough for the JIT to inline the lane operators.
/// </summary>
internal static class FinitePartC
{
    /// <summary>Σ wᵢ·rowsᵢ over the non-zero dislocation components, accumulated in DC3D's order.</summary>
    public static Gradient12<V> Evaluate<V>(in FiniteCorner<V> c, V z, in KernelConstants k, in DislocationWeights w)
        where V : struct, ILanes<V>
    {
        var t = FinitePartCTerms<V>.Compute(c, z, k);
        var u = Gradient12<V>.Zero;
        if (w.Has1) u.AddScaled<On>(w.W1, StrikeSlip(c, t, z, k));
        if (w.Has2) u.AddScaled<On>(w.W2, DipSlip(c, t, z, k));
        if (w.Has3) u.AddScaled<On>(w.W3, Tensile(c, t, z, k));
        return u;
    }

    public static Gradient12<V> StrikeSlip<V>(in FiniteCorner<V> c, in FinitePartCTerms<V> t, V z, in KernelConstants k)
        where V : struct, ILanes<V>
    {
        V xi = c.Xi, et = c.Et, q = c.Q, r = c.R, r2 = c.R2, r3 = c.R3, r5 = c.R5, y = c.Y, d = c.D;
        V x11 = c.X11, y11 = c.Y11, x32 = c.X32, y32 = c.Y32, xi2 = c.Xi2, q2 = c.Q2;
        V cc = t.C, x53 = t.X53, z32 = t.Z32, y0 = t.Y0, z0 = t.Z0, ppy = t.Ppy, ppz = t.Ppz, qq = t.Qq, qqy = t.Qqy, qqz = t.Qqz;
        V xy = t.Xy, qx = t.Qx, qy = t.Qy, qr = t.Qr, cdr = t.Cdr, yy0 = t.Yy0;
        double sd = k.Sd, cd = k.Cd, sdsd = k.SdSd, sdcd = k.SdCd, cdcd = k.CdCd, alp4 = k.Alp4, alp5 = k.Alp5;
        Gradient12<V> u;
        u.Ux = alp4 * xy * cd - alp5 * xi * q * z32;
        u.Uy = alp4 * (cd / r + 2.0 * qy * sd) - alp5 * cc * q / r3;
        u.Uz = alp4 * qy * cd - alp5 * (cc * et / r3 - z * y11 + xi2 * z32);
        u.Uxx = alp4 * y0 * cd - alp5 * q * z0;
        u.Uyx = -alp4 * xi * (cd / r3 + 2.0 * q * y32 * sd) + alp5 * cc * xi * qr;
        u.Uzx = -alp4 * xi * q * y32 * cd + alp5 * xi * (3.0 * cc * et / r5 - qq);
        u.Uxy = -alp4 * xi * ppy * cd - alp5 * xi * qqy;
        u.Uyy = alp4 * 2.0 * (d / r3 - y0 * sd) * sd - y / r3 * cd - alp5 * (cdr * sd - et / r3 - cc * y * qr);
        u.Uzy = -alp4 * q / r3 + yy0 * sd + alp5 * (cdr * cd + cc * d * qr - (y0 * cd + q * z0) * sd);
        u.Uxz = alp4 * xi * ppz * cd - alp5 * xi * qqz;
        u.Uyz = alp4 * 2.0 * (y / r3 - y0 * cd) * sd + d / r3 * cd - alp5 * (cdr * cd + cc * d * qr);
        u.Uzz = yy0 * cd - alp5 * (cdr * sd - cc * y * qr - y0 * sdsd + q * z0 * cd);
        return u;
    }

    public static Gradient12<V> DipSlip<V>(in FiniteCorner<V> c, in FinitePartCTerms<V> t, V z, in KernelConstants k)
        where V : struct, ILanes<V>
    {
        V xi = c.Xi, et = c.Et, q = c.Q, r = c.R, r2 = c.R2, r3 = c.R3, r5 = c.R5, y = c.Y, d = c.D;
        V x11 = c.X11, y11 = c.Y11, x32 = c.X32, y32 = c.Y32, xi2 = c.Xi2, q2 = c.Q2;
        V cc = t.C, x53 = t.X53, z32 = t.Z32, y0 = t.Y0, z0 = t.Z0, ppy = t.Ppy, ppz = t.Ppz, qq = t.Qq, qqy = t.Qqy, qqz = t.Qqz;
        V xy = t.Xy, qx = t.Qx, qy = t.Qy, qr = t.Qr, cdr = t.Cdr, yy0 = t.Yy0;
        double sd = k.Sd, cd = k.Cd, sdsd = k.SdSd, sdcd = k.SdCd, cdcd = k.CdCd, alp4 = k.Alp4, alp5 = k.Alp5;
        Gradient12<V> u;
        u.Ux = alp4 * cd / r - qy * sd - alp5 * cc * q / r3;
        u.Uy = alp4 * y * x11 - alp5 * cc * et * q * x32;
        u.Uz = -d * x11 - xy * sd - alp5 * cc * (x11 - q2 * x32);
        u.Uxx = -alp4 * xi / r3 * cd + alp5 * cc * xi * qr + xi * q * y32 * sd;
        u.Uyx = -alp4 * y / r3 + alp5 * cc * et * qr;
        u.Uzx = d / r3 - y0 * sd + alp5 * cc / r3 * (1.0 - 3.0 * q2 / r2);
        u.Uxy = -alp4 * et / r3 + y0 * sdsd - alp5 * (cdr * sd - cc * y * qr);
        u.Uyy = alp4 * (x11 - y * y * x32) - alp5 * cc * ((d + 2.0 * q * cd) * x32 - y * et * q * x53);
        u.Uzy = xi * ppy * sd + y * d * x32 + alp5 * cc * ((y + 2.0 * q * sd) * x32 - y * q2 * x53);
        u.Uxz = -q / r3 + y0 * sdcd - alp5 * (cdr * cd + cc * d * qr);
        u.Uyz = alp4 * y * d * x32 - alp5 * cc * ((y - 2.0 * q * sd) * x32 + d * et * q * x53);
        u.Uzz = -xi * ppz * sd + x11 - d * d * x32 - alp5 * cc * ((d - 2.0 * q * cd) * x32 - d * q2 * x53);
        return u;
    }

    public static Gradient12<V> Tensile<V>(in FiniteCorner<V> c, in FinitePartCTerms<V> t, V z, in KernelConstants k)
        where V : struct, ILanes<V>
    {
        V xi = c.Xi, et = c.Et, q = c.Q, r = c.R, r2 = c.R2, r3 = c.R3, r5 = c.R5, y = c.Y, d = c.D;
        V x11 = c.X11, y11 = c.Y11, x32 = c.X32, y32 = c.Y32, xi2 = c.Xi2, q2 = c.Q2;
        V cc = t.C, x53 = t.X53, z32 = t.Z32, y0 = t.Y0, z0 = t.Z0, ppy = t.Ppy, ppz = t.Ppz, qq = t.Qq, qqy = t.Qqy, qqz = t.Qqz;
        V xy = t.Xy, qx = t.Qx, qy = t.Qy, qr = t.Qr, cdr = t.Cdr, yy0 = t.Yy0;
        double sd = k.Sd, cd = k.Cd, sdsd = k.SdSd, sdcd = k.SdCd, cdcd = k.CdCd, alp4 = k.Alp4, alp5 = k.Alp5;
        Gradient12<V> u;
        u.Ux = -alp4 * (sd / r + qy * cd) - alp5 * (z * y11 - q2 * z32);
        u.Uy = alp4 * 2.0 * xy * sd + d * x11 - alp5 * cc * (x11 - q2 * x32);
        u.Uz = alp4 * (y * x11 + xy * cd) + alp5 * q * (cc * et * x32 + xi * z32);
        u.Uxx = alp4 * xi / r3 * sd + xi * q * y32 * cd + alp5 * xi * (3.0 * cc * et / r5 - 2.0 * z32 - z0);
        u.Uyx = alp4 * 2.0 * y0 * sd - d / r3 + alp5 * cc / r3 * (1.0 - 3.0 * q2 / r2);
        u.Uzx = -alp4 * yy0 - alp5 * (cc * et * qr - q * z0);
        u.Uxy = alp4 * (q / r3 + y0 * sdcd) + alp5 * (z / r3 * cd + cc * d * qr - q * z0 * sd);
        u.Uyy = -alp4 * 2.0 * xi * ppy * sd - y * d * x32 + alp5 * cc * ((y + 2.0 * q * sd) * x32 - y * q2 * x53);
        u.Uzy = -alp4 * (xi * ppy * cd - x11 + y * y * x32) + alp5 * (cc * ((d + 2.0 * q * cd) * x32 - y * et * q * x53) + xi * qqy);
        u.Uxz = -et / r3 + y0 * cdcd - alp5 * (z / r3 * sd - cc * y * qr - y0 * sdsd + q * z0 * cd);
        u.Uyz = alp4 * 2.0 * xi * ppz * sd - x11 + d * d * x32 - alp5 * cc * ((d - 2.0 * q * cd) * x32 - d * q2 * x53);
        u.Uzz = alp4 * (xi * ppz * cd + y * d * x32) + alp5 * (cc * ((y - 2.0 * q * sd) * x32 + d * et * q * x53) + xi * qqz);
        return u;
    }
}
