using System.Numerics;
using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Slip;

/// <summary>
/// The whitened, weighted Green's matrix (rows × columns, column-major) in double precision — what the dense path
/// forms GᵀG from — or in single precision for the matrix-free path, where it is the largest array there is (20,000
/// data × 20,000 unknowns: 1.6 GB instead of 3.2) and every product streams it once. Columns are computed and whitened
/// in double and rounded once on storage (relative error ≤ 6e-8, far below any geodetic noise); products accumulate in
/// double.
/// </summary>
internal sealed class GreensColumns
{
    private readonly double[]? _double;
    private readonly float[]? _single;
    private readonly Lazy<double[]> _norms;

    private GreensColumns(int rows, int columns, bool single)
    {
        long length = (long)rows * columns;
        if (length > Array.MaxLength)
            throw new ArgumentException($"a {rows} × {columns} Green's matrix has {length:N0} entries, more than one array holds; use larger patches or fewer data.");
        (Rows, Columns) = (rows, columns);
        // Zeroed: a dataset's nuisance columns are written on its own rows only.
        if (single) _single = new float[length];
        else _double = new double[length];
        _norms = new(() =>
        {
            var norms = new double[Columns];
            Parallel.For(0, Columns, j => norms[j] = _double is not null ? Dot.Of(DoubleColumn(j), DoubleColumn(j)) : NormSquaredSingle(SingleColumn(j)));
            return norms;
        });
    }

    /// <summary>A zero matrix in double precision.</summary>
    public static GreensColumns Double(int rows, int columns) => new(rows, columns, single: false);

    /// <summary>A zero matrix in single precision.</summary>
    public static GreensColumns Single(int rows, int columns) => new(rows, columns, single: true);

    /// <summary>Observations.</summary>
    public int Rows { get; }

    /// <summary>Unknowns.</summary>
    public int Columns { get; }

    /// <summary>True when stored in single precision.</summary>
    public bool IsSingle => _single is not null;

    /// <summary>The double-precision array (column-major), or null in single precision.</summary>
    public double[]? Dense => _double;

    /// <summary>Writes <paramref name="scale"/>·<paramref name="values"/> into column <paramref name="column"/> from row
    /// <paramref name="row0"/>.</summary>
    public void Set(int column, int row0, ReadOnlySpan<double> values, double scale)
    {
        long at = (long)column * Rows + row0;
        if (_double is not null)
            for (int i = 0; i < values.Length; i++) _double[at + i] = scale * values[i];
        else
            for (int i = 0; i < values.Length; i++) _single![at + i] = (float)(scale * values[i]);
    }

    /// <summary>‖column j‖² (computed once for all columns on first use).</summary>
    public double ColumnNormSquared(int j) => _norms.Value[j];

    /// <summary>y = G·x (y overwritten); columns whose coefficient is zero are skipped (the products of a
    /// conjugate-gradient step on a free set read only that set's columns). Rows are split over the cores; nothing is
    /// allocated, so that thousands of products leave no garbage behind.</summary>
    public void Multiply(double[] x, double[] y)
    {
        if (x.Length != Columns || y.Length != Rows) throw new ArgumentException($"G is {Rows} × {Columns}; got x of {x.Length} and y of {y.Length}.");
        int workers = Workers(Rows), per = (Rows + workers - 1) / workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            int r0 = Math.Min(Rows, w * per), r1 = Math.Min(Rows, r0 + per);
            var part = y.AsSpan(r0, r1 - r0);
            part.Clear();
            for (int j = 0; j < Columns; j++)
            {
                if (x[j] == 0) continue;
                if (_double is not null) Dot.Axpy(x[j], DoubleColumn(j).Slice(r0, r1 - r0), part);
                else AxpySingle(x[j], SingleColumn(j).Slice(r0, r1 - r0), part);
            }
        });
    }

    /// <summary>y_j = column j · r (y overwritten) for the columns <paramref name="wanted"/> marks (all when null; the
    /// others are set to zero). Columns are split over the cores.</summary>
    public void MultiplyTransposed(double[] r, double[] y, bool[]? wanted = null)
    {
        if (r.Length != Rows || y.Length != Columns) throw new ArgumentException($"Gᵀ is {Columns} × {Rows}; got r of {r.Length} and y of {y.Length}.");
        int workers = Workers(Columns), per = (Columns + workers - 1) / workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            for (int j = w * per; j < Math.Min(Columns, (w + 1) * per); j++)
                y[j] = wanted is not null && !wanted[j] ? 0
                    : _double is not null ? Dot.Of(DoubleColumn(j), r) : DotSingle(SingleColumn(j), r);
        });
    }

    private static int Workers(int items) => Math.Max(1, Math.Min(Environment.ProcessorCount, items / 64));

    private ReadOnlySpan<double> DoubleColumn(int j) => _double.AsSpan((int)((long)j * Rows), Rows);

    private ReadOnlySpan<float> SingleColumn(int j) => _single.AsSpan((int)((long)j * Rows), Rows);

    /// <summary>a·b with single-precision a, double b, accumulated in double.</summary>
    internal static double DotSingle(ReadOnlySpan<float> a, ReadOnlySpan<double> b)
    {
        int i = 0;
        double s = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var (s0, s1) = (Vector<double>.Zero, Vector<double>.Zero);
            int width = Vector<float>.Count, half = Vector<double>.Count;
            for (; i + width <= a.Length; i += width)
            {
                Vector.Widen(new Vector<float>(a.Slice(i, width)), out var lo, out var hi);
                s0 += lo * new Vector<double>(b.Slice(i, half));
                s1 += hi * new Vector<double>(b.Slice(i + half, half));
            }
            s = Vector.Sum(s0 + s1);
        }
        for (; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double NormSquaredSingle(ReadOnlySpan<float> a)
    {
        double s = 0;
        foreach (float v in a) s += (double)v * v;
        return s;
    }

    /// <summary>y += alpha·x with single-precision x.</summary>
    internal static void AxpySingle(double alpha, ReadOnlySpan<float> x, Span<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var a = new Vector<double>(alpha);
            int width = Vector<float>.Count, half = Vector<double>.Count;
            for (; i + width <= x.Length; i += width)
            {
                Vector.Widen(new Vector<float>(x.Slice(i, width)), out var lo, out var hi);
                (new Vector<double>(y.Slice(i, half)) + a * lo).CopyTo(y.Slice(i, half));
                (new Vector<double>(y.Slice(i + half, half)) + a * hi).CopyTo(y.Slice(i + half, half));
            }
        }
        for (; i < x.Length; i++) y[i] += alpha * x[i];
    }
}
