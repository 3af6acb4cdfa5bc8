using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>The I, J, K terms of the point-source part B (Okada 1992, eq. 9), shared by the four potencies.</summary>
internal struct PointPartBTerms<V> where V : struct, ILanes<V>
{
    public V C, Fi1, Fi2, Fi3, Fi4, Fi5, Fj1, Fj2, Fj3, Fj4, Fk1, Fk2, Fk3;

    /// <typeparam name="TGradients">When off, only the I terms (displacement) are computed.</typeparam>
    public static PointPartBTerms<V> Compute<TGradients>(in PointGeometry<V> g, V z) where TGradients : struct, IFlag
    {
        V x = g.X, y = g.Y, d = g.D, xy = g.Xy, x2 = g.X2, y2 = g.Y2, d2 = g.D2;
        V r = g.R, r2 = g.R2, r3 = g.R3, r5 = g.R5, a3 = g.A3;
        var t = new PointPartBTerms<V>();
        t.C = d + z;
        V rd = r + d;
        V d12 = 1.0 / (r * rd * rd);
        V d32 = d12 * (2.0 * r + d) / r2;
        V d33 = d12 * (3.0 * r + d) / (r2 * rd);
        t.Fi1 = y * (d12 - x2 * d33);
        t.Fi2 = x * (d12 - y2 * d33);
        t.Fi3 = x / r3 - t.Fi2;
        t.Fi4 = -xy * d32;
        t.Fi5 = 1.0 / (r * rd) - x2 * d32;
        if (TGradients.Value)
        {
            V d53 = d12 * (8.0 * r2 + 9.0 * r * d + 3.0 * d2) / (r2 * r2 * rd);
            V d54 = d12 * (5.0 * r2 + 4.0 * r * d + d2) / r3 * d12;
            t.Fj1 = -3.0 * xy * (d33 - x2 * d54);
            t.Fj2 = 1.0 / r3 - 3.0 * d12 + 3.0 * x2 * y2 * d54;
            t.Fj3 = a3 / r3 - t.Fj2;
            t.Fj4 = -3.0 * xy / r5 - t.Fj1;
            t.Fk1 = -y * (d32 - x2 * d53);
            t.Fk2 = -x * (d32 - y2 * d53);
            t.Fk3 = -3.0 * x * d / r5 - t.Fk2;
        }
        return t;
    }
}
