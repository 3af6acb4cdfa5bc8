using SourceModel.Inversion.Problem;

namespace SourceModel.Inversion.Uncertainty;

/// <summary>Bounds of a per-dataset noise-scale hyperparameter s (the dataset's covariance becomes s²·C): a log-uniform
/// (Jeffreys) prior on [<see cref="Min"/>, <see cref="Max"/>], so a scale and its reciprocal are equally likely a priori.</summary>
/// <param name="Min">Smallest scale, > 0 (dimensionless).</param>
/// <param name="Max">Largest scale, > Min.</param>
public sealed record NoiseScalePrior(double Min, double Max)
{
    internal NoiseScalePrior Validated() =>
        Min > 0 && Max > Min && double.IsFinite(Max) ? this : throw new ArgumentException($"noise-scale bounds need 0 < min < max, got [{Min}, {Max}].");

    /// <summary>The scale at unit coordinate u (log-uniform map).</summary>
    public double FromUnit(double u) => Min * Math.Pow(Max / Min, u);
}

/// <summary>
/// The step-1 posterior over the free parameters in the unit cube of their bounds: uniform priors from the bounds (a
/// linear map, so uniform in the cube too), a Gaussian likelihood with the data covariance (or sigmas) through the same
/// whitened, weighted misfit as the optimisers, log L = −½ Σ_k χ²_k = −½ N σ². Nuisance offsets and ramps are
/// integrated out under flat priors, which for linear terms leaves exactly the projected sum of squares the misfit
/// already uses (plus a constant). Invalid geometries (a top edge above the surface) have zero density.
/// With a <see cref="NoiseScalePrior"/>, each dataset k gets a hyperparameter s_k (one more unit coordinate each, after
/// the geometry) and log L = Σ_k [−(n_k − p_k) ln s_k − χ²_k / (2 s_k²)], n_k data and p_k nuisance terms (the
/// integrated nuisance contributes s_k^p_k).
/// </summary>
public sealed class GeometryPosterior : ILogDensity
{
    private readonly double[] _degreesOfFreedom;

    /// <summary>The posterior of <paramref name="problem"/>, with per-dataset noise scales when <paramref name="noiseScale"/> is given.</summary>
    public GeometryPosterior(GeometryProblem problem, NoiseScalePrior? noiseScale = null)
    {
        Problem = problem ?? throw new ArgumentNullException(nameof(problem));
        NoiseScale = noiseScale?.Validated();
        _degreesOfFreedom = problem.Terms.Select(t => (double)(t.Count - NuisanceColumns.Names(t.Nuisance).Count)).ToArray();
    }

    /// <summary>The problem whose misfit defines the likelihood.</summary>
    public GeometryProblem Problem { get; }

    /// <summary>The noise-scale prior, or null when the data covariances are taken as exact.</summary>
    public NoiseScalePrior? NoiseScale { get; }

    /// <inheritdoc />
    public int Dimension => Problem.Dimension + (NoiseScale is null ? 0 : Problem.Terms.Count);

    /// <summary>Names of the coordinates: the free geometry parameters, then noise_scale.DATASET per dataset.</summary>
    public IReadOnlyList<string> Names =>
    [
        .. Problem.Space.Specs.Where(s => s.IsFree).Select(s => s.Name),
        .. NoiseScale is null ? [] : Problem.Terms.Select(t => $"noise_scale.{t.Name}"),
    ];

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> unit)
    {
        foreach (double u in unit)
            if (!(u >= 0 && u <= 1)) return double.NegativeInfinity;
        var geometry = unit[..Problem.Dimension];
        Span<double> full = stackalloc double[Problem.Space.Count];
        Problem.Space.ToFull(geometry, full);
        if (Problem.Layout.Realise(full, out _) is null) return double.NegativeInfinity;
        if (NoiseScale is null)
        {
            double sigma = Problem.Cost(geometry);
            return -0.5 * Problem.DataCount * sigma * sigma;
        }
        Span<double> chi2 = stackalloc double[Problem.Terms.Count];
        if (!Problem.DatasetChiSquares(geometry, chi2)) return double.NegativeInfinity;
        double logL = 0;
        for (int k = 0; k < chi2.Length; k++)
        {
            double s = NoiseScale.FromUnit(unit[Problem.Dimension + k]);
            logL += -_degreesOfFreedom[k] * Math.Log(s) - chi2[k] / (2 * s * s);
        }
        return logL;
    }

    /// <summary>Physical values (all geometry parameters, fixed ones included) of a point of the unit cube.</summary>
    public double[] ToPhysical(ReadOnlySpan<double> unit)
    {
        var full = new double[Problem.Space.Count];
        Problem.Space.ToFull(unit[..Problem.Dimension], full);
        return full;
    }

    /// <summary>The physical value of every coordinate (free geometry parameters, then noise scales), in the order of <see cref="Names"/>.</summary>
    public double[] CoordinatesToPhysical(ReadOnlySpan<double> unit)
    {
        var full = ToPhysical(unit);
        var values = new List<double>(Dimension);
        for (int i = 0; i < full.Length; i++)
            if (Problem.Space.Specs[i].IsFree) values.Add(full[i]);
        for (int k = Problem.Dimension; k < unit.Length; k++) values.Add(NoiseScale!.FromUnit(unit[k]));
        return [.. values];
    }
}
