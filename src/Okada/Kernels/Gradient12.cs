using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Displacement and its nine derivatives, in DC3D's order: ux uy uz, ∂/∂x (uxx uyx uzx), ∂/∂y (uxy uyy uzy),
/// ∂/∂z (uxz uyz uzz). Mutable accumulator for the kernels.
/// </summary>
internal struct Gradient12<V> where V : struct, ILanes<V>
{
    public V Ux, Uy, Uz, Uxx, Uyx, Uzx, Uxy, Uyy, Uzy, Uxz, Uyz, Uzz;

    public static Gradient12<V> Zero
    {
        get
        {
            V z = V.Broadcast(0.0);
            return new Gradient12<V> { Ux = z, Uy = z, Uz = z, Uxx = z, Uyx = z, Uzx = z, Uxy = z, Uyy = z, Uzy = z, Uxz = z, Uyz = z, Uzz = z };
        }
    }

    /// <summary>this += w·du, component by component (only the displacement when gradients are off).</summary>
    public void AddScaled<TGradients>(double w, in Gradient12<V> du) where TGradients : struct, IFlag
    {
        Ux += w * du.Ux; Uy += w * du.Uy; Uz += w * du.Uz;
        if (!TGradients.Value) return;
        Uxx += w * du.Uxx; Uyx += w * du.Uyx; Uzx += w * du.Uzx;
        Uxy += w * du.Uxy; Uyy += w * du.Uyy; Uzy += w * du.Uzy;
        Uxz += w * du.Uxz; Uyz += w * du.Uyz; Uzz += w * du.Uzz;
    }

    /// <summary>Sets every component to zero in the lanes of <paramref name="mask"/>.</summary>
    public void ZeroWhere(V mask)
    {
        V z = V.Broadcast(0.0);
        Ux = V.Select(mask, z, Ux); Uy = V.Select(mask, z, Uy); Uz = V.Select(mask, z, Uz);
        Uxx = V.Select(mask, z, Uxx); Uyx = V.Select(mask, z, Uyx); Uzx = V.Select(mask, z, Uzx);
        Uxy = V.Select(mask, z, Uxy); Uyy = V.Select(mask, z, Uyy); Uzy = V.Select(mask, z, Uzy);
        Uxz = V.Select(mask, z, Uxz); Uyz = V.Select(mask, z, Uyz); Uzz = V.Select(mask, z, Uzz);
    }
}
