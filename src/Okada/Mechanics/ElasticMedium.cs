namespace SourceModel.Okada.Mechanics;

/// <summary>
/// A homogeneous, isotropic, linear elastic half-space.
/// </summary>
/// <param name="ShearModulus">μ in pascals (&gt; 0). Default 30 GPa.</param>
/// <param name="PoissonRatio">ν, dimensionless, in (−1, 0.5]. Default 0.25 (a Poisson solid, λ = μ).</param>
public sealed record ElasticMedium(double ShearModulus = 30e9, double PoissonRatio = 0.25)
{
    /// <summary>The toolkit default: μ = 30 GPa, ν = 0.25.</summary>
    public static ElasticMedium Default { get; } = new();

    /// <summary>Checks the moduli; throws <see cref="ArgumentException"/> naming the offending one.</summary>
    public ElasticMedium Validated()
    {
        ArgumentChecks.Positive(ShearModulus, nameof(ShearModulus));
        ArgumentChecks.Finite(PoissonRatio, nameof(PoissonRatio));
        if (!(PoissonRatio > -1 && PoissonRatio <= 0.5))
            throw new ArgumentException(FormattableString.Invariant(
                $"PoissonRatio = {PoissonRatio}: must be in (-1, 0.5]."), nameof(PoissonRatio));
        return this;
    }

    /// <summary>Lamé's first parameter λ = 2μν/(1−2ν), in pascals (infinite for ν = 0.5).</summary>
    public double Lambda => 2 * ShearModulus * PoissonRatio / (1 - 2 * PoissonRatio);

    /// <summary>Young's modulus E = 2μ(1+ν), in pascals.</summary>
    public double YoungModulus => 2 * ShearModulus * (1 + PoissonRatio);

    /// <summary>Okada's medium constant α = (λ+μ)/(λ+2μ) = 1/(2(1−ν)), dimensionless.</summary>
    public double Alpha => 1.0 / (2.0 * (1.0 - PoissonRatio));

    /// <summary>The medium from Lamé's parameters λ and μ (pascals).</summary>
    public static ElasticMedium FromLame(double lambda, double mu) =>
        new ElasticMedium(mu, lambda / (2 * (lambda + mu))).Validated();

    /// <summary>The medium from Young's modulus E (pascals) and Poisson's ratio, as Coulomb 3 gives them.</summary>
    public static ElasticMedium FromYoung(double youngModulus, double poissonRatio) =>
        new ElasticMedium(youngModulus / (2 * (1 + poissonRatio)), poissonRatio).Validated();
}
