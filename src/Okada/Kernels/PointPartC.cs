using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>Part C of the point-source solution, Okada (1992) Table 3 (depth-dependent image terms).</summary>
internal static class PointPartC
{
    public static Gradient12<V> Evaluate<V>(in PointGeometry<V> g, V z, in KernelConstants k, in DislocationWeights w)
        where V : struct, ILanes<V>
    {
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, s = g.S, t = g.T, xy = g.Xy, x2 = g.X2, y2 = g.Y2, d2 = g.D2;
        V r2 = g.R2, r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        double alp4 = k.Alp4, alp5 = k.Alp5, sd = k.Sd, cd = k.Cd, sdsd = k.SdSd, sdcd = k.SdCd, s2d = k.S2d, c2d = k.C2d;

        V c = d + z;
        V q2 = q * q;
        V r7 = r5 * r2;
        V a7 = 1.0 - 7.0 * x2 / r2;
        V b5 = 1.0 - 5.0 * y2 / r2;
        V b7 = 1.0 - 7.0 * y2 / r2;
        V c5 = 1.0 - 5.0 * d2 / r2;
        V c7 = 1.0 - 7.0 * d2 / r2;
        V d7 = 2.0 - 7.0 * q2 / r2;
        V qr5 = 5.0 * q / r2;
        V qr7 = 7.0 * q / r2;
        V dr5 = 5.0 * d / r2;

        var u = Gradient12<V>.Zero;
        if (w.Has1)
        {
            double e = w.W1;
            V uyx = 3.0 / r5 * (alp4 * y * a5 * cd + alp5 * c * (a5 * sd - y * qr5 * a7));
            u.Ux += e * (-alp4 * a3 / r3 * cd + alp5 * c * qr * a5);
            u.Uy += e * (3.0 * x / r5 * (alp4 * y * cd + alp5 * c * (sd - y * qr5)));
            u.Uz += e * (3.0 * x / r5 * (-alp4 * y * sd + alp5 * c * (cd + d * qr5)));
            u.Uxx += e * (alp4 * 3.0 * x / r5 * (2.0 + a5) * cd - alp5 * c * qrx * (2.0 + a7));
            u.Uyx += e * uyx;
            u.Uzx += e * (3.0 / r5 * (-alp4 * y * a5 * sd + alp5 * c * (a5 * cd + d * qr5 * a7)));
            u.Uxy += e * uyx;
            u.Uyy += e * (3.0 * x / r5 * (alp4 * b5 * cd - alp5 * 5.0 * c / r2 * (2.0 * y * sd + q * b7)));
            u.Uzy += e * (3.0 * x / r5 * (-alp4 * b5 * sd + alp5 * 5.0 * c / r2 * (d * b7 * sd - y * c7 * cd)));
            u.Uxz += e * (3.0 / r5 * (-alp4 * d * a5 * cd + alp5 * c * (a5 * cd + d * qr5 * a7)));
            u.Uyz += e * (15.0 * x / r7 * (alp4 * y * d * cd + alp5 * c * (d * b7 * sd - y * c7 * cd)));
            u.Uzz += e * (15.0 * x / r7 * (-alp4 * y * d * sd + alp5 * c * (2.0 * d * cd - q * c7)));
        }
        if (w.Has2)
        {
            double e = w.W2;
            V uyx = 3.0 * x / r5 * (alp4 * (c2d - 5.0 * y * t / r2) - alp5 * 5.0 * c / r2 * (s - y * p * qr7));
            u.Ux += e * (alp4 * 3.0 * x * t / r5 - alp5 * c * p * qrx);
            u.Uy += e * (-alp4 / r3 * (c2d - 3.0 * y * t / r2) + alp5 * 3.0 * c / r5 * (s - y * p * qr5));
            u.Uz += e * (-alp4 * a3 / r3 * sdcd + alp5 * 3.0 * c / r5 * (t + d * p * qr5));
            u.Uxx += e * (alp4 * 3.0 * t / r5 * a5 - alp5 * 5.0 * c * p * qr / r2 * a7);
            u.Uyx += e * uyx;
            u.Uzx += e * (3.0 * x / r5 * (alp4 * (2.0 + a5) * sdcd - alp5 * 5.0 * c / r2 * (t + d * p * qr7)));
            u.Uxy += e * uyx;
            u.Uyy += e * (3.0 / r5 * (alp4 * (2.0 * y * c2d + t * b5) + alp5 * c * (s2d - 10.0 * y * s / r2 - p * qr5 * b7)));
            u.Uzy += e * (3.0 / r5 * (alp4 * y * a5 * sdcd - alp5 * c * ((3.0 + a5) * c2d + y * p * dr5 * qr7)));
            u.Uxz += e * (3.0 * x / r5 * (-alp4 * (s2d - t * dr5) - alp5 * 5.0 * c / r2 * (t + d * p * qr7)));
            u.Uyz += e * (3.0 / r5 * (-alp4 * (d * b5 * c2d + y * c5 * s2d) - alp5 * c * ((3.0 + a5) * c2d + y * p * dr5 * qr7)));
            u.Uzz += e * (3.0 / r5 * (-alp4 * d * a5 * sdcd - alp5 * c * (s2d - 10.0 * d * t / r2 + p * qr5 * c7)));
        }
        if (w.Has3)
        {
            double e = w.W3;
            V uyx = 3.0 * x / r5 * (-alp4 * (s2d - 5.0 * y * s / r2) - alp5 * 5.0 / r2 * (c * (t - y + y * q * qr7) - y * z));
            u.Ux += e * (3.0 * x / r5 * (-alp4 * s + alp5 * (c * q * qr5 - z)));
            u.Uy += e * (alp4 / r3 * (s2d - 3.0 * y * s / r2) + alp5 * 3.0 / r5 * (c * (t - y + y * q * qr5) - y * z));
            u.Uz += e * (-alp4 / r3 * (1.0 - a3 * sdsd) - alp5 * 3.0 / r5 * (c * (s - d + d * q * qr5) - d * z));
            u.Uxx += e * (-alp4 * 3.0 * s / r5 * a5 + alp5 * (c * qr * qr5 * a7 - 3.0 * z / r5 * a5));
            u.Uyx += e * uyx;
            u.Uzx += e * (3.0 * x / r5 * (alp4 * (1.0 - (2.0 + a5) * sdsd) + alp5 * 5.0 / r2 * (c * (s - d + d * q * qr7) - d * z)));
            u.Uxy += e * uyx;
            u.Uyy += e * (3.0 / r5 * (-alp4 * (2.0 * y * s2d + s * b5) - alp5 * (c * (2.0 * sdsd + 10.0 * y * (t - y) / r2 - q * qr5 * b7) + z * b5)));
            u.Uzy += e * (3.0 / r5 * (alp4 * y * (1.0 - a5 * sdsd) + alp5 * (c * (3.0 + a5) * s2d - y * dr5 * (c * d7 + z))));
            u.Uxz += e * (3.0 * x / r5 * (-alp4 * (c2d + s * dr5) + alp5 * (5.0 * c / r2 * (s - d + d * q * qr7) - 1.0 - z * dr5)));
            u.Uyz += e * (3.0 / r5 * (alp4 * (d * b5 * s2d - y * c5 * c2d) + alp5 * (c * ((3.0 + a5) * s2d - y * dr5 * d7) - y * (1.0 + z * dr5))));
            u.Uzz += e * (3.0 / r5 * (-alp4 * d * (1.0 - a5 * sdsd) - alp5 * (c * (c2d + 10.0 * d * (s - d) / r2 - q * qr5 * c7) + z * (1.0 + c5))));
        }
        if (w.Has4)
        {
            double e = w.W4;
            V uyx = -alp4 * 15.0 * xy * d / r7;
            V uzx = -alp4 * 3.0 * x / r5 * c5;
            V uzy = -alp4 * 3.0 * y / r5 * c5;
            u.Ux += e * (alp4 * 3.0 * x * d / r5);
            u.Uy += e * (alp4 * 3.0 * y * d / r5);
            u.Uz += e * (alp4 * g.C3 / r3);
            u.Uxx += e * (alp4 * 3.0 * d / r5 * a5);
            u.Uyx += e * uyx;
            u.Uzx += e * uzx;
            u.Uxy += e * uyx;
            u.Uyy += e * (alp4 * 3.0 * d / r5 * b5);
            u.Uzy += e * uzy;
            u.Uxz += e * uzx;
            u.Uyz += e * uzy;
            u.Uzz += e * (alp4 * 3.0 * d / r5 * (2.0 + c5));
        }
        return u;
    }
}
