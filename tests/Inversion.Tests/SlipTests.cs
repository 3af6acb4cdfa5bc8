using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>Step 2: the linear slip problem, its two solvers, smoothing and the L-curve.</summary>
public sealed class SlipTests(ITestOutputHelper output)
{
    /// <summary>A 40 × 20 km thrust dipping 30°, top at 1 km, cut into 10 × 5 patches of 4 × 4 km.</summary>
    private static readonly RectangularFault Plane = new(0, 0, 1_000, 40_000, 20_000, 0, 30, default);

    private static DiscretisedFault Fault(int along = 10, int down = 5) => DiscretisedFault.Rectangle(Plane, along, down);

    /// <summary>Ascending and descending LOS on a grid around the fault from the given patch slips, plus noise.</summary>
    private static List<DatasetTerm> Data(DiscretisedFault fault, Func<FaultPatch, FaultSlip> slip, double noise = 0, int side = 24,
        NuisanceModel nuisance = NuisanceModel.None, double offset = 0)
    {
        var patches = fault.Patches.Select(p => p.Geometry with { Slip = slip(p) }).ToList();
        var terms = new List<DatasetTerm>();
        var random = new Randomness.RandomStream(17);
        foreach (var (name, los) in new[] { ("asc", LosVector.FromIncidenceAndHeading(39, -12)), ("dsc", LosVector.FromIncidenceAndHeading(34, -168)) })
        {
            var e = new List<double>();
            var n = new List<double>();
            for (int j = 0; j < side; j++)
                for (int i = 0; i < side; i++) { e.Add(-60_000 + 120_000.0 * (i + 0.31) / side); n.Add(-45_000 + 90_000.0 * (j + 0.47) / side); }
            var f = SurfaceDisplacement.Compute(patches, [], ElasticMedium.Default, [.. e], [.. n]);
            var v = Enumerable.Range(0, e.Count).Select(k => f.Los(k, los) + offset + noise * random.NextGaussian()).ToArray();
            int count = e.Count;
            var d = new GeodeticDataset(name, DatasetKind.Los, [.. e], [.. n], v, Enumerable.Repeat(los.East, count).ToArray(),
                Enumerable.Repeat(los.North, count).ToArray(), Enumerable.Repeat(los.Up, count).ToArray(),
                new ImportProvenance("test", "test", [], count), sigma: Enumerable.Repeat(noise > 0 ? noise : 0.01, count).ToArray());
            terms.Add(DatasetTerm.Prepare(d, nuisance));
        }
        return terms;
    }

    [Fact]
    public void The_active_set_and_steepest_descent_solvers_reach_the_same_objective_and_the_kkt_conditions_hold()
    {
        var fault = Fault(6, 3);
        // Slip with parts outside the window and above the cap, so both bounds are active at the solution.
        var data = Data(fault, p => FaultSlip.FromRake(p.AlongStrike < 2 ? 160 : 90, p.AlongStrike == 3 ? 4.0 : 1.0), noise: 0.003);
        var system = SlipSystem.Build(fault, data, SlipBasis.Window(45, 135, 2.5));
        foreach (double alpha in new[] { 0.0, 0.3, 3.0 })
        {
            var exact = SlipInversion.Solve(system, alpha, SlipSolver.ActiveSet);
            var descent = SlipInversion.Solve(system, alpha, SlipSolver.SteepestDescent);
            output.WriteLine($"alpha {alpha}: active set F = {exact.Objective:R} ({exact.Iterations} it), descent F = {descent.Objective:R} ({descent.Iterations} it), KKT {exact.KktViolation:E2}");
            Assert.True(exact.Converged);
            Assert.InRange(descent.Objective, exact.Objective * (1 - 1e-6), exact.Objective * (1 + 1e-6));
            Assert.InRange(exact.KktViolation, 0, 1e-9);
            // The objective the solver reports is misfit + α² roughness recomputed from the slip.
            double recomputed = exact.Misfit + alpha * alpha * exact.Roughness;
            Assert.InRange(exact.Objective, recomputed * (1 - 1e-9), recomputed * (1 + 1e-9));
            // Bounds: coefficients within [0, max]; both bounds reached somewhere.
            var coefficients = exact.Unknowns.Take(2 * fault.Patches.Count).ToArray();
            Assert.All(coefficients, v => Assert.InRange(v, 0, 2.5));
            if (alpha == 0)
            {
                Assert.Contains(coefficients, v => v == 0);
                Assert.Contains(coefficients, v => v == 2.5);
            }
            Assert.All(exact.Patches.Where(p => p.Magnitude > 1e-9), p => Assert.InRange(p.Rake, 45 - 1e-9, 135 + 1e-9));
        }
    }

    [Fact]
    public void A_system_given_other_observations_solves_exactly_as_one_built_from_them()
    {
        var fault = Fault(6, 3);
        var data = Data(fault, _ => FaultSlip.FromRake(90, 1.0), noise: 0.003, nuisance: NuisanceModel.Offset);
        var other = Data(fault, p => FaultSlip.FromRake(80, 0.5 + 0.1 * p.AlongStrike), noise: 0.003, nuisance: NuisanceModel.Offset);
        var basis = SlipBasis.Window(45, 135, 5);
        var reused = SlipSystem.Build(fault, data, basis).WithObserved(other.Select(t => t.Data.Value.ToArray()).ToList());
        var rebuilt = SlipSystem.Build(fault, other, basis);
        var a = SlipInversion.Solve(reused, 0.5, SlipSolver.ActiveSet);
        var b = SlipInversion.Solve(rebuilt, 0.5, SlipSolver.ActiveSet);
        Assert.Equal(b.Objective, a.Objective, 1e-9 * b.Objective);
        for (int q = 0; q < b.Patches.Count; q++) Assert.Equal(b.Patches[q].Magnitude, a.Patches[q].Magnitude, 1e-9);
        Assert.Equal(b.Datasets[0].Rms, a.Datasets[0].Rms, 1e-12);
        Assert.Throws<ArgumentException>(() => rebuilt.WithObserved([new double[3], new double[3]]));
    }

    [Fact]
    public void On_a_larger_system_the_warm_started_exact_path_the_plain_pivoting_and_fista_agree()
    {
        // 20 × 10 patches = 400 unknowns: above the size at which the exact solver first runs accelerated descent.
        var fault = Fault(20, 10);
        var data = Data(fault, p => FaultSlip.FromRake(p.AlongStrike < 5 ? 150 : 90, 2 * Math.Exp(-Math.Pow((p.AlongStrike - 9) / 5.0, 2) - Math.Pow((p.DownDip - 3) / 3.0, 2))),
            noise: 0.003, side: 30);
        var system = SlipSystem.Build(fault, data, SlipBasis.Window(45, 135, 1.5));
        Assert.True(system.Columns > 300);
        foreach (double alpha in new[] { 0.5, 5.0 })
        {
            var n = SlipInversion.Normal(system, alpha);
            var plain = BoundedLeastSquares.Solve(n, system.GramRhs, system.Lower, system.Upper, system.DataNorm);
            var exact = SlipInversion.Solve(system, alpha);
            var fista = SlipInversion.Solve(system, alpha, SlipSolver.Accelerated);
            output.WriteLine($"alpha {alpha}: plain {plain.Objective:R} ({plain.Iterations} it), exact path {exact.Objective:R} ({exact.Iterations} it), FISTA {fista.Objective:R} ({fista.Iterations} it)");
            Assert.True(plain.Converged && exact.Converged);
            Assert.InRange(exact.Objective, plain.Objective * (1 - 1e-10), plain.Objective * (1 + 1e-10));
            Assert.InRange(fista.Objective, plain.Objective * (1 - 1e-10), plain.Objective * (1 + 1e-6));
            Assert.InRange(exact.KktViolation, 0, 1e-9);
            // Warm start from another weight's solution lands on the same optimum.
            var warm = SlipInversion.Solve(system, alpha, SlipSolver.ActiveSet, SlipInversion.Solve(system, 2 * alpha).Unknowns);
            Assert.InRange(warm.Objective, plain.Objective * (1 - 1e-10), plain.Objective * (1 + 1e-10));
        }
    }

    [Fact]
    public void Noise_free_uniform_slip_is_recovered_exactly_without_smoothing()
    {
        var fault = Fault(6, 3);
        var data = Data(fault, _ => FaultSlip.FromRake(100, 1.5), nuisance: NuisanceModel.Offset, offset: 0.02);
        var s = SlipInversion.Solve(SlipSystem.Build(fault, data, SlipBasis.Window(45, 135, 10)), 0);
        Assert.All(s.Patches, p =>
        {
            Assert.InRange(p.Magnitude, 1.5 - 1e-6, 1.5 + 1e-6);
            Assert.InRange(p.Rake, 100 - 1e-5, 100 + 1e-5);
        });
        Assert.All(s.Datasets, d => Assert.InRange(d.Nuisance[0], 0.02 - 1e-8, 0.02 + 1e-8));
        Assert.InRange(s.Misfit, 0, 1e-12);
        double m0 = 30e9 * 40_000 * 20_000 * 1.5;
        Assert.InRange(s.Moment, m0 * (1 - 1e-6), m0 * (1 + 1e-6));
    }

    [Fact]
    public void A_checkerboard_is_recovered_where_the_data_resolve_it()
    {
        // 4 × 4 km patches; 2 × 2-patch blocks of 2 m and 0 m thrust slip; the shallow half is well resolved by dense LOS.
        var fault = Fault(10, 5);
        bool On(FaultPatch p) => (p.AlongStrike / 2 + p.DownDip / 2) % 2 == 0;
        var data = Data(fault, p => FaultSlip.FromRake(90, On(p) ? 2.0 : 0.0), noise: 0.002, side: 40);
        var system = SlipSystem.Build(fault, data, SlipBasis.Window(45, 135, 5));
        var curve = SlipInversion.LCurve(system, SlipInversion.DefaultWeights(system, 12));
        var s = curve.Chosen;
        var shallow = s.Patches.Where(p => fault.Patches[p.Index].DownDip < 3).ToList();
        double onMean = shallow.Where(p => On(fault.Patches[p.Index])).Average(p => p.Magnitude);
        double offMean = shallow.Where(p => !On(fault.Patches[p.Index])).Average(p => p.Magnitude);
        output.WriteLine($"alpha {s.Alpha:G3} (corner {curve.Corner}): shallow 'on' mean {onMean:F2} m, 'off' mean {offMean:F2} m, Mw {s.MomentMagnitude:F3}");
        Assert.InRange(onMean, 1.4, 2.6);
        Assert.InRange(offMean, 0.0, 0.6);
        double truth = 30e9 * 25 * 16e6 * 2.0;
        Assert.InRange(s.MomentMagnitude, SourceSet.MomentMagnitude(truth) - 0.05, SourceSet.MomentMagnitude(truth) + 0.05);
    }

    [Fact]
    public void The_l_curve_trades_misfit_for_roughness_and_its_corner_is_interior()
    {
        var fault = Fault(10, 5);
        var data = Data(fault, p => FaultSlip.FromRake(90, 3 * Math.Exp(-Math.Pow((p.AlongStrike - 4.5) / 3, 2) - Math.Pow((p.DownDip - 1.5) / 1.5, 2))), noise: 0.003);
        var system = SlipSystem.Build(fault, data, SlipBasis.Window(45, 135, 10));
        var curve = SlipInversion.LCurve(system, SlipInversion.DefaultWeights(system, 15));
        foreach (var (c, i) in curve.Solutions.Select((c, i) => (c, i)))
            output.WriteLine($"alpha {c.Alpha:G4}: misfit {c.Misfit:G6} roughness {c.Roughness:G6} curvature {curve.Curvature[i]:G4}{(i == curve.Corner ? " <- corner" : "")}");
        for (int k = 1; k < curve.Solutions.Count; k++)
        {
            Assert.True(curve.Solutions[k].Misfit >= curve.Solutions[k - 1].Misfit * (1 - 1e-9), "misfit grows with smoothing");
            Assert.True(curve.Solutions[k].Roughness <= curve.Solutions[k - 1].Roughness * (1 + 1e-9), "roughness falls with smoothing");
        }
        Assert.InRange(curve.Corner, 1, curve.Solutions.Count - 2);
        Assert.True(curve.Curvature[curve.Corner] > 0);
        var s = curve.Chosen;
        var peak = s.PeakPatch;
        Assert.InRange(fault.Patches[peak.Index].AlongStrike, 3, 6);
        Assert.InRange(fault.Patches[peak.Index].DownDip, 0, 3);
    }

    [Fact]
    public void The_joint_dip_and_smoothing_scan_prefers_the_true_dip()
    {
        // Data from a 30° thrust with smooth slip; trial planes share the top edge and differ in dip.
        var data = Data(Fault(), p => FaultSlip.FromRake(90, 2 * Math.Exp(-Math.Pow((p.AlongStrike - 4.5) / 3, 2) - Math.Pow((p.DownDip - 2) / 2, 2))), noise: 0.002);
        var scan = DipAlphaScan.Run(dip => SlipSystem.Build(DiscretisedFault.Rectangle(Plane with { Dip = dip }, 10, 5), data, SlipBasis.Window(45, 135, 10)),
            [15, 22, 30, 38, 50], [0.1, 0.3, 1, 3, 10]);
        output.WriteLine($"best dip {scan.Dips[scan.Best.Dip]}, alpha {scan.Weights[scan.Best.Weight]}");
        Assert.Equal(30, scan.Dips[scan.Best.Dip]);
        Assert.Equal(scan.Criterion.Cast<double>().Min(), scan.Criterion[scan.Best.Dip, scan.Best.Weight]);
        Assert.Throws<ArgumentException>(() => DipAlphaScan.Run(_ => throw new InvalidOperationException(), [95], [1]));
    }

    [Fact]
    public void Weights_that_do_not_bracket_the_corner_are_refused_with_the_way_to_move_them()
    {
        // Noise-free data: the misfit climbs from the smallest weight on, so weights far above the reference have no
        // corner and the corner lies below them.
        var fault = Fault(6, 3);
        var system = SlipSystem.Build(fault, Data(fault, _ => FaultSlip.FromRake(90, 1.0)), SlipBasis.Window(45, 135, 5));
        var high = SlipInversion.DefaultWeights(system, 8).Select(a => a * 1e3).ToArray();
        var e = Assert.Throws<ArgumentException>(() => SlipInversion.LCurve(system, high));
        Assert.Contains("has no corner", e.Message);
        Assert.Contains("move the weights lower", e.Message);
    }

    [Fact]
    public void Curvature_of_a_circle_is_the_inverse_radius()
    {
        var t = Enumerable.Range(0, 30).Select(i => 0.1 * i).ToArray();
        var x = t.Select(v => 3 * Math.Cos(v)).ToArray();
        var y = t.Select(v => 3 * Math.Sin(v)).ToArray();
        var k = LCurve.Curvatures(t, x, y);
        for (int i = 1; i < 29; i++) Assert.InRange(k[i], 1 / 3.0 - 0.002, 1 / 3.0 + 0.002);
    }

    [Theory]
    [InlineData(135, 45, 2, "first rake must be smaller")]
    [InlineData(-10, 180, 2, "narrower than 180")]
    [InlineData(45, 135, -1, "maximum slip must be a positive")]
    public void Bad_rake_windows_and_slip_caps_are_refused(double r1, double r2, double max, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => SlipBasis.Window(r1, r2, max)).Message);

    [Fact]
    public void Coefficients_no_datum_sees_are_reported_and_either_held_at_zero_or_left_to_smoothing()
    {
        // Segment A: a vertical fault along x. Vertical GNSS on its own line (y = 0) sees neither of its slip
        // components (uz is antisymmetric across a vertical fault for both). Segment B: a thrust 30 km to the north,
        // which the same stations do see.
        var fault = DiscretisedFault.Segments([
            new FaultSegment(new RectangularFault(0, 0, 1_000, 40_000, 15_000, 90, 90, default), 4, 2),
            new FaultSegment(new RectangularFault(0, 30_000, 2_000, 40_000, 20_000, 90, 30, default), 4, 2)]);
        double[] e = [-60_000, -45_000, -30_000, -10_000, 10_000, 30_000, 45_000, 60_000, 80_000];
        var patches = fault.Patches.Select(p => p.Geometry with { Slip = new FaultSlip(1, 0.3) }).ToList();
        var f = SurfaceDisplacement.Compute(patches, [], ElasticMedium.Default, e, new double[e.Length]);
        var up = new GeodeticDataset("up", DatasetKind.GnssComponent, e, new double[e.Length], f.Up, new double[e.Length], new double[e.Length],
            Enumerable.Repeat(1.0, e.Length).ToArray(), new ImportProvenance("test", "test", [], e.Length), sigma: Enumerable.Repeat(0.001, e.Length).ToArray());
        var loose = SlipSystem.Build(fault, [DatasetTerm.Prepare(up)], SlipBasis.FreeSign(10));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], loose.BlindPatches);
        Assert.Equal(16, loose.BlindColumns.Count);
        Assert.False(loose.BlindFixed);
        Assert.Contains("singular", Assert.Throws<ArgumentException>(() => SlipInversion.Solve(loose, 0)).Message);
        // Smoothing ties the blind coefficients (zero beyond the edges makes the Laplacian definite): solvable.
        Assert.True(SlipInversion.Solve(loose, 1.0).Converged);
        // The stated fix: hold them at zero; then segment A carries no slip.
        var fixedBlind = SlipSystem.Build(fault, [DatasetTerm.Prepare(up)], SlipBasis.FreeSign(10), fixBlindAtZero: true);
        Assert.True(fixedBlind.BlindFixed);
        var s = SlipInversion.Solve(fixedBlind, 0.01);
        Assert.True(s.Converged);
        Assert.All(s.Patches.Take(8), p => Assert.Equal(0, p.Magnitude));
        Assert.Contains(s.Patches.Skip(8), p => p.Magnitude > 0);
    }

    [Fact]
    public void The_laplacian_follows_the_boundary_rule()
    {
        var fault = DiscretisedFault.Rectangle(new RectangularFault(0, 0, 0, 30_000, 20_000, 0, 45, default), 3, 2);
        double Diagonal(SmoothingBoundary b, int patch) => Smoothing.Laplacian(fault, b)[patch].Single(t => t.Column == patch).Value;
        // Patch 0: top-left corner at the surface, 2 neighbours.
        Assert.Equal(-2, Diagonal(SmoothingBoundary.Free, 0));
        Assert.Equal(-4, Diagonal(SmoothingBoundary.ZeroEdges, 0));
        Assert.Equal(-3, Diagonal(SmoothingBoundary.FreeSurface, 0));
        // Patch 4: bottom row middle, 3 neighbours, one missing below (not the surface).
        Assert.Equal(-4, Diagonal(SmoothingBoundary.FreeSurface, 4));
        Assert.Equal(-3, Diagonal(SmoothingBoundary.Free, 4));
        // Uniform slip is not rough when nothing is assumed beyond the edges.
        Assert.All(Smoothing.Laplacian(fault, SmoothingBoundary.Free), row => Assert.Equal(0, row.Sum(t => t.Value), 12));
    }

    [Fact]
    public void The_stress_kernel_drops_stress_on_a_slipping_patch_and_stress_smoothing_solves()
    {
        var fault = Fault(6, 3);
        var k = StressKernel.Build(fault, ElasticMedium.Default);
        int m = 2 * fault.Patches.Count;
        for (int i = 0; i < fault.Patches.Count; i++)
        {
            // Left-lateral slip lowers the left-lateral shear on its own patch; reverse slip the reverse shear.
            Assert.True(k[(long)(2 * i) * m + 2 * i] < 0);
            Assert.True(k[(long)(2 * i + 1) * m + 2 * i + 1] < 0);
        }
        var data = Data(fault, _ => FaultSlip.FromRake(90, 1.0), noise: 0.002);
        var system = SlipSystem.Build(fault, data, SlipBasis.Window(45, 135, 5), target: RoughnessTarget.StressDrop);
        var s = SlipInversion.Solve(system, 1e-6);
        Assert.True(s.Converged);
        Assert.InRange(s.MomentMagnitude, SourceSet.MomentMagnitude(30e9 * 40_000 * 20_000) - 0.05, SourceSet.MomentMagnitude(30e9 * 40_000 * 20_000) + 0.05);
    }
}
