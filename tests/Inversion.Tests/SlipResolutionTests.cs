using MathNet.Numerics.LinearAlgebra;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Slip;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>
/// Resolution of step 2 (issue 22): the model and data resolution diagonals against MathNet's dense
/// R = N⁻¹GᵀG and A = G N⁻¹ Gᵀ, their defining properties, and checkerboard and spike recovery — recovered where the
/// resolution is high, smeared where it is low.
/// </summary>
public sealed class SlipResolutionTests(ITestOutputHelper output)
{
    private static readonly SourceModel.Okada.Discretisation.DiscretisedFault Fault = SmoothingCriteriaTests.Fault;

    private static SlipSystem System(int grid, NuisanceModel nuisance = NuisanceModel.None)
    {
        var slip = new double[2 * Fault.Patches.Count];
        foreach (var p in Fault.Patches) slip[2 * p.Index + 1] = 1.0;
        return SlipSystem.Build(Fault, SmoothingCriteriaTests.Data(slip, 3, grid, nuisance), SlipBasis.Window(45, 135, 5), SmoothingBoundary.ZeroEdges);
    }

    private static Matrix<double> Dense(ISymmetricMatrix m) => Matrix<double>.Build.Dense(m.Size, m.Size, m.At);

    [Fact]
    public void Model_and_data_resolution_equal_the_dense_formulas_and_the_influence_trace()
    {
        // 72 data (two tracks on a 6 × 6 grid, an offset each) for 100 slip coefficients: both diagonals are computed.
        var system = System(6, NuisanceModel.Offset);
        foreach (double alpha in new[] { 0.3, 3.0 })
        {
            var r = SlipResolution.Of(system, alpha);
            var n = Dense(system.GramData) + alpha * alpha * Dense(system.GramRoughness);
            var g = Matrix<double>.Build.Dense(system.Rows, system.Columns, system.Greens);
            var inverse = n.Inverse();
            var model = (inverse * Dense(system.GramData)).Diagonal();
            var data = (g * inverse * g.Transpose()).Diagonal();
            for (int j = 0; j < system.Columns; j++) Assert.Equal(model[j], r.Coefficients[j], 1e-8);
            Assert.NotNull(r.Data);
            for (int i = 0; i < system.Rows; i++) Assert.Equal(data[i], r.Data![i], 1e-8);
            Assert.All(r.Patches, v => Assert.InRange(v, -1e-9, 1 + 1e-9));
            // Σ A_ii is the influence trace GCV uses (here from the data-space spectrum).
            var criteria = SmoothingCriteria.Of(system, SlipInversion.Solve(system, alpha));
            Assert.Equal(criteria.InfluenceTrace, r.Data!.Sum(), 1e-8 * criteria.InfluenceTrace);
            output.WriteLine($"α {alpha}: patch resolution {r.Patches.Min():F3}–{r.Patches.Max():F3}, tr A {r.Data!.Sum():F2}");
        }
        // More smoothing, less resolution: every coefficient's R_jj falls as α grows.
        var low = SlipResolution.Of(system, 0.3);
        var high = SlipResolution.Of(system, 3.0);
        for (int j = 0; j < 2 * system.PatchCount; j++) Assert.True(high.Coefficients[j] < low.Coefficients[j]);
    }

    [Fact]
    public void Managed_inverse_from_the_factor_equals_the_dense_inverse()
    {
        var system = System(6);
        int n = system.Columns;
        var full = Dense(system.GramData) + Dense(system.GramRoughness);
        var a = full.ToRowMajorArray();
        Sampling.Noise.CholeskyFactor.Factor(a, n);
        Inverse.Managed(a, n, new Workspace());
        var expected = full.Inverse();
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) Assert.Equal(expected[i, j], a[i * n + j], 1e-9 * expected.Diagonal().AbsoluteMaximum());
    }

    [Fact]
    public void Checkerboard_is_recovered_where_the_resolution_is_high_and_a_spike_stays_near_its_patch()
    {
        // A 24 × 24 grid of two LOS tracks over a 40 × 20 km thrust: shallow patches well resolved, deep ones less.
        var system = System(24);
        double alpha = 3;
        var resolution = SlipResolution.Of(system, alpha);
        var checker = RecoveryTest.Checkerboard(system, alpha, 2, 1.0, 90);
        Assert.True(checker.Converged);
        Assert.Equal(50, checker.Input.Length);
        Assert.Equal(Fault.Patches.Count(p => (p.AlongStrike / 2 + p.DownDip / 2) % 2 == 0), checker.Input.Count(v => Math.Abs(v - 1) < 1e-12));
        Assert.All(checker.Input, v => Assert.True(v == 0 || Math.Abs(v - 1) < 1e-12));
        var error = checker.Input.Zip(checker.Recovered, (i, r) => Math.Abs(i - r)).ToArray();
        var well = Enumerable.Range(0, 50).Where(q => resolution.Patches[q] >= 0.5).ToArray();
        var poorly = Enumerable.Range(0, 50).Where(q => resolution.Patches[q] < 0.5).ToArray();
        output.WriteLine($"checker correlation {checker.Correlation:F3}; well resolved {well.Length} patches, error {well.Average(q => error[q]):F3} m; " +
                         $"poorly resolved {poorly.Length}, error {(poorly.Length > 0 ? poorly.Average(q => error[q]) : double.NaN):F3} m");
        Assert.NotEmpty(well);
        Assert.NotEmpty(poorly);
        Assert.InRange(well.Average(q => error[q]), 0, 0.1);   // 0.05 m of 1 m measured
        Assert.True(well.Average(q => error[q]) < poorly.Average(q => error[q]), "recovery should be worse where resolution is low");
        Assert.InRange(checker.Correlation, 0.65, 1.0);

        // A spike on a shallow central patch: the recovered peak is on it or a neighbour, and most slip stays within one patch.
        var centre = Fault.Patches.First(p => p.AlongStrike == 5 && p.DownDip == 1);
        var spike = RecoveryTest.Spike(system, alpha, centre.Index, 2.0, 90);
        var peak = Fault.Patches[Array.IndexOf(spike.Recovered, spike.Recovered.Max())];
        Assert.InRange(Math.Abs(peak.AlongStrike - centre.AlongStrike) + Math.Abs(peak.DownDip - centre.DownDip), 0, 1);
        double near = Fault.Patches.Where(p => Math.Abs(p.AlongStrike - 5) <= 1 && Math.Abs(p.DownDip - 1) <= 1).Sum(p => spike.Recovered[p.Index]);
        Assert.InRange(near / spike.Recovered.Sum(), 0.5, 1.0);
        Assert.Throws<ArgumentException>(() => RecoveryTest.Spike(system, alpha, 0, 1, 10));   // rake outside the 45–135° window
    }
}
