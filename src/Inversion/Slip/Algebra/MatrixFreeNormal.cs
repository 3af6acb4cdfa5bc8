namespace SourceModel.Inversion.Slip;

/// <summary>
/// N = G̃ᵀG̃ + α²HᵀH applied without forming it: a product is one pass over the Green's matrix for G̃x (only the
/// columns where x is non-zero) and one for G̃ᵀ(G̃x) (only the wanted columns), plus the sparse roughness.
/// </summary>
internal sealed class MatrixFreeNormal
{
    private readonly GreensColumns _g;
    private readonly ISymmetricMatrix _roughness;
    private readonly double _alphaSquared;

    public MatrixFreeNormal(GreensColumns g, ISymmetricMatrix roughness, double alphaSquared)
    {
        if (g.Columns != roughness.Size) throw new ArgumentException($"sizes differ: {g.Columns} and {roughness.Size}.");
        (_g, _roughness, _alphaSquared) = (g, roughness, alphaSquared);
        (_data, _smooth) = (new double[g.Rows], new double[g.Columns]);
    }

    // Scratch for G̃x and HᵀHx: one solve makes thousands of products, and fresh arrays of this size each time would
    // pile up gigabytes in the large-object heap between collections (measured at the scale test: 3.7 GB peak).
    private readonly double[] _data, _smooth;

    /// <summary>n.</summary>
    public int Size => _g.Columns;

    /// <summary>Products taken so far (the solver's unit of work).</summary>
    public int Products { get; private set; }

    /// <summary>N_jj.</summary>
    public double Diagonal(int j) => _g.ColumnNormSquared(j) + _alphaSquared * _roughness.At(j, j);

    /// <summary>y = N·x on the entries <paramref name="wanted"/> marks (all when null; the others are zero). Not for
    /// concurrent use: one operator per solve.</summary>
    public void Multiply(double[] x, double[] y, bool[]? wanted = null)
    {
        Products++;
        _g.Multiply(x, _data);
        _g.MultiplyTransposed(_data, y, wanted);
        if (_alphaSquared == 0) return;
        _roughness.Multiply(x, _smooth);
        for (int j = 0; j < Size; j++)
            if (wanted is null || wanted[j]) y[j] += _alphaSquared * _smooth[j];
    }
}
