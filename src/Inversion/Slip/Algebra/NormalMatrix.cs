namespace SourceModel.Inversion.Slip;

/// <summary>
/// N = GᵀG + α²HᵀH as an operator over the two stored parts (the packed data Gram matrix and the sparse roughness):
/// every smoothing weight of an L-curve reads the same storage, and only the principal submatrix a factorisation needs
/// is ever written out.
/// </summary>
public sealed class NormalMatrix : ISymmetricMatrix
{
    /// <summary>N = <paramref name="data"/> + <paramref name="alphaSquared"/>·<paramref name="roughness"/>.</summary>
    public NormalMatrix(ISymmetricMatrix data, ISymmetricMatrix roughness, double alphaSquared)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(roughness);
        if (data.Size != roughness.Size) throw new ArgumentException($"sizes differ: {data.Size} and {roughness.Size}.");
        (Data, Roughness, AlphaSquared) = (data, roughness, alphaSquared);
    }

    /// <summary>GᵀG.</summary>
    public ISymmetricMatrix Data { get; }

    /// <summary>HᵀH.</summary>
    public ISymmetricMatrix Roughness { get; }

    /// <summary>α².</summary>
    public double AlphaSquared { get; }

    /// <inheritdoc/>
    public int Size => Data.Size;

    /// <inheritdoc/>
    public double At(int i, int j) => Data.At(i, j) + AlphaSquared * Roughness.At(i, j);

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        Data.Multiply(x, y);
        if (AlphaSquared == 0) return;
        var r = new double[Size];
        Roughness.Multiply(x, r);
        for (int i = 0; i < Size; i++) y[i] += AlphaSquared * r[i];
    }

    /// <inheritdoc/>
    public void AddPrincipal(ReadOnlySpan<int> index, double scale, double[] dest, int stride, bool upper = false)
    {
        Data.AddPrincipal(index, scale, dest, stride, upper);
        if (AlphaSquared != 0) Roughness.AddPrincipal(index, scale * AlphaSquared, dest, stride, upper);
    }

    /// <inheritdoc/>
    public double TraceProduct(ReadOnlySpan<int> index, double[] lower) =>
        Data.TraceProduct(index, lower) + (AlphaSquared == 0 ? 0 : AlphaSquared * Roughness.TraceProduct(index, lower));
}
