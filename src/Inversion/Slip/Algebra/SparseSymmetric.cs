namespace SourceModel.Inversion.Slip;

/// <summary>
/// A sparse symmetric matrix in compressed rows (both triangles stored, columns sorted): the roughness normal HᵀH of a
/// finite-difference Laplacian, about 25 non-zeros a row whatever the fault's size.
/// </summary>
public sealed class SparseSymmetric : ISymmetricMatrix
{
    private readonly int[] _start;     // row i holds entries [_start[i], _start[i + 1])
    private readonly int[] _column;
    private readonly double[] _value;

    private SparseSymmetric(int n, int[] start, int[] column, double[] value)
    {
        Size = n;
        (_start, _column, _value) = (start, column, value);
    }

    /// <inheritdoc/>
    public int Size { get; }

    /// <summary>Stored entries.</summary>
    public int NonZeros => _column.Length;

    /// <summary>HᵀH for H given by sparse rows of (column, value) pairs over n columns (repeated columns in a row add).</summary>
    public static SparseSymmetric GramOfRows(IEnumerable<(int Column, double Value)[]> rows, int n)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var entries = new Dictionary<int, double>[n];
        foreach (var row in rows)
            foreach (var (a, va) in row)
            {
                if ((uint)a >= (uint)n) throw new ArgumentException($"column {a} outside 0..{n - 1}.");
                var target = entries[a] ??= [];
                foreach (var (b, vb) in row)
                    target[b] = target.GetValueOrDefault(b) + va * vb;
            }
        var start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + (entries[i]?.Count ?? 0);
        var column = new int[start[n]];
        var value = new double[start[n]];
        for (int i = 0; i < n; i++)
        {
            if (entries[i] is null) continue;
            int k = start[i];
            foreach (var (j, v) in entries[i].OrderBy(e => e.Key)) (column[k], value[k++]) = (j, v);
        }
        return new SparseSymmetric(n, start, column, value);
    }

    /// <summary>The stored entries of row <paramref name="i"/>, by increasing column.</summary>
    public IEnumerable<(int Column, double Value)> Row(int i)
    {
        for (int k = _start[i]; k < _start[i + 1]; k++) yield return (_column[k], _value[k]);
    }

    /// <inheritdoc/>
    public double At(int i, int j)
    {
        int k = Array.BinarySearch(_column, _start[i], _start[i + 1] - _start[i], j);
        return k >= 0 ? _value[k] : 0;
    }

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < Size; i++)
        {
            double s = 0;
            for (int k = _start[i]; k < _start[i + 1]; k++) s += _value[k] * x[_column[k]];
            y[i] = s;
        }
    }

    /// <summary>Position of every column in <paramref name="index"/> (−1 when absent).</summary>
    private int[] Positions(ReadOnlySpan<int> index)
    {
        var position = new int[Size];
        Array.Fill(position, -1);
        for (int k = 0; k < index.Length; k++) position[index[k]] = k;
        return position;
    }

    /// <inheritdoc/>
    public void AddPrincipal(ReadOnlySpan<int> index, double scale, double[] dest, int stride, bool upper = false)
    {
        var position = Positions(index);
        int f = index.Length;
        for (int k = 0; k < f; k++)
        {
            int i = index[k];
            for (int e = _start[i]; e < _start[i + 1]; e++)
            {
                int l = position[_column[e]];
                if (l >= 0 && l <= k) dest[upper ? (long)l * stride + k : (long)k * stride + l] += scale * _value[e];
            }
        }
    }

    /// <inheritdoc/>
    public double TraceProduct(ReadOnlySpan<int> index, double[] lower)
    {
        var position = Positions(index);
        int f = index.Length;
        double sum = 0;
        for (int k = 0; k < f; k++)
        {
            int i = index[k];
            for (int e = _start[i]; e < _start[i + 1]; e++)
            {
                int l = position[_column[e]];
                if (l < 0) continue;
                // Both (k, l) and (l, k) are stored; read S from the lower triangle either way.
                sum += _value[e] * (l <= k ? lower[(long)k * f + l] : lower[(long)l * f + k]);
            }
        }
        return sum;
    }
}
