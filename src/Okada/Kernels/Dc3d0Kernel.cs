using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// DC3D0 (Okada 1992): displacement and its nine derivatives at internal points of a half-space due to a point
/// source, for a register of observation points: −A of the real source plus A + B + z·C of the image source.
/// </summary>
/// <remarks>
/// As in DC3D0, x and y within 1e-6 of zero are snapped to zero (once, for both sources), the source-to-point
/// depth too; a point at the source itself (R = 0) is singular and z &gt; 0 is rejected; rejected lanes are zero.
/// </remarks>
internal static class Dc3d0Kernel
{
    public static Gradient12<V> Evaluate<V>(in Dc3d0Source s, in KernelConstants k, in DislocationWeights w,
        V x, V y, V z, out V singular, out V positiveZ)
        where V : struct, ILanes<V>
    {
        V zero = V.Broadcast(0.0);
        V eps = V.Broadcast(KernelConstants.Eps);
        positiveZ = V.LessThan(zero, z);
        x = Dc3dKernel.SnapToZero(x, eps);
        y = Dc3dKernel.SnapToZero(y, eps);

        // Real source.
        V d = Dc3dKernel.SnapToZero(z + s.Depth, eps);
        var real = PointGeometry<V>.Compute<On>(x, y, d, k);
        singular = V.Select(positiveZ, zero, V.Equal(real.R, zero));
        var a = PointPartA.Evaluate(real, k, w);
        var u = Gradient12<V>.Zero;
        u.Ux -= a.Ux; u.Uy -= a.Uy; u.Uz -= a.Uz;
        u.Uxx -= a.Uxx; u.Uyx -= a.Uyx; u.Uzx -= a.Uzx;
        u.Uxy -= a.Uxy; u.Uyy -= a.Uyy; u.Uzy -= a.Uzy;
        u.Uxz += a.Uxz; u.Uyz += a.Uyz; u.Uzz += a.Uzz;

        // Image source.
        d = Dc3dKernel.SnapToZero(s.Depth - z, eps);
        var image = PointGeometry<V>.Compute<On>(x, y, d, k);
        a = PointPartA.Evaluate(image, k, w);
        var b = PointPartB.Evaluate<V, On>(image, z, k, w);
        var c = PointPartC.Evaluate(image, z, k, w);
        u.Ux += a.Ux + b.Ux + z * c.Ux;
        u.Uy += a.Uy + b.Uy + z * c.Uy;
        u.Uz += a.Uz + b.Uz + z * c.Uz;
        u.Uxx += a.Uxx + b.Uxx + z * c.Uxx;
        u.Uyx += a.Uyx + b.Uyx + z * c.Uyx;
        u.Uzx += a.Uzx + b.Uzx + z * c.Uzx;
        u.Uxy += a.Uxy + b.Uxy + z * c.Uxy;
        u.Uyy += a.Uyy + b.Uyy + z * c.Uyy;
        u.Uzy += a.Uzy + b.Uzy + z * c.Uzy;
        u.Uxz += a.Uxz + b.Uxz + z * c.Uxz + c.Ux;
        u.Uyz += a.Uyz + b.Uyz + z * c.Uyz + c.Uy;
        u.Uzz += a.Uzz + b.Uzz + z * c.Uzz + c.Uz;

        u.ZeroWhere(V.Or(positiveZ, singular));
        return u;
    }
}
