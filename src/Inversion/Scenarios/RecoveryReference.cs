using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Problem;

namespace SourceModel.Inversion.Scenarios;

/// <summary>
/// What a perfect search would return for a synthetic event: the true source polished on the event's own misfit (slip
/// solved linearly, Nelder–Mead from the truth). Noise moves the global minimum away from the truth; when the polished
/// truth lies outside the recovery bands, no search can be "right" on that event, and a run whose misfit is at or below
/// the reference's has found the global minimum.
/// </summary>
/// <param name="Cost">Misfit of the polished truth.</param>
/// <param name="Parameters">Its full parameter vector.</param>
/// <param name="Error">Its distance from the truth.</param>
public sealed record RecoveryReference(double Cost, double[] Parameters, RecoveryError Error)
{
    /// <summary>True when the polished truth is within the bands.</summary>
    public bool Resolvable => Error.WithinBands;

    /// <summary>Polishes the truth of <paramref name="ev"/> on <paramref name="problem"/> (a single rectangle named <c>fault</c>).</summary>
    public static RecoveryReference Of(GeometryProblem problem, SyntheticEvent ev)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(ev);
        var truth = problem.Layout.ParameterNames.Select(n => ev.TrueParameters.GetValueOrDefault(n)).ToArray();
        var projected = SlipProjectedProblem.TryCreate(problem) ?? throw new ArgumentException("the problem has no rake-and-slip rectangle.");
        var start = projected.Reduce(truth);
        for (int k = 0; k < start.Length; k++) start[k] = Math.Clamp(start[k], 0, 1);
        var polished = NelderMeadPolish.Run(projected, start, projected.Cost(start), new PolishOptions { MaxEvaluations = 6000 });
        var full = projected.Complete(polished.Position);
        var found = problem.Layout.Realise(full, out _)!.Rectangles[0];
        return new RecoveryReference(polished.Cost, full, RecoveryError.Of(ev.Truth, found, problem.Medium));
    }
}
