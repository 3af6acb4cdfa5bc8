using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Part B of the point-source solution, Okada (1992) Table 3 with the I, J, K terms of eq. (9). At the free
/// surface this is the whole answer (the Okada 1985 point-source forms).
/// </summary>
internal static class PointPartB
{
    /// <typeparam name="TGradients">When off, only ux, uy, uz are computed.</typeparam>
    public static Gradient12<V> Evaluate<V, TGradients>(in PointGeometry<V> g, V z, in KernelConstants k, in DislocationWeights w)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        V x = g.X, y = g.Y, d = g.D, p = g.P, q = g.Q, xy = g.Xy, x2 = g.X2, y2 = g.Y2, d2 = g.D2;
        V r = g.R, r2 = g.R2, r3 = g.R3, r5 = g.R5, qr = g.Qr, qrx = g.Qrx, a3 = g.A3, a5 = g.A5;
        double alp3 = k.Alp3, sd = k.Sd, sdcd = k.SdCd, sdsd = k.SdSd;

        V c = d + z;
        V rd = r + d;
        V d12 = 1.0 / (r * rd * rd);
        V d32 = d12 * (2.0 * r + d) / r2;
        V d33 = d12 * (3.0 * r + d) / (r2 * rd);
        V fi1 = y * (d12 - x2 * d33);
        V fi2 = x * (d12 - y2 * d33);
        V fi3 = x / r3 - fi2;
        V fi4 = -xy * d32;
        V fi5 = 1.0 / (r * rd) - x2 * d32;

        var u = Gradient12<V>.Zero;
        V zero = V.Broadcast(0.0);
        V fj1 = zero, fj2 = zero, fj3 = zero, fj4 = zero, fk1 = zero, fk2 = zero, fk3 = zero;
        if (TGradients.Value)
        {
            V d53 = d12 * (8.0 * r2 + 9.0 * r * d + 3.0 * d2) / (r2 * r2 * rd);
            V d54 = d12 * (5.0 * r2 + 4.0 * r * d + d2) / r3 * d12;
            fj1 = -3.0 * xy * (d33 - x2 * d54);
            fj2 = 1.0 / r3 - 3.0 * d12 + 3.0 * x2 * y2 * d54;
            fj3 = a3 / r3 - fj2;
            fj4 = -3.0 * xy / r5 - fj1;
            fk1 = -y * (d32 - x2 * d53);
            fk2 = -x * (d32 - y2 * d53);
            fk3 = -3.0 * x * d / r5 - fk2;
        }

        if (w.Has1)
        {
            double s = w.W1;
            u.Ux += s * (-x2 * qr - alp3 * fi1 * sd);
            u.Uy += s * (-xy * qr - alp3 * fi2 * sd);
            u.Uz += s * (-c * x * qr - alp3 * fi4 * sd);
            if (TGradients.Value)
            {
                u.Uxx += s * (-x * qr * (1.0 + a5) - alp3 * fj1 * sd);
                u.Uyx += s * (-y * qr * a5 - alp3 * fj2 * sd);
                u.Uzx += s * (-c * qr * a5 - alp3 * fk1 * sd);
                u.Uxy += s * (-3.0 * x2 / r5 * g.Uy - alp3 * fj2 * sd);
                u.Uyy += s * (-3.0 * xy / r5 * g.Uy - x * qr - alp3 * fj4 * sd);
                u.Uzy += s * (-3.0 * c * x / r5 * g.Uy - alp3 * fk2 * sd);
                u.Uxz += s * (-3.0 * x2 / r5 * g.Uz + alp3 * fk1 * sd);
                u.Uyz += s * (-3.0 * xy / r5 * g.Uz + alp3 * fk2 * sd);
                u.Uzz += s * (3.0 * x / r5 * (-c * g.Uz + alp3 * y * sd));
            }
        }
        if (w.Has2)
        {
            double s = w.W2;
            u.Ux += s * (-x * p * qr + alp3 * fi3 * sdcd);
            u.Uy += s * (-y * p * qr + alp3 * fi1 * sdcd);
            u.Uz += s * (-c * p * qr + alp3 * fi5 * sdcd);
            if (TGradients.Value)
            {
                u.Uxx += s * (-p * qr * a5 + alp3 * fj3 * sdcd);
                u.Uyx += s * (y * p * qrx + alp3 * fj1 * sdcd);
                u.Uzx += s * (c * p * qrx + alp3 * fk3 * sdcd);
                u.Uxy += s * (-3.0 * x / r5 * g.Vy + alp3 * fj1 * sdcd);
                u.Uyy += s * (-3.0 * y / r5 * g.Vy - p * qr + alp3 * fj2 * sdcd);
                u.Uzy += s * (-3.0 * c / r5 * g.Vy + alp3 * fk1 * sdcd);
                u.Uxz += s * (-3.0 * x / r5 * g.Vz - alp3 * fk3 * sdcd);
                u.Uyz += s * (-3.0 * y / r5 * g.Vz - alp3 * fk1 * sdcd);
                u.Uzz += s * (-3.0 * c / r5 * g.Vz + alp3 * a3 / r3 * sdcd);
            }
        }
        if (w.Has3)
        {
            double s = w.W3;
            u.Ux += s * (x * q * qr - alp3 * fi3 * sdsd);
            u.Uy += s * (y * q * qr - alp3 * fi1 * sdsd);
            u.Uz += s * (c * q * qr - alp3 * fi5 * sdsd);
            if (TGradients.Value)
            {
                u.Uxx += s * (q * qr * a5 - alp3 * fj3 * sdsd);
                u.Uyx += s * (-y * q * qrx - alp3 * fj1 * sdsd);
                u.Uzx += s * (-c * q * qrx - alp3 * fk3 * sdsd);
                u.Uxy += s * (x * qr * g.Wy - alp3 * fj1 * sdsd);
                u.Uyy += s * (qr * (y * g.Wy + q) - alp3 * fj2 * sdsd);
                u.Uzy += s * (c * qr * g.Wy - alp3 * fk1 * sdsd);
                u.Uxz += s * (x * qr * g.Wz + alp3 * fk3 * sdsd);
                u.Uyz += s * (y * qr * g.Wz + alp3 * fk1 * sdsd);
                u.Uzz += s * (c * qr * g.Wz - alp3 * a3 / r3 * sdsd);
            }
        }
        if (w.Has4)
        {
            double s = w.W4;
            u.Ux += s * (alp3 * x / r3);
            u.Uy += s * (alp3 * y / r3);
            u.Uz += s * (alp3 * d / r3);
            if (TGradients.Value)
            {
                V uyx = -alp3 * 3.0 * xy / r5;
                V uzx = -alp3 * 3.0 * x * d / r5;
                V uzy = -alp3 * 3.0 * y * d / r5;
                u.Uxx += s * (alp3 * a3 / r3);
                u.Uyx += s * uyx;
                u.Uzx += s * uzx;
                u.Uxy += s * uyx;
                u.Uyy += s * (alp3 * g.B3 / r3);
                u.Uzy += s * uzy;
                u.Uxz += s * -uzx;
                u.Uyz += s * -uzy;
                u.Uzz += s * (-alp3 * g.C3 / r3);
            }
        }
        return u;
    }
}
