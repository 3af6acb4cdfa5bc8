using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// Displacement and its horizontal derivatives (tilt and horizontal strain) at the free surface z = 0 due to a
/// rectangular dislocation: the Okada (1985) closed forms. At z = 0 the real and image part-A terms of DC3D cancel
/// and part C is multiplied by z, so only part B remains. Written with the general corner and part-B code; the
/// displacement-only hot path is <see cref="SurfaceDisplacementKernel"/>.
/// </summary>
internal static class SurfaceRectangleKernel
{
    /// <summary>The four corners in DC3D's order, with their Chinnery signs +, −, −, +.</summary>
    private struct Corners
    {
        public static void Compute<V, TGradients>(in Dc3dSource s, in KernelConstants k, V x, V y,
            out FiniteCorner<V> c11, out FiniteCorner<V> c21, out FiniteCorner<V> c12, out FiniteCorner<V> c22,
            out V singular)
            where V : struct, ILanes<V>
            where TGradients : struct, IFlag
        {
            var e = RectangleEdges<V>.AtSurface(s, k, x, y, out V xi1, out V xi2);
            singular = e.Singular;
            c11 = FiniteCorner<V>.Compute<TGradients>(xi1, e.Et1, e.Q, e.Kxi1, e.Ket1, k);
            c21 = FiniteCorner<V>.Compute<TGradients>(xi2, e.Et1, e.Q, e.Kxi1, e.Ket2, k);
            c12 = FiniteCorner<V>.Compute<TGradients>(xi1, e.Et2, e.Q, e.Kxi2, e.Ket1, k);
            c22 = FiniteCorner<V>.Compute<TGradients>(xi2, e.Et2, e.Q, e.Kxi2, e.Ket2, k);
        }
    }

    /// <summary>Weighted displacement (and horizontal gradients) in Okada's frame; singular lanes are zero.</summary>
    /// <typeparam name="TGradients">On: also ∂u/∂x and ∂u/∂y (the z-derivative fields stay zero).</typeparam>
    public static Gradient12<V> Evaluate<V, TGradients>(in Dc3dSource s, in KernelConstants k,
        in DislocationWeights w, V x, V y, out V singular)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        Corners.Compute<V, TGradients>(s, k, x, y, out var c11, out var c21, out var c12, out var c22, out singular);
        var u = Gradient12<V>.Zero;
        AddRotated<V, TGradients>(ref u, FinitePartB.Evaluate<V, TGradients>(c11, k, w), k, 1.0);
        AddRotated<V, TGradients>(ref u, FinitePartB.Evaluate<V, TGradients>(c21, k, w), k, -1.0);
        AddRotated<V, TGradients>(ref u, FinitePartB.Evaluate<V, TGradients>(c12, k, w), k, -1.0);
        AddRotated<V, TGradients>(ref u, FinitePartB.Evaluate<V, TGradients>(c22, k, w), k, 1.0);
        u.ZeroWhere(singular);
        return u;
    }

    /// <summary>u += w·R·b: part B from the dip-aligned frame to Okada's x, y, z (as DC3D's image source at z = 0).</summary>
    private static void AddRotated<V, TGradients>(ref Gradient12<V> u, in Gradient12<V> b, in KernelConstants k, double w)
        where V : struct, ILanes<V>
        where TGradients : struct, IFlag
    {
        double sd = k.Sd, cd = k.Cd;
        u.Ux += w * b.Ux;
        u.Uy += w * (b.Uy * cd - b.Uz * sd);
        u.Uz += w * (b.Uy * sd + b.Uz * cd);
        if (!TGradients.Value) return;
        u.Uxx += w * b.Uxx;
        u.Uyx += w * (b.Uyx * cd - b.Uzx * sd);
        u.Uzx += w * (b.Uyx * sd + b.Uzx * cd);
        u.Uxy += w * b.Uxy;
        u.Uyy += w * (b.Uyy * cd - b.Uzy * sd);
        u.Uzy += w * (b.Uyy * sd + b.Uzy * cd);
    }
}
