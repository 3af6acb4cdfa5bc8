using System.Runtime.CompilerServices;
using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Part A of the finite-rectangle solution, Okada (1992) Table 6: the infinite-medium terms, evaluated for the
/// real source and for the image source.
/// </summary>
internal static class FinitePartA
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Gradient12<V> Evaluate<V>(in FiniteCorner<V> c, in KernelConstants k, in DislocationWeights w)
        where V : struct, ILanes<V>
    {
        var u = Gradient12<V>.Zero;
        V xi = c.Xi, et = c.Et, q = c.Q, r = c.R, r3 = c.R3, y = c.Y, d = c.D;
        V xy = xi * c.Y11;
        V qx = q * c.X11;
        V qy = q * c.Y11;
        double alp1 = k.Alp1, alp2 = k.Alp2, sd = k.Sd, cd = k.Cd;

        if (w.Has1)
        {
            double s = w.W1;
            u.Ux += s * (c.Tt / 2.0 + alp2 * xi * qy);
            u.Uy += s * (alp2 * q / r);
            u.Uz += s * (alp1 * c.Ale - alp2 * q * qy);
            u.Uxx += s * (-alp1 * qy - alp2 * c.Xi2 * q * c.Y32);
            u.Uyx += s * (-alp2 * xi * q / r3);
            u.Uzx += s * (alp1 * xy + alp2 * xi * c.Q2 * c.Y32);
            u.Uxy += s * (alp1 * xy * sd + alp2 * xi * c.Fy + d / 2.0 * c.X11);
            u.Uyy += s * (alp2 * c.Ey);
            u.Uzy += s * (alp1 * (cd / r + qy * sd) - alp2 * q * c.Fy);
            u.Uxz += s * (alp1 * xy * cd + alp2 * xi * c.Fz + y / 2.0 * c.X11);
            u.Uyz += s * (alp2 * c.Ez);
            u.Uzz += s * (-alp1 * (sd / r - qy * cd) - alp2 * q * c.Fz);
        }
        if (w.Has2)
        {
            double s = w.W2;
            u.Ux += s * (alp2 * q / r);
            u.Uy += s * (c.Tt / 2.0 + alp2 * et * qx);
            u.Uz += s * (alp1 * c.Alx - alp2 * q * qx);
            u.Uxx += s * (-alp2 * xi * q / r3);
            u.Uyx += s * (-qy / 2.0 - alp2 * et * q / r3);
            u.Uzx += s * (alp1 / r + alp2 * c.Q2 / r3);
            u.Uxy += s * (alp2 * c.Ey);
            u.Uyy += s * (alp1 * d * c.X11 + xy / 2.0 * sd + alp2 * et * c.Gy);
            u.Uzy += s * (alp1 * y * c.X11 - alp2 * q * c.Gy);
            u.Uxz += s * (alp2 * c.Ez);
            u.Uyz += s * (alp1 * y * c.X11 + xy / 2.0 * cd + alp2 * et * c.Gz);
            u.Uzz += s * (-alp1 * d * c.X11 - alp2 * q * c.Gz);
        }
        if (w.Has3)
        {
            double s = w.W3;
            u.Ux += s * (-alp1 * c.Ale - alp2 * q * qy);
            u.Uy += s * (-alp1 * c.Alx - alp2 * q * qx);
            u.Uz += s * (c.Tt / 2.0 - alp2 * (et * qx + xi * qy));
            u.Uxx += s * (-alp1 * xy + alp2 * xi * c.Q2 * c.Y32);
            u.Uyx += s * (-alp1 / r + alp2 * c.Q2 / r3);
            u.Uzx += s * (-alp1 * qy - alp2 * q * c.Q2 * c.Y32);
            u.Uxy += s * (-alp1 * (cd / r + qy * sd) - alp2 * q * c.Fy);
            u.Uyy += s * (-alp1 * y * c.X11 - alp2 * q * c.Gy);
            u.Uzy += s * (alp1 * (d * c.X11 + xy * sd) + alp2 * q * c.Hy);
            u.Uxz += s * (alp1 * (sd / r - qy * cd) - alp2 * q * c.Fz);
            u.Uyz += s * (alp1 * d * c.X11 - alp2 * q * c.Gz);
            u.Uzz += s * (alp1 * (y * c.X11 + xy * cd) + alp2 * q * c.Hz);
        }
        return u;
    }
}
