using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>Part A of the point-source solution, Okada (1992) Table 3 (infinite-medium terms).</summary>
internal static class PointPartA
{
    public static Gradient12<V> Evaluate<V>(in PointGeometry<V> g, in KernelConstants k, in DislocationWeights w)
        where V : struct, ILanes<V>
    {
        var u = Gradient12<V>.Zero;
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, s = g.S, t = g.T, xy = g.Xy, x2 = g.X2;
        V r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        double alp1 = k.Alp1, alp2 = k.Alp2, sd = k.Sd, cd = k.Cd, s2d = k.S2d, c2d = k.C2d;

        if (w.Has1)
        {
            double c = w.W1;
            u.Ux += c * (alp1 * q / r3 + alp2 * x2 * qr);
            u.Uy += c * (alp1 * x / r3 * sd + alp2 * xy * qr);
            u.Uz += c * (-alp1 * x / r3 * cd + alp2 * x * d * qr);
            u.Uxx += c * (x * qr * (-alp1 + alp2 * (1.0 + a5)));
            u.Uyx += c * (alp1 * a3 / r3 * sd + alp2 * y * qr * a5);
            u.Uzx += c * (-alp1 * a3 / r3 * cd + alp2 * d * qr * a5);
            u.Uxy += c * (alp1 * (sd / r3 - y * qr) + alp2 * 3.0 * x2 / r5 * g.Uy);
            u.Uyy += c * (3.0 * x / r5 * (-alp1 * y * sd + alp2 * (y * g.Uy + q)));
            u.Uzy += c * (3.0 * x / r5 * (alp1 * y * cd + alp2 * d * g.Uy));
            u.Uxz += c * (alp1 * (cd / r3 + d * qr) + alp2 * 3.0 * x2 / r5 * g.Uz);
            u.Uyz += c * (3.0 * x / r5 * (alp1 * d * sd + alp2 * y * g.Uz));
            u.Uzz += c * (3.0 * x / r5 * (-alp1 * d * cd + alp2 * (d * g.Uz - q)));
        }
        if (w.Has2)
        {
            double c = w.W2;
            u.Ux += c * (alp2 * x * p * qr);
            u.Uy += c * (alp1 * s / r3 + alp2 * y * p * qr);
            u.Uz += c * (-alp1 * t / r3 + alp2 * d * p * qr);
            u.Uxx += c * (alp2 * p * qr * a5);
            u.Uyx += c * (-alp1 * 3.0 * x * s / r5 - alp2 * y * p * qrx);
            u.Uzx += c * (alp1 * 3.0 * x * t / r5 - alp2 * d * p * qrx);
            u.Uxy += c * (alp2 * 3.0 * x / r5 * g.Vy);
            u.Uyy += c * (alp1 * (s2d / r3 - 3.0 * y * s / r5) + alp2 * (3.0 * y / r5 * g.Vy + p * qr));
            u.Uzy += c * (-alp1 * (c2d / r3 - 3.0 * y * t / r5) + alp2 * 3.0 * d / r5 * g.Vy);
            u.Uxz += c * (alp2 * 3.0 * x / r5 * g.Vz);
            u.Uyz += c * (alp1 * (c2d / r3 + 3.0 * d * s / r5) + alp2 * 3.0 * y / r5 * g.Vz);
            u.Uzz += c * (alp1 * (s2d / r3 - 3.0 * d * t / r5) + alp2 * (3.0 * d / r5 * g.Vz - p * qr));
        }
        if (w.Has3)
        {
            double c = w.W3;
            u.Ux += c * (alp1 * x / r3 - alp2 * x * q * qr);
            u.Uy += c * (alp1 * t / r3 - alp2 * y * q * qr);
            u.Uz += c * (alp1 * s / r3 - alp2 * d * q * qr);
            u.Uxx += c * (alp1 * a3 / r3 - alp2 * q * qr * a5);
            u.Uyx += c * (-alp1 * 3.0 * x * t / r5 + alp2 * y * q * qrx);
            u.Uzx += c * (-alp1 * 3.0 * x * s / r5 + alp2 * d * q * qrx);
            u.Uxy += c * (-alp1 * 3.0 * xy / r5 - alp2 * x * qr * g.Wy);
            u.Uyy += c * (alp1 * (c2d / r3 - 3.0 * y * t / r5) - alp2 * (y * g.Wy + q) * qr);
            u.Uzy += c * (alp1 * (s2d / r3 - 3.0 * y * s / r5) - alp2 * d * qr * g.Wy);
            u.Uxz += c * (alp1 * 3.0 * x * d / r5 - alp2 * x * qr * g.Wz);
            u.Uyz += c * (-alp1 * (s2d / r3 - 3.0 * d * t / r5) - alp2 * y * qr * g.Wz);
            u.Uzz += c * (alp1 * (c2d / r3 + 3.0 * d * s / r5) - alp2 * (d * g.Wz - q) * qr);
        }
        if (w.Has4)
        {
            double c = w.W4;
            V uyx = alp1 * 3.0 * xy / r5;
            V uzx = alp1 * 3.0 * x * d / r5;
            V uzy = alp1 * 3.0 * y * d / r5;
            u.Ux += c * (-alp1 * x / r3);
            u.Uy += c * (-alp1 * y / r3);
            u.Uz += c * (-alp1 * d / r3);
            u.Uxx += c * (-alp1 * a3 / r3);
            u.Uyx += c * uyx;
            u.Uzx += c * uzx;
            u.Uxy += c * uyx;
            u.Uyy += c * (-alp1 * g.B3 / r3);
            u.Uzy += c * uzy;
            u.Uxz += c * -uzx;
            u.Uyz += c * -uzy;
            u.Uzz += c * (alp1 * g.C3 / r3);
        }
        return u;
    }
}
