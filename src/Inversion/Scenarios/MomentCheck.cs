using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Inversion.Scenarios;

/// <summary>One synthetic event's step-2 moment under each smoothing rule.</summary>
/// <param name="Event">The event (uniform-slip truth, noisy quadtree InSAR of two tracks).</param>
/// <param name="TrueMoment">M0 of the truth, N·m.</param>
/// <param name="Moment">Step 2's M0 at the weight each rule picks, N·m.</param>
/// <param name="Alpha">That weight.</param>
/// <param name="Patches">Patches of the extended plane.</param>
/// <param name="Seconds">Wall time of the L-curve with its criteria.</param>
public sealed record MomentCheckCase(SyntheticEvent Event, double TrueMoment, IReadOnlyDictionary<SmoothingChoice, double> Moment,
    IReadOnlyDictionary<SmoothingChoice, double> Alpha, int Patches, double Seconds)
{
    /// <summary>M0 at the minimum of ABIC restricted to the active set (the rejected variant), N·m.</summary>
    public double ActiveSetAbicMoment { get; init; } = double.NaN;

    /// <summary>M0 / true M0 − 1 of a rule.</summary>
    public double Error(SmoothingChoice rule) => Moment[rule] / TrueMoment - 1;
}

/// <summary>
/// Step 2's moment on synthetic events whose answer is known (issue 22, "moment check"): the event's true rectangle is
/// extended as a user extends step 1's — by half its length at each end, half its width down dip and up dip (to the
/// surface at most) — cut into about 12 × 6 patches over the truth's extent scaled up, and solved with a rake window of
/// the true rake ± 45°, slip up to ten times the true slip, an offset and ramp per track, each track whitened by its
/// declared noise covariance, the default 20-weight series; the moment at the corner, the ABIC minimum and the GCV
/// minimum is compared with the truth's.
/// </summary>
public static class MomentCheck
{
    /// <summary>Runs event <paramref name="index"/> of <see cref="SyntheticEvents"/>; <paramref name="extension"/> is the
    /// share of the true length (at each end) and width (up and down dip) the plane is extended by.</summary>
    public static MomentCheckCase Run(int index, SyntheticEventOptions? options = null, double extension = 0.5)
    {
        var e = SyntheticEvents.Build(index, options);
        var truth = e.Truth;
        var medium = ElasticMedium.Default;
        var plane = FaultExtension.Extend(truth, extension * truth.Length, extension * truth.Width, extension * truth.Width);
        var segment = FaultExtension.Cut(plane, plane.Length / 24, plane.Width / 12);
        var fault = DiscretisedFault.Segments([segment]);
        var terms = e.Datasets.Select(d => DatasetTerm.Prepare(d, NuisanceModel.Linear)).ToList();
        double rake = truth.Slip.Rake;
        var system = SlipSystem.Build(fault, terms, SlipBasis.Window(rake - 45, rake + 45, Math.Max(1, 10 * truth.Slip.Magnitude)),
            SmoothingBoundary.FreeSurface, medium: medium);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Chosen by ABIC only so that a curve without a corner is still measured (its corner moment is then NaN).
        var curve = SlipInversion.LCurve(system, SlipInversion.DefaultWeights(system), choice: SmoothingChoice.Abic);
        double seconds = clock.Elapsed.TotalSeconds;
        var picks = new Dictionary<SmoothingChoice, int>
        {
            [SmoothingChoice.Corner] = curve.Corner, [SmoothingChoice.Abic] = curve.AbicMinimum, [SmoothingChoice.Gcv] = curve.GcvMinimum,
        };
        // The active-set variant of ABIC, for the benchmark's comparison (SmoothingCriteria explains why it is not used).
        var active = curve.Solutions.Select(q => SmoothingCriteria.Of(system, q, activeSet: true)).ToList();
        int abicActive = Enumerable.Range(0, active.Count).Where(i => curve.Solutions[i].Converged).MinBy(i => active[i].Abic);
        double trueMoment = medium.ShearModulus * truth.Length * truth.Width * truth.Slip.Magnitude;
        return new MomentCheckCase(e, trueMoment, picks.ToDictionary(p => p.Key, p => p.Value < 0 ? double.NaN : curve.Solutions[p.Value].Moment),
            picks.ToDictionary(p => p.Key, p => p.Value < 0 ? double.NaN : curve.Solutions[p.Value].Alpha), fault.Patches.Count, seconds)
        {
            ActiveSetAbicMoment = curve.Solutions[abicActive].Moment,
        };
    }
}
