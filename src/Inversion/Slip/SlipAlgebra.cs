namespace SourceModel.Inversion.Slip;

/// <summary>How a step-2 problem is stored and solved.</summary>
public enum SlipAlgebra
{
    /// <summary>The Green's matrix in double precision and GᵀG packed: exact active-set solutions, ABIC and GCV,
    /// resolution. Memory ≈ 12n² + 8mn bytes for n unknowns and m data.</summary>
    Dense,

    /// <summary>The Green's matrix in single precision and nothing else of size n² or mn: the bounded problem solved by
    /// gradient projection and conjugate gradients on products with G̃ and G̃ᵀ (<see cref="GradientProjectionCG"/>),
    /// to a KKT tolerance of 1e-6 (single-precision storage limits it). Memory ≈ 4mn bytes. For fixed weights on
    /// problems the dense path cannot hold (10⁴–10⁵ unknowns with 10⁴ InSAR data); no smoothing criteria or resolution.</summary>
    MatrixFree,
}
