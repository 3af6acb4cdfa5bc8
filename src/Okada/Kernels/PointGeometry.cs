using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Geometry of the observation point relative to a point source, Okada (1992) eqs. (6)–(9) and the auxiliary
/// terms of Table 3 (DCCON1 in Okada's code). x, y, d are already snapped to zero below 1e-6.
/// </summary>
internal struct PointGeometry<V> where V : struct, ILanes<V>
{
    public V X, Y, D, P, Q, S, T, Xy, X2, Y2, D2, R, R2, R3, R5, Qr, Qrx, A3, A5, B3, C3, Uy, Vy, Wy, Uz, Vz, Wz;

    /// <typeparam name="TGradients">When off, only the terms needed for displacement are computed.</typeparam>
    public static PointGeometry<V> Compute<TGradients>(V x, V y, V d, in KernelConstants k)
        where TGradients : struct, IFlag
    {
        var g = new PointGeometry<V> { X = x, Y = y, D = d };
        double sd = k.Sd, cd = k.Cd;
        g.P = y * cd + d * sd;
        g.Q = y * sd - d * cd;
        g.S = g.P * sd + g.Q * cd;
        g.T = g.P * cd - g.Q * sd;
        g.Xy = x * y;
        g.X2 = x * x;
        g.Y2 = y * y;
        g.D2 = d * d;
        g.R2 = g.X2 + g.Y2 + g.D2;
        g.R = V.Sqrt(g.R2);
        g.R3 = g.R * g.R2;
        g.R5 = g.R3 * g.R2;
        g.A3 = 1.0 - 3.0 * g.X2 / g.R2;
        g.A5 = 1.0 - 5.0 * g.X2 / g.R2;
        g.B3 = 1.0 - 3.0 * g.Y2 / g.R2;
        g.C3 = 1.0 - 3.0 * g.D2 / g.R2;
        g.Qr = 3.0 * g.Q / g.R5;
        g.Qrx = 5.0 * g.Qr * x / g.R2;
        if (TGradients.Value)
        {
            g.Uy = sd - 5.0 * y * g.Q / g.R2;
            g.Uz = cd + 5.0 * d * g.Q / g.R2;
            g.Vy = g.S - 5.0 * y * g.P * g.Q / g.R2;
            g.Vz = g.T + 5.0 * d * g.P * g.Q / g.R2;
            g.Wy = g.Uy + sd;
            g.Wz = g.Uz + cd;
        }
        return g;
    }
}
