namespace SourceModel.Inversion.Slip;

/// <summary>
/// The resolution of a chosen step-2 solution, as a report shows it: the model (and data) resolution diagonals at its
/// weight, a checkerboard of half its peak slip and a spike of its peak slip on its peak patch, both in its mean slip
/// direction, and the patches whose resolution falls below a threshold.
/// </summary>
/// <param name="Resolution">Resolution diagonals at the solution's weight.</param>
/// <param name="Checkerboard">The checkerboard test.</param>
/// <param name="Spike">The spike test (on <paramref name="SpikePatch"/>).</param>
/// <param name="CheckerSize">Checker size, patches.</param>
/// <param name="SpikePatch">Index of the spiked patch.</param>
/// <param name="Rake">Slip direction of both tests, degrees.</param>
/// <param name="Threshold">Patch resolution below which a patch counts as poorly resolved.</param>
public sealed record ResolutionStudy(SlipResolution Resolution, RecoveryTest Checkerboard, RecoveryTest Spike, int CheckerSize, int SpikePatch,
    double Rake, double Threshold)
{
    /// <summary>Patches whose mean resolution is below <see cref="Threshold"/>.</summary>
    public IReadOnlyList<int> PoorlyResolved => Enumerable.Range(0, Resolution.Patches.Length).Where(q => Resolution.Patches[q] < Threshold).ToArray();

    /// <summary>Runs the study for <paramref name="chosen"/>, a solution of <paramref name="system"/>.</summary>
    public static ResolutionStudy Of(SlipSystem system, SlipSolution chosen, int checkerSize, double threshold)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(chosen);
        if (!(threshold >= 0 && threshold <= 1)) throw new ArgumentException($"resolution threshold {threshold}: expected a number in [0, 1].");
        // The slip-weighted mean direction lies inside a rake window (a convex cone), so both tests respect the bounds.
        double ss = chosen.Patches.Sum(p => p.StrikeSlip), ds = chosen.Patches.Sum(p => p.DipSlip);
        double rake = ss == 0 && ds == 0
            ? (system.Basis.IsWindow ? 0.5 * (system.Basis.FirstRake!.Value + system.Basis.SecondRake!.Value) : 90)
            : Math.Atan2(ds, ss) * 180 / Math.PI;
        var peak = chosen.PeakPatch;
        double slip = peak.Magnitude > 0 ? Math.Min(peak.Magnitude, system.Basis.MaxSlip) : 1;
        var resolution = SlipResolution.Of(system, chosen.Alpha);
        var checker = RecoveryTest.Checkerboard(system, chosen.Alpha, checkerSize, 0.5 * slip, rake);
        var spike = RecoveryTest.Spike(system, chosen.Alpha, peak.Index, slip, rake);
        return new ResolutionStudy(resolution, checker, spike, checkerSize, peak.Index, rake, threshold);
    }
}
