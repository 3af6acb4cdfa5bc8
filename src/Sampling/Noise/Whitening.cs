using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Sampling.Noise;

/// <summary>
/// The Cholesky factor C = L·Lᵀ of a data covariance and the whitening operator W = L⁻¹: W·r has unit covariance, so
/// ‖W(d − Gm)‖² is the χ² misfit. Also gives log det C for Gaussian likelihoods.
/// </summary>
public sealed class Whitening
{
    // The lower triangle packed row by row (row i holds L[i, 0..i] from RowStart(i)): half the memory of a full matrix,
    // and the triangular solves stream exactly the bytes they use.
    private readonly double[] _l;
    private readonly int _n;

    private static long RowStart(int i) => (long)i * (i + 1) / 2;

    private ReadOnlySpan<double> Row(int i, int length) => _l.AsSpan((int)RowStart(i), length);

    private double Diagonal(int i) => _l[RowStart(i) + i];

    /// <summary>Factors <paramref name="covariance"/> (m²); fails with a clear message if it is not positive definite.</summary>
    public Whitening(Matrix<double> covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        if (covariance.RowCount != covariance.ColumnCount) throw new ArgumentException("covariance must be square.");
        _n = covariance.RowCount;
        var full = CholeskyFactor.Factor(covariance);
        _l = new double[RowStart(_n)];
        for (int i = 0; i < _n; i++) Array.Copy(full, (long)i * _n, _l, RowStart(i), i + 1);
        double logDet = 0;
        for (int i = 0; i < _n; i++) logDet += 2 * Math.Log(Diagonal(i));
        LogDeterminant = logDet;
    }

    /// <summary>Size of the covariance.</summary>
    public int Count => _n;

    /// <summary>log det C (natural log, C in m²).</summary>
    public double LogDeterminant { get; }

    /// <summary>L[i, j] (i ≥ j), m.</summary>
    public double Factor(int i, int j) => j > i ? 0 : _l[RowStart(i) + j];

    /// <summary>W·r = L⁻¹·r (forward substitution), in place.</summary>
    public void WhitenInPlace(Span<double> r)
    {
        if (r.Length != _n) throw new ArgumentException($"vector has {r.Length} entries, covariance is {_n}x{_n}.");
        for (int i = 0; i < _n; i++)
        {
            double s = r[i] - Dot.Of(Row(i, i), r[..i]);
            r[i] = s / Diagonal(i);
        }
    }

    /// <summary>W·G for a column-major matrix (each column a data vector, e.g. a Green's function column), in place,
    /// columns in parallel.</summary>
    public void WhitenColumnsInPlace(double[] columnMajor, int columns)
    {
        if ((long)columns * _n != columnMajor.Length)
            throw new ArgumentException($"matrix has {columnMajor.Length} entries; expected {columns} columns of {_n}.");
        Parallel.For(0, columns, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            j => WhitenInPlace(columnMajor.AsSpan((int)((long)j * _n), _n)));
    }

    /// <summary>
    /// W·x for the first <paramref name="count"/> vectors (each of length ≥ <see cref="Count"/>; the first Count entries
    /// are whitened in place), with each row of L read from memory once for all of them: the row stays in L1 while the
    /// vectors pass four at a time. For a swarm of models this turns a memory-bound loop (L streamed once per model)
    /// into a compute-bound one. (A column-blocked variant that keeps the vectors' segments in L1 measured no faster
    /// here: the per-row call overhead ate the gain.)
    /// </summary>
    public void WhitenMany(double[][] vectors, int count)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (count > vectors.Length) throw new ArgumentException($"count {count} exceeds the {vectors.Length} vectors given.");
        for (int v = 0; v < count; v++)
            if (vectors[v].Length < _n) throw new ArgumentException($"vector {v} has {vectors[v].Length} entries, covariance is {_n}x{_n}.");
        for (int i = 0; i < _n; i++)
        {
            var row = Row(i, i);
            double inv = 1 / Diagonal(i);
            int v = 0;
            for (; v + 4 <= count; v += 4)
            {
                double[] a = vectors[v], b = vectors[v + 1], c = vectors[v + 2], d = vectors[v + 3];
                Dot.Four(row, a, b, c, d, out double sa, out double sb, out double sc, out double sd);
                a[i] = (a[i] - sa) * inv;
                b[i] = (b[i] - sb) * inv;
                c[i] = (c[i] - sc) * inv;
                d[i] = (d[i] - sd) * inv;
            }
            for (; v < count; v++)
            {
                var x = vectors[v];
                x[i] = (x[i] - Dot.Of(row, x.AsSpan(0, i))) * inv;
            }
        }
    }

    /// <summary>W·r as a new array.</summary>
    public double[] Whiten(ReadOnlySpan<double> r)
    {
        var w = r.ToArray();
        WhitenInPlace(w);
        return w;
    }

    /// <summary>L·z (colours unit white noise z into noise with covariance C), in a new array.</summary>
    public double[] Colour(ReadOnlySpan<double> z)
    {
        if (z.Length != _n) throw new ArgumentException($"vector has {z.Length} entries, covariance is {_n}x{_n}.");
        var x = new double[_n];
        for (int i = 0; i < _n; i++)
            x[i] = Dot.Of(Row(i, i + 1), z[..(i + 1)]);
        return x;
    }

    /// <summary>χ² = ‖W·r‖².</summary>
    public double ChiSquare(ReadOnlySpan<double> r)
    {
        var w = Whiten(r);
        return Dot.Of(w, w);
    }
}
