using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>The auxiliary terms of the point-source part C (Okada 1992, Table 3), shared by the four potencies.</summary>
internal struct PointPartCTerms<V> where V : struct, ILanes<V>
{
    public V C, R7, A7, B5, B7, C5, C7, D7, Qr5, Qr7, Dr5;

    public static PointPartCTerms<V> Compute(in PointGeometry<V> g, V z)
    {
        V d = g.D, q = g.Q, r2 = g.R2;
        var t = new PointPartCTerms<V>();
        t.C = d + z;
        V q2 = q * q;
        t.R7 = g.R5 * r2;
        t.A7 = 1.0 - 7.0 * g.X2 / r2;
        t.B5 = 1.0 - 5.0 * g.Y2 / r2;
        t.B7 = 1.0 - 7.0 * g.Y2 / r2;
        t.C5 = 1.0 - 5.0 * g.D2 / r2;
        t.C7 = 1.0 - 7.0 * g.D2 / r2;
        t.D7 = 2.0 - 7.0 * q2 / r2;
        t.Qr5 = 5.0 * q / r2;
        t.Qr7 = 7.0 * q / r2;
        t.Dr5 = 5.0 * d / r2;
        return t;
    }
}
