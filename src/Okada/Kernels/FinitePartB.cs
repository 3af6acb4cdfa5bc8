using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Part B of the finite-rectangle solution, Okada (1992) Table 6. At the free surface this is the whole answer:
/// the Okada (1985) closed forms. Each row method returns the unit-dislocation response (before the 1/2π weight)
/// of one component, so Green's functions can share the corner work among components.
/// </summary>
internal static class FinitePartB
{
    /// <summary>Σ wᵢ·rowsᵢ over the non-zero dislocation components, accumulated in DC3D's order.</summary>
    public static Gradient12<V> Evaluate<V, TGradients>(in FiniteCorner<V> c, in KernelConstants k, in DislocationWeights w)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        var t = FinitePartBTerms<V>.Compute<TGradients>(c, k);
        var u = Gradient12<V>.Zero;
        if (w.Has1) u.AddScaled<TGradients>(w.W1, StrikeSlip<V, TGradients>(c, t, k));
        if (w.Has2) u.AddScaled<TGradients>(w.W2, DipSlip<V, TGradients>(c, t, k));
        if (w.Has3) u.AddScaled<TGradients>(w.W3, Tensile<V, TGradients>(c, t, k));
        return u;
    }

    public static Gradient12<V> StrikeSlip<V, TGradients>(in FiniteCorner<V> c, in FinitePartBTerms<V> t, in KernelConstants k)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        V xi = c.Xi, q = c.Q, r = c.R, y = c.Y, d = c.D;
        double sd = k.Sd, alp3 = k.Alp3;
        Gradient12<V> u = default;
        u.Ux = -xi * t.Qy - c.Tt - alp3 * t.Ai1 * sd;
        u.Uy = -q / r + alp3 * y / t.Rd * sd;
        u.Uz = q * t.Qy - alp3 * t.Ai2 * sd;
        if (TGradients.Value)
        {
            u.Uxx = c.Xi2 * q * c.Y32 - alp3 * t.Aj1 * sd;
            u.Uyx = xi * q / c.R3 - alp3 * t.Aj2 * sd;
            u.Uzx = -xi * c.Q2 * c.Y32 - alp3 * t.Aj3 * sd;
            u.Uxy = -xi * c.Fy - d * c.X11 + alp3 * (t.Xy + t.Aj4) * sd;
            u.Uyy = -c.Ey + alp3 * (1.0 / r + t.Aj5) * sd;
            u.Uzy = q * c.Fy - alp3 * (t.Qy - t.Aj6) * sd;
            u.Uxz = -xi * c.Fz - y * c.X11 + alp3 * t.Ak1 * sd;
            u.Uyz = -c.Ez + alp3 * y * t.D11 * sd;
            u.Uzz = q * c.Fz + alp3 * t.Ak2 * sd;
        }
        return u;
    }

    public static Gradient12<V> DipSlip<V, TGradients>(in FiniteCorner<V> c, in FinitePartBTerms<V> t, in KernelConstants k)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        V xi = c.Xi, et = c.Et, q = c.Q, r = c.R;
        double sd = k.Sd, cd = k.Cd, sdcd = k.SdCd, alp3 = k.Alp3;
        Gradient12<V> u = default;
        u.Ux = -q / r + alp3 * t.Ai3 * sdcd;
        u.Uy = -et * t.Qx - c.Tt - alp3 * xi / t.Rd * sdcd;
        u.Uz = q * t.Qx + alp3 * t.Ai4 * sdcd;
        if (TGradients.Value)
        {
            u.Uxx = xi * q / c.R3 + alp3 * t.Aj4 * sdcd;
            u.Uyx = et * q / c.R3 + t.Qy + alp3 * t.Aj5 * sdcd;
            u.Uzx = -c.Q2 / c.R3 + alp3 * t.Aj6 * sdcd;
            u.Uxy = -c.Ey + alp3 * t.Aj1 * sdcd;
            u.Uyy = -et * c.Gy - t.Xy * sd + alp3 * t.Aj2 * sdcd;
            u.Uzy = q * c.Gy + alp3 * t.Aj3 * sdcd;
            u.Uxz = -c.Ez - alp3 * t.Ak3 * sdcd;
            u.Uyz = -et * c.Gz - t.Xy * cd - alp3 * xi * t.D11 * sdcd;
            u.Uzz = q * c.Gz - alp3 * t.Ak4 * sdcd;
        }
        return u;
    }

    public static Gradient12<V> Tensile<V, TGradients>(in FiniteCorner<V> c, in FinitePartBTerms<V> t, in KernelConstants k)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        V xi = c.Xi, et = c.Et, q = c.Q;
        double sdsd = k.SdSd, alp3 = k.Alp3;
        Gradient12<V> u = default;
        u.Ux = q * t.Qy - alp3 * t.Ai3 * sdsd;
        u.Uy = q * t.Qx + alp3 * xi / t.Rd * sdsd;
        u.Uz = et * t.Qx + xi * t.Qy - c.Tt - alp3 * t.Ai4 * sdsd;
        if (TGradients.Value)
        {
            u.Uxx = -xi * c.Q2 * c.Y32 - alp3 * t.Aj4 * sdsd;
            u.Uyx = -c.Q2 / c.R3 - alp3 * t.Aj5 * sdsd;
            u.Uzx = q * c.Q2 * c.Y32 - alp3 * t.Aj6 * sdsd;
            u.Uxy = q * c.Fy - alp3 * t.Aj1 * sdsd;
            u.Uyy = q * c.Gy - alp3 * t.Aj2 * sdsd;
            u.Uzy = -q * c.Hy - alp3 * t.Aj3 * sdsd;
            u.Uxz = q * c.Fz + alp3 * t.Ak3 * sdsd;
            u.Uyz = q * c.Gz + alp3 * xi * t.D11 * sdsd;
            u.Uzz = -q * c.Hz + alp3 * t.Ak4 * sdsd;
        }
        return u;
    }
}
