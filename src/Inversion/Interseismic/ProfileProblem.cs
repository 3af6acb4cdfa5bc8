using MathNet.Numerics.LinearAlgebra;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Uncertainty;
using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Interseismic;

/// <summary>
/// A profile fit: data, model, parameter bounds and the noise (the profile's covariance, or its sigmas). The misfit is
/// χ²(m) = ‖W(d − g(m))‖², W the inverse Cholesky factor of the covariance (or 1/σ); the posterior, with uniform
/// priors within the bounds, is exp(−χ²/2). Invalid parameter vectors (a locking depth ≤ 0, creep below the lock)
/// have zero density.
/// </summary>
public sealed class ProfileProblem : ILogDensity
{
    private readonly Whitening? _whitening;
    private readonly double[] _whitenedData;

    /// <summary>Builds the problem; <paramref name="covariance"/> (the profile points' covariance, m²/yr²) replaces
    /// the sigmas when given.</summary>
    public ProfileProblem(Profile profile, ScrewProfileModel model, ParameterSpace space, Matrix<double>? covariance = null)
    {
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Space = space ?? throw new ArgumentNullException(nameof(space));
        if (!space.Specs.Select(s => s.Name).SequenceEqual(model.ParameterNames))
            throw new ArgumentException($"the parameters must be, in order: {string.Join(", ", model.ParameterNames)}.");
        if (profile.Count < MinimumPoints(space))
            throw new ArgumentException($"profile {profile.Swath.Name} has {profile.Count} point(s); fitting {space.FreeCount} parameter(s) needs at least {MinimumPoints(space)}.");
        if (covariance is not null)
        {
            if (covariance.RowCount != profile.Count || covariance.ColumnCount != profile.Count)
                throw new ArgumentException($"the covariance is {covariance.RowCount} × {covariance.ColumnCount}, the profile has {profile.Count} points.");
            _whitening = new Whitening(covariance);
        }
        else if (profile.Sigma.Any(s => !(s > 0)))
            throw new ArgumentException($"profile {profile.Swath.Name}: every sigma must be positive.");
        _whitenedData = Whiten(profile.Value);
    }

    /// <summary>The fewest points a fit of <paramref name="space"/> accepts: twice the free parameters, at least 10.</summary>
    public static int MinimumPoints(ParameterSpace space) => Math.Max(10, 2 * space.FreeCount);

    /// <summary>The data.</summary>
    public Profile Profile { get; }

    /// <summary>The model.</summary>
    public ScrewProfileModel Model { get; }

    /// <summary>Bounds and fixed values of the full parameter vector.</summary>
    public ParameterSpace Space { get; }

    /// <inheritdoc />
    public int Dimension => Space.FreeCount;

    /// <summary>χ² of a full parameter vector (+∞ if invalid).</summary>
    public double ChiSquare(ReadOnlySpan<double> full)
    {
        if (Model.Violation(full) is not null) return double.PositiveInfinity;
        var g = new double[Profile.Count];
        Model.Predict(full, Profile, g);
        var w = Whiten(g);
        double sum = 0;
        for (int i = 0; i < w.Length; i++) { double r = _whitenedData[i] - w[i]; sum += r * r; }
        return sum;
    }

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> unit)
    {
        foreach (double u in unit)
            if (!(u >= 0 && u <= 1)) return double.NegativeInfinity;
        return -0.5 * ChiSquare(Space.ToFull(unit));
    }

    /// <summary>The best offset and trend for the other parameters of <paramref name="full"/> (weighted linear least
    /// squares; only those that are free are solved), written into <paramref name="full"/>; returns the χ².</summary>
    public double SolveOffsetAndTrend(double[] full)
    {
        int io = Space.Count - 2, it = Space.Count - 1;
        bool freeOffset = Space.Specs[io].IsFree, freeTrend = Space.Specs[it].IsFree;
        if (Model.Violation(full) is not null) return double.PositiveInfinity;
        var g = new double[Profile.Count];
        full[io] = Space.Specs[io].Fixed ?? 0;
        full[it] = Space.Specs[it].Fixed ?? 0;
        Model.Predict(full, Profile, g);
        var r = Whiten(g);
        for (int i = 0; i < r.Length; i++) r[i] = _whitenedData[i] - r[i];
        var columns = new List<double[]>();
        if (freeOffset) columns.Add(Whiten(Enumerable.Repeat(1.0, Profile.Count).ToArray()));
        if (freeTrend) columns.Add(Whiten(Profile.Distance));
        if (columns.Count > 0)
        {
            var a = Matrix<double>.Build.Dense(r.Length, columns.Count, (i, j) => columns[j][i]);
            var c = a.Solve(Vector<double>.Build.DenseOfArray(r));
            int k = 0;
            if (freeOffset) full[io] = Math.Clamp(c[k++], Space.Specs[io].Min, Space.Specs[io].Max);
            if (freeTrend) full[it] = Math.Clamp(c[k], Space.Specs[it].Min, Space.Specs[it].Max);
        }
        return ChiSquare(full);
    }

    private double[] Whiten(IReadOnlyList<double> v)
    {
        var x = v.ToArray();
        if (_whitening is not null) _whitening.WhitenInPlace(x);
        else for (int i = 0; i < x.Length; i++) x[i] /= Profile.Sigma[i];
        return x;
    }
}
