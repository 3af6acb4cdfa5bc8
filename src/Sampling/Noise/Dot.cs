using System.Numerics;
using System.Runtime.InteropServices;

namespace SourceModel.Sampling.Noise;

/// <summary>Vectorised dot products: the inner loops of the triangular solves, the Cholesky factorisation and (in the
/// inversion) the normal-equation products.</summary>
public static class Dot
{
    /// <summary>Σ a[i]·b[i] over the length of <paramref name="a"/> (<paramref name="b"/> may be longer).</summary>
    public static double Of(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, i = 0;
        double s = 0;
        if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
            // Four independent chains: the FMA latency, not the loads, limits fewer.
            Vector<double> acc0 = Vector<double>.Zero, acc1 = Vector<double>.Zero, acc2 = Vector<double>.Zero, acc3 = Vector<double>.Zero;
            int k = 0;
            for (; k + 3 < va.Length; k += 4)
            {
                acc0 = Vector.FusedMultiplyAdd(va[k], vb[k], acc0);
                acc1 = Vector.FusedMultiplyAdd(va[k + 1], vb[k + 1], acc1);
                acc2 = Vector.FusedMultiplyAdd(va[k + 2], vb[k + 2], acc2);
                acc3 = Vector.FusedMultiplyAdd(va[k + 3], vb[k + 3], acc3);
            }
            for (; k < va.Length; k++) acc0 = Vector.FusedMultiplyAdd(va[k], vb[k], acc0);
            s = Vector.Sum((acc0 + acc1) + (acc2 + acc3));
            i = va.Length * Vector<double>.Count;
        }
        for (; i < n; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Four dot products of one row with four vectors, the row read once.</summary>
    public static void Four(ReadOnlySpan<double> row, ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c,
        ReadOnlySpan<double> d, out double sa, out double sb, out double sc, out double sd)
    {
        int n = row.Length, i = 0;
        sa = sb = sc = sd = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            // Lengths are checked once here; the loop then reads through references without per-element bounds checks.
            if (a.Length < n || b.Length < n || c.Length < n || d.Length < n) throw new ArgumentException("vectors shorter than the row.");
            ref double r0 = ref MemoryMarshal.GetReference(row);
            ref double a0 = ref MemoryMarshal.GetReference(a), b0 = ref MemoryMarshal.GetReference(b);
            ref double c0 = ref MemoryMarshal.GetReference(c), d0 = ref MemoryMarshal.GetReference(d);
            // Two accumulators per vector: eight independent FMA chains hide the FMA latency.
            Vector<double> ta = Vector<double>.Zero, tb = Vector<double>.Zero, tc = Vector<double>.Zero, td = Vector<double>.Zero;
            Vector<double> ua = Vector<double>.Zero, ub = Vector<double>.Zero, uc = Vector<double>.Zero, ud = Vector<double>.Zero;
            int w = Vector<double>.Count, end2 = n - n % (2 * w), end = n - n % w;
            for (; i < end2; i += 2 * w)
            {
                nuint k = (nuint)i, l = (nuint)(i + w);
                var r = Vector.LoadUnsafe(ref r0, k);
                var q = Vector.LoadUnsafe(ref r0, l);
                ta = Vector.FusedMultiplyAdd(r, Vector.LoadUnsafe(ref a0, k), ta);
                tb = Vector.FusedMultiplyAdd(r, Vector.LoadUnsafe(ref b0, k), tb);
                tc = Vector.FusedMultiplyAdd(r, Vector.LoadUnsafe(ref c0, k), tc);
                td = Vector.FusedMultiplyAdd(r, Vector.LoadUnsafe(ref d0, k), td);
                ua = Vector.FusedMultiplyAdd(q, Vector.LoadUnsafe(ref a0, l), ua);
                ub = Vector.FusedMultiplyAdd(q, Vector.LoadUnsafe(ref b0, l), ub);
                uc = Vector.FusedMultiplyAdd(q, Vector.LoadUnsafe(ref c0, l), uc);
                ud = Vector.FusedMultiplyAdd(q, Vector.LoadUnsafe(ref d0, l), ud);
            }
            for (; i < end; i += w)
            {
                var r = Vector.LoadUnsafe(ref r0, (nuint)i);
                ta = Vector.FusedMultiplyAdd(r, Vector.LoadUnsafe(ref a0, (nuint)i), ta);
                tb = Vector.FusedMultiplyAdd(r, Vector.LoadUnsafe(ref b0, (nuint)i), tb);
                tc = Vector.FusedMultiplyAdd(r, Vector.LoadUnsafe(ref c0, (nuint)i), tc);
                td = Vector.FusedMultiplyAdd(r, Vector.LoadUnsafe(ref d0, (nuint)i), td);
            }
            sa = Vector.Sum(ta + ua); sb = Vector.Sum(tb + ub); sc = Vector.Sum(tc + uc); sd = Vector.Sum(td + ud);
        }
        for (; i < n; i++)
        {
            double r = row[i];
            sa += r * a[i]; sb += r * b[i]; sc += r * c[i]; sd += r * d[i];
        }
    }

    /// <summary>y ← y + a·x over the length of <paramref name="y"/> (<paramref name="x"/> may be longer).</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = y.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            var va = new Vector<double>(a);
            for (int k = 0; k < vy.Length; k++) vy[k] = Vector.FusedMultiplyAdd(va, vx[k], vy[k]);
            i = vy.Length * Vector<double>.Count;
        }
        for (; i < n; i++) y[i] += a * x[i];
    }
}
