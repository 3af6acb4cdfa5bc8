using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Slip;

/// <summary>
/// A symmetric matrix stored as its lower triangle packed row by row (entry (i, j ≤ i) at i(i+1)/2 + j): half the memory
/// of the square array, which is what lets the data Gram matrix GᵀG of a 4,500-unknown problem take 80 MB instead of
/// 160 (and the normal matrix N = GᵀG + α²HᵀH never be formed at all, see <see cref="NormalMatrix"/>).
/// </summary>
public sealed class PackedSymmetric : ISymmetricMatrix
{
    private readonly double[] _p;

    /// <summary>A zero matrix of size <paramref name="n"/>.</summary>
    public PackedSymmetric(int n)
    {
        long length = (long)n * (n + 1) / 2;
        if (n < 0 || length > Array.MaxLength)
            throw new ArgumentException($"a packed {n}x{n} matrix needs {length:N0} entries, more than an array holds.");
        Size = n;
        _p = new double[length];
    }

    /// <inheritdoc/>
    public int Size { get; }

    private static long Offset(int i) => (long)i * (i + 1) / 2;

    /// <inheritdoc/>
    public double At(int i, int j) => i >= j ? _p[Offset(i) + j] : _p[Offset(j) + i];

    /// <summary>Sets entry (i, j) and its mirror.</summary>
    public void Set(int i, int j, double value)
    {
        if (i >= j) _p[Offset(i) + j] = value;
        else _p[Offset(j) + i] = value;
    }

    /// <summary>The packed lower triangle of a full row-major square array.</summary>
    public static PackedSymmetric FromFull(double[] full, int n)
    {
        var m = new PackedSymmetric(n);
        for (int i = 0; i < n; i++) Array.Copy(full, (long)i * n, m._p, Offset(i), i + 1);
        return m;
    }

    /// <summary>AᵀA of a column-major <paramref name="rows"/>×<paramref name="columns"/> matrix, written straight into
    /// packed storage: with OpenBLAS by bands of 256 rows (dgemm of the band's columns against all earlier ones, a 9 MB
    /// scratch for 4,500 columns), managed by blocks of 32 columns that stream each column of A once per block.</summary>
    public static PackedSymmetric Gram(double[] a, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(a);
        var m = new PackedSymmetric(columns);
        if (NativeBlas.Available) m.GramNative(a, rows);
        else m.GramManaged(a, rows);
        return m;
    }

    private void GramNative(double[] a, int rows)
    {
        const int band = 256;
        int n = Size;
        var c = new double[(long)Math.Min(band, n) * n];
        for (int i0 = 0; i0 < n; i0 += band)
        {
            int i1 = Math.Min(n, i0 + band), b = i1 - i0;
            NativeBlas.ProductTransposed(a, (long)i0 * rows, a, 0, rows, b, i1, c);   // C (b × i1) = A[:, i0:i1]ᵀ A[:, 0:i1]
            for (int i = i0; i < i1; i++)
            {
                long o = Offset(i);
                for (int j = 0; j <= i; j++) _p[o + j] = c[(long)j * b + (i - i0)];
            }
        }
    }

    internal void GramManaged(double[] a, int rows)
    {
        const int block = 32;
        int n = Size, blocks = (n + block - 1) / block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            int i0 = k * block, i1 = Math.Min(n, i0 + block);
            for (int j = 0; j < i1; j++)
            {
                var cj = a.AsSpan((int)((long)j * rows), rows);
                int i = Math.Max(i0, j);
                for (; i + 4 <= i1; i += 4)
                {
                    Dot.Four(cj, a.AsSpan(i * rows, rows), a.AsSpan((i + 1) * rows, rows), a.AsSpan((i + 2) * rows, rows),
                        a.AsSpan((i + 3) * rows, rows), out double s0, out double s1, out double s2, out double s3);
                    _p[Offset(i) + j] = s0; _p[Offset(i + 1) + j] = s1; _p[Offset(i + 2) + j] = s2; _p[Offset(i + 3) + j] = s3;
                }
                for (; i < i1; i++) _p[Offset(i) + j] = Dot.Of(cj, a.AsSpan(i * rows, rows));
            }
        });
    }

    /// <inheritdoc/>
    /// <remarks>OpenBLAS dspmv when present; managed, the rows are split into bands of equal entry counts, each band
    /// reads its rows once (a dot product for the lower part, an axpy for the mirrored upper part) into its own
    /// accumulator.</remarks>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        int n = Size;
        var input = x[..n].ToArray();
        if (NativeBlas.Available)
        {
            var output = new double[n];
            NativeBlas.PackedProduct(_p, n, input, output);
            output.CopyTo(y);
            return;
        }
        MultiplyManaged(input, y);
    }

    /// <summary>The managed product (used without OpenBLAS, and by tests to compare the two).</summary>
    internal void MultiplyManaged(double[] input, Span<double> y)
    {
        int n = Size;
        int workers = Math.Min(Environment.ProcessorCount, Math.Max(1, n / 128));
        var partial = new double[workers][];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            // Band w holds rows [n·√(w/W), n·√((w+1)/W)): equal shares of the triangle.
            int r0 = (int)(n * Math.Sqrt((double)w / workers)), r1 = w == workers - 1 ? n : (int)(n * Math.Sqrt((w + 1.0) / workers));
            var acc = new double[n];
            for (int i = r0; i < r1; i++)
            {
                var row = _p.AsSpan((int)Offset(i), i);
                acc[i] += Dot.Of(row, input) + _p[Offset(i) + i] * input[i];
                Dot.Axpy(input[i], row, acc.AsSpan(0, i));
            }
            partial[w] = acc;
        });
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int w = 0; w < workers; w++) s += partial[w][i];
            y[i] = s;
        }
    }

    /// <inheritdoc/>
    public void AddPrincipal(ReadOnlySpan<int> index, double scale, double[] dest, int stride, bool upper = false)
    {
        var at = index.ToArray();
        int f = at.Length;
        Parallel.For(0, f, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            long o = Offset(at[k]);
            if (upper)
                for (int l = 0; l <= k; l++) dest[(long)l * stride + k] += scale * _p[o + at[l]];
            else
            {
                long d = (long)k * stride;
                for (int l = 0; l <= k; l++) dest[d + l] += scale * _p[o + at[l]];
            }
        });
    }

    /// <inheritdoc/>
    public double TraceProduct(ReadOnlySpan<int> index, double[] lower)
    {
        var at = index.ToArray();
        int f = at.Length;
        var rows = new double[f];
        Parallel.For(0, f, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            long o = Offset(at[k]), d = (long)k * f;
            double s = lower[d + k] * _p[o + at[k]];
            for (int l = 0; l < k; l++) s += 2 * lower[d + l] * _p[o + at[l]];
            rows[k] = s;
        });
        return rows.Sum();
    }
}
