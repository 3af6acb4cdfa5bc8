using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Displacement (and optionally its horizontal derivatives) at the free surface due to a point source: at z = 0
/// the part-A terms of DC3D0's real and image sources cancel and part C is multiplied by z, leaving part B (the
/// Okada 1985 point-source forms).
/// </summary>
internal static class SurfacePointKernel
{
    /// <typeparam name="TGradients">On: also ∂u/∂x and ∂u/∂y (the z-derivative fields stay zero).</typeparam>
    public static Gradient12<V> Evaluate<V, TGradients>(in Dc3d0Source s, in KernelConstants k,
        in DislocationWeights w, V x, V y, out V singular)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        V zero = V.Broadcast(0.0);
        V eps = V.Broadcast(KernelConstants.Eps);
        x = Dc3dKernel.SnapToZero(x, eps);
        y = Dc3dKernel.SnapToZero(y, eps);
        V d = Dc3dKernel.SnapToZero(V.Broadcast(s.Depth), eps);
        var g = PointGeometry<V>.Compute<TGradients>(x, y, d, k);
        singular = V.Equal(g.R, zero);
        var u = PointPartB.Evaluate<V, TGradients>(g, zero, k, w);
        if (!TGradients.Value)
        {
            u.Uxx = zero; u.Uyx = zero; u.Uzx = zero; u.Uxy = zero; u.Uyy = zero; u.Uzy = zero;
        }
        u.Uxz = zero; u.Uyz = zero; u.Uzz = zero;
        u.ZeroWhere(singular);
        return u;
    }
}
