using SourceModel.Inversion.Problem;

namespace SourceModel.Inversion.Uncertainty;

/// <summary>
/// The step-1 posterior over the free parameters in the unit cube of their bounds: uniform priors from the bounds (a
/// linear map, so uniform in the cube too), a Gaussian likelihood with the data covariance (or sigmas) through the same
/// whitened, weighted misfit as the optimisers, log L = −½ Σ_k w_k² ‖W_k r_k‖² = −½ N σ². Nuisance offsets and ramps are
/// integrated out under flat priors, which for linear terms leaves exactly the projected sum of squares the misfit
/// already uses (plus a constant). Invalid geometries (a top edge above the surface) have zero density.
/// </summary>
public sealed class GeometryPosterior(GeometryProblem problem) : ILogDensity
{
    /// <summary>The problem whose misfit defines the likelihood.</summary>
    public GeometryProblem Problem { get; } = problem ?? throw new ArgumentNullException(nameof(problem));

    /// <inheritdoc />
    public int Dimension => Problem.Dimension;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> unit)
    {
        foreach (double u in unit)
            if (!(u >= 0 && u <= 1)) return double.NegativeInfinity;
        Span<double> full = stackalloc double[Problem.Space.Count];
        Problem.Space.ToFull(unit, full);
        if (Problem.Layout.Realise(full, out _) is null) return double.NegativeInfinity;
        double sigma = Problem.Cost(unit);
        return -0.5 * Problem.DataCount * sigma * sigma;
    }

    /// <summary>Physical values (all parameters, fixed ones included) of a point of the unit cube.</summary>
    public double[] ToPhysical(ReadOnlySpan<double> unit)
    {
        var full = new double[Problem.Space.Count];
        Problem.Space.ToFull(unit, full);
        return full;
    }
}
