using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Forward;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>The matrix-free path of step 2 (Green's matrix in single precision, gradient projection with conjugate
/// gradients): it must land on the exact solver's optimum wherever both can run.</summary>
public sealed class MatrixFreeSlipTests(ITestOutputHelper output)
{
    /// <summary>A 60 × 24 km thrust dipping 20°, top at 1 km.</summary>
    private static readonly RectangularFault Plane = new(0, 0, 1_000, 60_000, 24_000, 350, 20, default);

    /// <summary>Ascending and descending LOS over a grid (7 km spacing), from a slip pulse with a strike-slip part outside
    /// part of the rake window and a peak above the cap (so both bounds bind), with white noise and an offset per track.</summary>
    private static List<DatasetTerm> Data(DiscretisedFault fault, int side, double noise)
    {
        var patches = fault.Patches.Select(p => p.Geometry with
        {
            Slip = FaultSlip.FromRake(p.AlongStrike < 4 ? 150 : 95,
                3 * Math.Exp(-Math.Pow((p.AlongStrike - 12) / 6.0, 2) - Math.Pow((p.DownDip - 4) / 3.0, 2))),
        }).ToList();
        var random = new Randomness.RandomStream(23);
        return new[] { ("asc", LosVector.FromIncidenceAndHeading(39, -12), 0.01), ("dsc", LosVector.FromIncidenceAndHeading(34, -168), -0.02) }
            .Select(t => DatasetTerm.Prepare(TestProblems.Los(t.Item1, patches, t.Item2, side, 7_000, (_, _) => t.Item3 + noise * random.NextGaussian(),
                sigma: Enumerable.Repeat(noise, side * side).ToArray()), NuisanceModel.Offset))
            .ToList();
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(3.0)]
    [InlineData(30.0)]
    public void The_matrix_free_solution_equals_the_exact_one_to_the_precision_of_single_precision_storage(double alpha)
    {
        // 24 × 10 patches, 482 unknowns (two rake-window coefficients per patch and an offset per track), 1,152 data.
        var fault = DiscretisedFault.Rectangle(Plane, 24, 10);
        var data = Data(fault, side: 24, noise: 0.004);
        var basis = SlipBasis.Window(60, 120, 1.2);
        var dense = SlipSystem.Build(fault, data, basis);
        var free = SlipSystem.Build(fault, data, basis, algebra: SlipAlgebra.MatrixFree);
        Assert.False(dense.IsMatrixFree);
        Assert.True(free.IsMatrixFree);
        var exact = SlipInversion.Solve(dense, alpha);
        var approximate = SlipInversion.Solve(free, alpha);
        output.WriteLine($"alpha {alpha}: exact F {exact.Objective:R} ({exact.Iterations} steps), matrix-free F {approximate.Objective:R} ({approximate.Iterations} products, KKT {approximate.KktViolation:E2}); " +
                         $"Mw {exact.MomentMagnitude:F5} / {approximate.MomentMagnitude:F5}; at a bound {exact.Unknowns.Count(v => v == 0 || v == 1.2)} / {approximate.Unknowns.Count(v => v == 0 || v == 1.2)}");
        Assert.True(exact.Converged);
        Assert.True(approximate.Converged);
        Assert.InRange(approximate.KktViolation, 0, 1e-6);
        // Both bounds bind, so the active set had to be found, not just a linear system solved.
        Assert.Contains(approximate.Unknowns.Take(2 * fault.Patches.Count), v => v == 0);
        if (alpha < 1) Assert.Contains(approximate.Unknowns.Take(2 * fault.Patches.Count), v => v == 1.2);
        // The optimum: objective within 1e-6 (relative), moment within 0.1 %, every patch within 1 % of the peak slip.
        Assert.InRange(approximate.Objective, exact.Objective * (1 - 1e-6), exact.Objective * (1 + 1e-6));
        Assert.InRange(approximate.Moment / exact.Moment, 0.999, 1.001);
        double peak = exact.PeakPatch.Magnitude;
        for (int q = 0; q < fault.Patches.Count; q++)
            Assert.InRange(approximate.Patches[q].Magnitude - exact.Patches[q].Magnitude, -0.01 * peak, 0.01 * peak);
        // Misfit and roughness come from the single-precision products, as the objective does.
        Assert.InRange(approximate.Misfit + alpha * alpha * approximate.Roughness, approximate.Objective * (1 - 1e-6), approximate.Objective * (1 + 1e-6));
    }

    [Fact]
    public void The_matrix_free_path_keeps_no_dense_normal_equations_and_says_what_it_cannot_do()
    {
        var fault = DiscretisedFault.Rectangle(Plane, 6, 3);
        var data = Data(fault, side: 12, noise: 0.004);
        var free = SlipSystem.Build(fault, data, SlipBasis.Window(60, 120, 2.0), algebra: SlipAlgebra.MatrixFree);
        var solution = SlipInversion.Solve(free, 1.0);
        Assert.Contains("dense normal equations", Assert.Throws<ArgumentException>(() => SmoothingCriteria.Of(free, solution)).Message);
        Assert.Contains("matrix-free", Assert.Throws<ArgumentException>(() => SlipResolution.Of(free, 1.0)).Message);
        Assert.Contains("smooths slip only", Assert.Throws<ArgumentException>(() =>
            SlipSystem.Build(fault, data, SlipBasis.Window(60, 120, 2.0), target: RoughnessTarget.StressDrop, algebra: SlipAlgebra.MatrixFree)).Message);
        // An L-curve still runs (the corner needs no criteria); ABIC and GCV are reported missing, not made up.
        var curve = SlipInversion.LCurve(free, SlipInversion.LogWeights(0.1, 100, 5));
        Assert.All(curve.Criteria!, c => Assert.True(double.IsNaN(c.Abic)));
    }
}
