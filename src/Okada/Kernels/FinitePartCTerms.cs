using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>The auxiliary terms of part C (Okada 1992, Table 6 and eq. 30) shared by the three components.</summary>
internal struct FinitePartCTerms<V> where V : struct, ILanes<V>
{
    public V C, X53, Y53, Z32, Z53, Y0, Z0, Ppy, Ppz, Qq, Qqy, Qqz, Xy, Qx, Qy, Qr, Cdr, Yy0;

    public static FinitePartCTerms<V> Compute(in FiniteCorner<V> c, V z, in KernelConstants k)
    {
        V xi = c.Xi, et = c.Et, q = c.Q, r = c.R, r2 = c.R2, r3 = c.R3, r5 = c.R5, y = c.Y, d = c.D;
        V x11 = c.X11, y11 = c.Y11, y32 = c.Y32, xi2 = c.Xi2;
        double sd = k.Sd, cd = k.Cd;
        var t = new FinitePartCTerms<V>();
        V cc = d + z;
        t.C = cc;
        t.X53 = (8.0 * r2 + 9.0 * r * xi + 3.0 * xi2) * x11 * x11 * x11 / r2;
        t.Y53 = (8.0 * r2 + 9.0 * r * et + 3.0 * c.Et2) * y11 * y11 * y11 / r2;
        V h = q * cd - z;
        t.Z32 = sd / r3 - h * y32;
        t.Z53 = 3.0 * sd / r5 - h * t.Y53;
        t.Y0 = y11 - xi2 * y32;
        t.Z0 = t.Z32 - xi2 * t.Z53;
        t.Ppy = cd / r3 + q * y32 * sd;
        t.Ppz = sd / r3 - q * y32 * cd;
        t.Qq = z * y32 + t.Z32 + t.Z0;
        t.Qqy = 3.0 * cc * d / r5 - t.Qq * sd;
        t.Qqz = 3.0 * cc * y / r5 - t.Qq * cd + q * y32;
        t.Xy = xi * y11;
        t.Qx = q * x11;
        t.Qy = q * y11;
        t.Qr = 3.0 * q / r5;
        t.Cdr = (cc + d) / r3;
        t.Yy0 = y / r3 - t.Y0 * cd;
        return t;
    }
}
