namespace SourceModel.Sampling.Noise;

/// <summary>A stationary, isotropic covariance function of the data noise (atmosphere, orbit residuals).</summary>
public abstract record CovarianceModel
{
    /// <summary>Variance of the correlated part, m².</summary>
    public abstract double Sill { get; }

    /// <summary>Uncorrelated (per-pixel) variance, m²: added at zero distance only.</summary>
    public abstract double Nugget { get; }

    /// <summary>Distance over which the correlation decays (the e-folding range), m.</summary>
    public abstract double CorrelationLength { get; }

    /// <summary>Covariance of the correlated part at distance <paramref name="h"/> (m), m²; at h = 0 it is <see cref="Sill"/>.</summary>
    public abstract double Correlated(double h);

    /// <summary>Full covariance at distance h: <see cref="Correlated"/> plus the nugget when h = 0.</summary>
    public double At(double h) => h == 0 ? Correlated(0) + Nugget : Correlated(h);

    /// <summary>Semivariance γ(h) = C(0) − C(h), m².</summary>
    public double Semivariance(double h) => h == 0 ? 0 : Sill + Nugget - Correlated(h);
}

/// <summary>C(h) = sill·exp(−h/range) (+ nugget at h = 0): the usual InSAR atmosphere model (e.g. Lohman &amp; Simons 2005).</summary>
/// <param name="Sill">Variance of the correlated noise, m².</param>
/// <param name="Range">e-folding distance, m.</param>
/// <param name="Nugget">Uncorrelated variance, m².</param>
public sealed record ExponentialCovariance(double Sill, double Range, double Nugget = 0) : CovarianceModel
{
    /// <inheritdoc />
    public override double Sill { get; } = Sill > 0 && double.IsFinite(Sill) ? Sill : throw new ArgumentException($"sill must be positive, got {Sill}.");
    /// <inheritdoc />
    public override double Nugget { get; } = Nugget >= 0 && double.IsFinite(Nugget) ? Nugget : throw new ArgumentException($"nugget must be >= 0, got {Nugget}.");
    /// <summary>e-folding distance, m.</summary>
    public double Range { get; } = Range > 0 && double.IsFinite(Range) ? Range : throw new ArgumentException($"range must be positive, got {Range}.");

    /// <inheritdoc />
    public override double CorrelationLength => Range;

    /// <inheritdoc />
    public override double Correlated(double h) => Sill * Math.Exp(-h / Range);
}

/// <summary>C(h) = sill·exp(−h/range)·cos(2πh/wavelength) (+ nugget): the exponential-cosine ("hole effect") model for
/// noise with a dominant wavelength (Kite offers the same family).</summary>
/// <param name="Sill">Variance, m².</param>
/// <param name="Range">e-folding distance, m.</param>
/// <param name="Wavelength">Oscillation wavelength, m.</param>
/// <param name="Nugget">Uncorrelated variance, m².</param>
public sealed record ExponentialCosineCovariance(double Sill, double Range, double Wavelength, double Nugget = 0) : CovarianceModel
{
    /// <inheritdoc />
    public override double Sill { get; } = Sill > 0 && double.IsFinite(Sill) ? Sill : throw new ArgumentException($"sill must be positive, got {Sill}.");
    /// <inheritdoc />
    public override double Nugget { get; } = Nugget >= 0 && double.IsFinite(Nugget) ? Nugget : throw new ArgumentException($"nugget must be >= 0, got {Nugget}.");
    /// <summary>e-folding distance, m.</summary>
    public double Range { get; } = Range > 0 && double.IsFinite(Range) ? Range : throw new ArgumentException($"range must be positive, got {Range}.");
    /// <summary>Wavelength, m.</summary>
    public double Wavelength { get; } = Wavelength > 0 && double.IsFinite(Wavelength) ? Wavelength : throw new ArgumentException($"wavelength must be positive, got {Wavelength}.");

    /// <inheritdoc />
    public override double CorrelationLength => Math.Min(Range, Wavelength);

    /// <inheritdoc />
    public override double Correlated(double h) => Sill * Math.Exp(-h / Range) * Math.Cos(2 * Math.PI * h / Wavelength);
}
