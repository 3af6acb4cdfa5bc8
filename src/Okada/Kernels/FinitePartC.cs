using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Part C of the finite-rectangle solution, Okada (1992) Table 6: the depth-dependent terms of the image source,
/// which vanish (together with z times them) at the free surface.
/// </summary>
internal static class FinitePartC
{
    public static Gradient12<V> Evaluate<V>(in FiniteCorner<V> c, V z, in KernelConstants k, in DislocationWeights w)
        where V : struct, ILanes<V>
    {
        V xi = c.Xi, et = c.Et, q = c.Q, r = c.R, r2 = c.R2, r3 = c.R3, r5 = c.R5, y = c.Y, d = c.D;
        V x11 = c.X11, y11 = c.Y11, x32 = c.X32, y32 = c.Y32, xi2 = c.Xi2, q2 = c.Q2;
        double sd = k.Sd, cd = k.Cd, sdsd = k.SdSd, sdcd = k.SdCd, cdcd = k.CdCd, alp4 = k.Alp4, alp5 = k.Alp5;

        V cc = d + z;
        V x53 = (8.0 * r2 + 9.0 * r * xi + 3.0 * xi2) * x11 * x11 * x11 / r2;
        V y53 = (8.0 * r2 + 9.0 * r * et + 3.0 * c.Et2) * y11 * y11 * y11 / r2;
        V h = q * cd - z;
        V z32 = sd / r3 - h * y32;
        V z53 = 3.0 * sd / r5 - h * y53;
        V y0 = y11 - xi2 * y32;
        V z0 = z32 - xi2 * z53;
        V ppy = cd / r3 + q * y32 * sd;
        V ppz = sd / r3 - q * y32 * cd;
        V qq = z * y32 + z32 + z0;
        V qqy = 3.0 * cc * d / r5 - qq * sd;
        V qqz = 3.0 * cc * y / r5 - qq * cd + q * y32;
        V xy = xi * y11;
        V qx = q * x11;
        V qy = q * y11;
        V qr = 3.0 * q / r5;
        V cdr = (cc + d) / r3;
        V yy0 = y / r3 - y0 * cd;

        var u = Gradient12<V>.Zero;
        if (w.Has1)
        {
            double s = w.W1;
            u.Ux += s * (alp4 * xy * cd - alp5 * xi * q * z32);
            u.Uy += s * (alp4 * (cd / r + 2.0 * qy * sd) - alp5 * cc * q / r3);
            u.Uz += s * (alp4 * qy * cd - alp5 * (cc * et / r3 - z * y11 + xi2 * z32));
            u.Uxx += s * (alp4 * y0 * cd - alp5 * q * z0);
            u.Uyx += s * (-alp4 * xi * (cd / r3 + 2.0 * q * y32 * sd) + alp5 * cc * xi * qr);
            u.Uzx += s * (-alp4 * xi * q * y32 * cd + alp5 * xi * (3.0 * cc * et / r5 - qq));
            u.Uxy += s * (-alp4 * xi * ppy * cd - alp5 * xi * qqy);
            u.Uyy += s * (alp4 * 2.0 * (d / r3 - y0 * sd) * sd - y / r3 * cd - alp5 * (cdr * sd - et / r3 - cc * y * qr));
            u.Uzy += s * (-alp4 * q / r3 + yy0 * sd + alp5 * (cdr * cd + cc * d * qr - (y0 * cd + q * z0) * sd));
            u.Uxz += s * (alp4 * xi * ppz * cd - alp5 * xi * qqz);
            u.Uyz += s * (alp4 * 2.0 * (y / r3 - y0 * cd) * sd + d / r3 * cd - alp5 * (cdr * cd + cc * d * qr));
            u.Uzz += s * (yy0 * cd - alp5 * (cdr * sd - cc * y * qr - y0 * sdsd + q * z0 * cd));
        }
        if (w.Has2)
        {
            double s = w.W2;
            u.Ux += s * (alp4 * cd / r - qy * sd - alp5 * cc * q / r3);
            u.Uy += s * (alp4 * y * x11 - alp5 * cc * et * q * x32);
            u.Uz += s * (-d * x11 - xy * sd - alp5 * cc * (x11 - q2 * x32));
            u.Uxx += s * (-alp4 * xi / r3 * cd + alp5 * cc * xi * qr + xi * q * y32 * sd);
            u.Uyx += s * (-alp4 * y / r3 + alp5 * cc * et * qr);
            u.Uzx += s * (d / r3 - y0 * sd + alp5 * cc / r3 * (1.0 - 3.0 * q2 / r2));
            u.Uxy += s * (-alp4 * et / r3 + y0 * sdsd - alp5 * (cdr * sd - cc * y * qr));
            u.Uyy += s * (alp4 * (x11 - y * y * x32) - alp5 * cc * ((d + 2.0 * q * cd) * x32 - y * et * q * x53));
            u.Uzy += s * (xi * ppy * sd + y * d * x32 + alp5 * cc * ((y + 2.0 * q * sd) * x32 - y * q2 * x53));
            u.Uxz += s * (-q / r3 + y0 * sdcd - alp5 * (cdr * cd + cc * d * qr));
            u.Uyz += s * (alp4 * y * d * x32 - alp5 * cc * ((y - 2.0 * q * sd) * x32 + d * et * q * x53));
            u.Uzz += s * (-xi * ppz * sd + x11 - d * d * x32 - alp5 * cc * ((d - 2.0 * q * cd) * x32 - d * q2 * x53));
        }
        if (w.Has3)
        {
            double s = w.W3;
            u.Ux += s * (-alp4 * (sd / r + qy * cd) - alp5 * (z * y11 - q2 * z32));
            u.Uy += s * (alp4 * 2.0 * xy * sd + d * x11 - alp5 * cc * (x11 - q2 * x32));
            u.Uz += s * (alp4 * (y * x11 + xy * cd) + alp5 * q * (cc * et * x32 + xi * z32));
            u.Uxx += s * (alp4 * xi / r3 * sd + xi * q * y32 * cd + alp5 * xi * (3.0 * cc * et / r5 - 2.0 * z32 - z0));
            u.Uyx += s * (alp4 * 2.0 * y0 * sd - d / r3 + alp5 * cc / r3 * (1.0 - 3.0 * q2 / r2));
            u.Uzx += s * (-alp4 * yy0 - alp5 * (cc * et * qr - q * z0));
            u.Uxy += s * (alp4 * (q / r3 + y0 * sdcd) + alp5 * (z / r3 * cd + cc * d * qr - q * z0 * sd));
            u.Uyy += s * (-alp4 * 2.0 * xi * ppy * sd - y * d * x32 + alp5 * cc * ((y + 2.0 * q * sd) * x32 - y * q2 * x53));
            u.Uzy += s * (-alp4 * (xi * ppy * cd - x11 + y * y * x32) + alp5 * (cc * ((d + 2.0 * q * cd) * x32 - y * et * q * x53) + xi * qqy));
            u.Uxz += s * (-et / r3 + y0 * cdcd - alp5 * (z / r3 * sd - cc * y * qr - y0 * sdsd + q * z0 * cd));
            u.Uyz += s * (alp4 * 2.0 * xi * ppz * sd - x11 + d * d * x32 - alp5 * cc * ((d - 2.0 * q * cd) * x32 - d * q2 * x53));
            u.Uzz += s * (alp4 * (xi * ppz * cd + y * d * x32) + alp5 * (cc * ((y - 2.0 * q * sd) * x32 + d * et * q * x53) + xi * qqz));
        }
        return u;
    }
}
