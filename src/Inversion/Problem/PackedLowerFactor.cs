using System.Numerics;
using System.Runtime.InteropServices;

namespace SourceModel.Inversion.Problem;

/// <summary>
/// The lower Cholesky factor L of a data covariance, packed row by row, applying W = L⁻¹ by forward substitution to one
/// vector or to many at once. The factor of a 2,000-point dataset is 16 MB packed, too large for the caches, so a
/// swarm's bulk evaluation is bound by how often L streams from memory: many at once reads it once for all.
/// </summary>
internal sealed class PackedLowerFactor
{
    private readonly double[] _packed;
    private readonly double[] _inverseDiagonal;
    private readonly int _n;

    public PackedLowerFactor(Func<int, int, double> factor, int n)
    {
        _n = n;
        _packed = new double[(long)n * (n + 1) / 2];
        _inverseDiagonal = new double[n];
        long k = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++) _packed[k++] = factor(i, j);
            _inverseDiagonal[i] = 1 / factor(i, i);
        }
    }

    public int Count => _n;

    private static long RowStart(int i) => (long)i * (i + 1) / 2;

    /// <summary>x ← L⁻¹x.</summary>
    public void Whiten(Span<double> x)
    {
        for (int i = 0; i < _n; i++)
        {
            var row = _packed.AsSpan((int)RowStart(i), i);
            x[i] = (x[i] - Dot(row, x[..i])) * _inverseDiagonal[i];
        }
    }

    /// <summary>
    /// Many vectors x ← L⁻¹x with each row of L read from memory once for all of them: the row stays in L1 while the
    /// vectors pass four at a time. For a swarm this turns a memory-bound loop (L streamed once per particle) into a
    /// compute-bound one.
    /// </summary>
    public void WhitenMany(double[][] vectors, int count)
    {
        for (int i = 0; i < _n; i++)
        {
            var row = _packed.AsSpan((int)RowStart(i), i);
            double inv = _inverseDiagonal[i];
            int v = 0;
            for (; v + 4 <= count; v += 4)
            {
                double[] a = vectors[v], b = vectors[v + 1], c = vectors[v + 2], d = vectors[v + 3];
                Dot4(row, a, b, c, d, out double sa, out double sb, out double sc, out double sd);
                a[i] = (a[i] - sa) * inv;
                b[i] = (b[i] - sb) * inv;
                c[i] = (c[i] - sc) * inv;
                d[i] = (d[i] - sd) * inv;
            }
            for (; v < count; v++)
            {
                var x = vectors[v];
                x[i] = (x[i] - Dot(row, x.AsSpan(0, i))) * inv;
            }
        }
    }

    private static double Dot(ReadOnlySpan<double> row, ReadOnlySpan<double> x)
    {
        int n = row.Length, i = 0;
        double s = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vr = MemoryMarshal.Cast<double, Vector<double>>(row);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            Vector<double> s0 = Vector<double>.Zero, s1 = Vector<double>.Zero;
            int k = 0;
            for (; k + 1 < vr.Length; k += 2)
            {
                s0 = Vector.FusedMultiplyAdd(vr[k], vx[k], s0);
                s1 = Vector.FusedMultiplyAdd(vr[k + 1], vx[k + 1], s1);
            }
            if (k < vr.Length) s0 = Vector.FusedMultiplyAdd(vr[k], vx[k], s0);
            s = Vector.Sum(s0 + s1);
            i = vr.Length * Vector<double>.Count;
        }
        for (; i < n; i++) s += row[i] * x[i];
        return s;
    }

    private static void Dot4(ReadOnlySpan<double> row, ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c,
        ReadOnlySpan<double> d, out double sa, out double sb, out double sc, out double sd)
    {
        int n = row.Length, i = 0;
        sa = sb = sc = sd = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vr = MemoryMarshal.Cast<double, Vector<double>>(row);
            var va = MemoryMarshal.Cast<double, Vector<double>>(a[..n]);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
            var vc = MemoryMarshal.Cast<double, Vector<double>>(c[..n]);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(d[..n]);
            Vector<double> ta = Vector<double>.Zero, tb = Vector<double>.Zero, tc = Vector<double>.Zero, td = Vector<double>.Zero;
            for (int k = 0; k < vr.Length; k++)
            {
                var r = vr[k];
                ta = Vector.FusedMultiplyAdd(r, va[k], ta);
                tb = Vector.FusedMultiplyAdd(r, vb[k], tb);
                tc = Vector.FusedMultiplyAdd(r, vc[k], tc);
                td = Vector.FusedMultiplyAdd(r, vd[k], td);
            }
            sa = Vector.Sum(ta); sb = Vector.Sum(tb); sc = Vector.Sum(tc); sd = Vector.Sum(td);
            i = vr.Length * Vector<double>.Count;
        }
        for (; i < n; i++)
        {
            double r = row[i];
            sa += r * a[i]; sb += r * b[i]; sc += r * c[i]; sd += r * d[i];
        }
    }
}
