namespace SourceModel.Inversion.Slip;

/// <summary>
/// A symmetric n×n matrix as the bounded least-squares solvers read it: products with vectors, single entries and
/// principal submatrices. Implemented densely (<see cref="DenseSymmetric"/>), packed (<see cref="PackedSymmetric"/>, the
/// data Gram matrix GᵀG), sparse (<see cref="SparseSymmetric"/>, the roughness HᵀH) and as their weighted sum
/// (<see cref="NormalMatrix"/>), so that N = GᵀG + α²HᵀH is never formed as a square array.
/// </summary>
public interface ISymmetricMatrix
{
    /// <summary>n.</summary>
    int Size { get; }

    /// <summary>Entry (i, j).</summary>
    double At(int i, int j);

    /// <summary>y = M·x (both of length n).</summary>
    void Multiply(ReadOnlySpan<double> x, Span<double> y);

    /// <summary>dest[k·stride + l] += scale · M[index[k], index[l]] for l ≤ k: the lower triangle of the principal
    /// submatrix on <paramref name="index"/> (f entries, increasing), added into a row-major array whose rows are
    /// <paramref name="stride"/> ≥ f apart; with <paramref name="upper"/>, the same entries into the upper triangle
    /// (dest[l·stride + k]), so that the lower one is never touched.</summary>
    void AddPrincipal(ReadOnlySpan<int> index, double scale, double[] dest, int stride, bool upper = false);

    /// <summary>tr(S·M_FF) = Σ_kl S[k, l]·M[index[k], index[l]] for a symmetric f×f matrix S given by the lower triangle of
    /// row-major <paramref name="lower"/>.</summary>
    double TraceProduct(ReadOnlySpan<int> index, double[] lower);
}
