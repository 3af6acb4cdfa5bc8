namespace SourceModel.Okada.Mechanics;

/// <summary>
/// A symmetric 3×3 tensor (strain, dimensionless, or stress, pascals) in the frame of the gradient it came from
/// (east/north/up, or Okada's x/y/z). Tension and extension are positive.
/// </summary>
public readonly record struct SymmetricTensor(double Xx, double Yy, double Zz, double Xy, double Xz, double Yz)
{
    /// <summary>Trace (volumetric strain, or 3× the mean stress).</summary>
    public double Trace => Xx + Yy + Zz;

    /// <summary>Component (i, j), indices 0..2.</summary>
    public double this[int i, int j] => (i, j) switch
    {
        (0, 0) => Xx, (1, 1) => Yy, (2, 2) => Zz,
        (0, 1) or (1, 0) => Xy,
        (0, 2) or (2, 0) => Xz,
        (1, 2) or (2, 1) => Yz,
        _ => throw new ArgumentOutOfRangeException(nameof(i), $"Tensor indices must be 0..2, got ({i}, {j})."),
    };

    /// <summary>Traction t = σ·n on a plane with unit normal n.</summary>
    public (double X, double Y, double Z) Traction(double nx, double ny, double nz) =>
        (Xx * nx + Xy * ny + Xz * nz, Xy * nx + Yy * ny + Yz * nz, Xz * nx + Yz * ny + Zz * nz);

    /// <summary>Small strain ε = (G + Gᵀ)/2 from a displacement gradient (dimensionless).</summary>
    public static SymmetricTensor StrainFrom(in DisplacementGradient g) => new(
        g.Uxx, g.Uyy, g.Uzz,
        0.5 * (g.Uxy + g.Uyx), 0.5 * (g.Uxz + g.Uzx), 0.5 * (g.Uyz + g.Uzy));

    /// <summary>Hooke's law for an isotropic medium: σ = λ·tr(ε)·I + 2μ·ε (pascals).</summary>
    public static SymmetricTensor StressFromStrain(in SymmetricTensor strain, ElasticMedium medium)
    {
        double mu = medium.ShearModulus, lambda = medium.Lambda;
        double p = lambda * strain.Trace;
        return new SymmetricTensor(
            p + 2 * mu * strain.Xx, p + 2 * mu * strain.Yy, p + 2 * mu * strain.Zz,
            2 * mu * strain.Xy, 2 * mu * strain.Xz, 2 * mu * strain.Yz);
    }

    /// <summary>Stress (pascals) from a displacement gradient whose displacements are in metres.</summary>
    public static SymmetricTensor StressFrom(in DisplacementGradient g, ElasticMedium medium) =>
        StressFromStrain(StrainFrom(g), medium);
}
