using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Sampling.Noise;

/// <summary>
/// The Cholesky factor C = L·Lᵀ of a data covariance and the whitening operator W = L⁻¹: W·r has unit covariance, so
/// ‖W(d − Gm)‖² is the χ² misfit. Also gives log det C for Gaussian likelihoods.
/// </summary>
public sealed class Whitening
{
    private readonly double[] _l;   // lower triangle, row-major packed as full n×n for simple indexing
    private readonly int _n;

    /// <summary>Factors <paramref name="covariance"/> (m²); fails with a clear message if it is not positive definite.</summary>
    public Whitening(Matrix<double> covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        if (covariance.RowCount != covariance.ColumnCount) throw new ArgumentException("covariance must be square.");
        _n = covariance.RowCount;
        _l = CholeskyFactor.Factor(covariance);
        double logDet = 0;
        for (int i = 0; i < _n; i++) logDet += 2 * Math.Log(_l[(long)i * _n + i]);
        LogDeterminant = logDet;
    }

    /// <summary>Size of the covariance.</summary>
    public int Count => _n;

    /// <summary>log det C (natural log, C in m²).</summary>
    public double LogDeterminant { get; }

    /// <summary>L[i, j] (i ≥ j), m.</summary>
    public double Factor(int i, int j) => j > i ? 0 : _l[(long)i * _n + j];

    /// <summary>W·r = L⁻¹·r (forward substitution), in place.</summary>
    public void WhitenInPlace(Span<double> r)
    {
        if (r.Length != _n) throw new ArgumentException($"vector has {r.Length} entries, covariance is {_n}x{_n}.");
        for (int i = 0; i < _n; i++)
        {
            var row = _l.AsSpan((int)((long)i * _n), i);
            double s = r[i] - Dot.Of(row, r[..i]);
            r[i] = s / _l[(long)i * _n + i];
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
            x[i] = Dot.Of(_l.AsSpan((int)((long)i * _n), i + 1), z[..(i + 1)]);
        return x;
    }

    /// <summary>χ² = ‖W·r‖².</summary>
    public double ChiSquare(ReadOnlySpan<double> r)
    {
        var w = Whiten(r);
        return Dot.Of(w, w);
    }
}
