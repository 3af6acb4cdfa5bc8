using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;

namespace SourceModel.Inversion.Slip;

/// <summary>Slip on one patch.</summary>
/// <param name="Index">Patch index.</param>
/// <param name="StrikeSlip">Left-lateral positive, m.</param>
/// <param name="DipSlip">Reverse positive, m.</param>
/// <param name="Geometry">The patch with this slip.</param>
public sealed record PatchSlip(int Index, double StrikeSlip, double DipSlip, RectangularFault Geometry)
{
    /// <summary>Slip magnitude, m.</summary>
    public double Magnitude => Math.Sqrt(StrikeSlip * StrikeSlip + DipSlip * DipSlip);

    /// <summary>Rake, degrees (0 when there is no slip).</summary>
    public double Rake => Geometry.Slip.Rake;
}

/// <summary>
/// A distributed-slip solution for one smoothing weight: the unknowns, the objective split into misfit and roughness,
/// slip per patch, moment, the largest slip and where, the slip-weighted centroid, and the fit to every dataset.
/// </summary>
public sealed record SlipSolution
{
    /// <summary>Smoothing weight α.</summary>
    public required double Alpha { get; init; }

    /// <summary>The unknowns (basis coefficients, then nuisance terms).</summary>
    public required double[] Unknowns { get; init; }

    /// <summary>F = ψ + α²ξ as the solver reported it.</summary>
    public required double Objective { get; init; }

    /// <summary>ψ = ‖W(Gs − d)‖², weighted χ².</summary>
    public required double Misfit { get; init; }

    /// <summary>ξ = ‖Hs‖².</summary>
    public required double Roughness { get; init; }

    /// <summary>Solver's iterations.</summary>
    public required int Iterations { get; init; }

    /// <summary>True when the solver's optimality test was met.</summary>
    public required bool Converged { get; init; }

    /// <summary>Largest KKT violation relative to the gradient scale.</summary>
    public required double KktViolation { get; init; }

    /// <summary>Slip per patch.</summary>
    public required IReadOnlyList<PatchSlip> Patches { get; init; }

    /// <summary>Scalar moment Σ μ·A·|s|, N·m.</summary>
    public required double Moment { get; init; }

    /// <summary>Mw = (2/3)(log10 M0 − 9.1).</summary>
    public double MomentMagnitude => SourceSet.MomentMagnitude(Moment);

    /// <summary>The patch with the largest slip.</summary>
    public PatchSlip PeakPatch => Patches.MaxBy(p => p.Magnitude)!;

    /// <summary>Slip-weighted centroid (east, north, depth), m.</summary>
    public (double East, double North, double Depth) Centroid
    {
        get
        {
            double w = 0, e = 0, n = 0, d = 0;
            foreach (var p in Patches)
            {
                double s = p.Magnitude * p.Geometry.Area;
                var c = p.Geometry.Centroid;
                (w, e, n, d) = (w + s, e + s * c.East, n + s * c.North, d + s * c.Depth);
            }
            return w > 0 ? (e / w, n / w, d / w) : (double.NaN, double.NaN, double.NaN);
        }
    }

    /// <summary>The fit to each dataset (predictions include the nuisance terms). Computed on first use: it is a forward
    /// model of every patch at every point, and an L-curve needs it only for the solutions someone looks at.</summary>
    public IReadOnlyList<DatasetFit> Datasets => _datasets.Value;

    private Lazy<IReadOnlyList<DatasetFit>> _datasets = new(() => []);

    internal static SlipSolution Of(SlipSystem s, double alpha, BoundedSolution r)
    {
        var slip = s.PhysicalSlip(r.X);
        var patches = s.Fault.Patches.Select(p => new PatchSlip(p.Index, slip[2 * p.Index], slip[2 * p.Index + 1],
            p.Geometry with { Slip = new FaultSlip(slip[2 * p.Index], slip[2 * p.Index + 1]) })).ToList();
        return new SlipSolution
        {
            Alpha = alpha, Unknowns = r.X, Objective = r.Objective, Misfit = s.Misfit(r.X), Roughness = s.Roughness(r.X),
            Iterations = r.Iterations, Converged = r.Converged, KktViolation = r.KktViolation, Patches = patches,
            Moment = patches.Sum(p => s.Medium.ShearModulus * p.Geometry.Area * p.Magnitude),
            _datasets = new(() => Fits(s, r.X, patches)),
        };
    }

    private static IReadOnlyList<DatasetFit> Fits(SlipSystem s, double[] x, IReadOnlyList<PatchSlip> patches)
    {
        var fits = new List<DatasetFit>();
        for (int k = 0; k < s.Data.Count; k++)
        {
            var t = s.Data[k];
            var source = new double[t.Count];
            foreach (var p in patches)
                if (p.Magnitude > 0) SurfaceDisplacement.AddProjected(p.Geometry, s.Medium, t.East, t.North, t.UnitEast, t.UnitNorth, t.UnitUp, source);
            var names = Problem.NuisanceColumns.Names(t.Nuisance);
            var columns = s.NuisanceColumns.Where(c => c.Dataset == k).Select(c => c.Column).ToArray();
            var coefficients = new double[names.Count];
            var model = (double[])source.Clone();
            for (int c = 0; c < columns.Length; c++)
            {
                double v = x[columns[c]];
                coefficients[c] = v * Problem.NuisanceColumns.ToPhysical(c);
                for (int i = 0; i < t.Count; i++) model[i] += v * Problem.NuisanceColumns.Value(c, t.East[i], t.North[i], t.CentreEast, t.CentreNorth);
            }
            var residual = t.Observed.Select((o, i) => o - model[i]).ToArray();
            var whitened = (double[])residual.Clone();
            t.Whiten(whitened);
            fits.Add(new DatasetFit(t.Name, (double[])t.Observed.Clone(), model, source, residual, names, coefficients, t.CentreEast, t.CentreNorth,
                Math.Sqrt(residual.Sum(v => v * v) / t.Count), Math.Sqrt(whitened.Sum(v => v * v) / t.Count),
                Statistics.Correlation(t.Observed, model), t.Weight));
        }
        return fits;
    }
}
