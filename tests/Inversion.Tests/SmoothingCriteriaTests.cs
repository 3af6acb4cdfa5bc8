using MathNet.Numerics.LinearAlgebra;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>
/// ABIC and GCV of bounded slip solutions (issue 22): the formulas against an independent dense computation, over
/// every unknown (the default) and over the active set when bounds bind; and the rules' defining properties on slip drawn from the smoothing prior itself —
/// ABIC recovers the prior's weight (α² = σ²/ρ² in whitened units), GCV picks a weight whose prediction error is close
/// to the best of the series.
/// </summary>
public sealed class SmoothingCriteriaTests(ITestOutputHelper output)
{
    /// <summary>A 40 × 20 km thrust dipping 30°, top at 2 km (buried: zero slip beyond every edge), 10 × 5 patches.</summary>
    internal static readonly DiscretisedFault Fault = DiscretisedFault.Rectangle(new RectangularFault(0, 0, 2_000, 40_000, 20_000, 0, 30, default), 10, 5);

    private const double Sigma = 0.005;

    /// <summary>Ascending and descending LOS on a 24 × 24 grid from the patches' slip (strike, dip per patch), with
    /// Gaussian noise of <see cref="Sigma"/> (declared as each point's sigma, so the whitened noise has unit variance).</summary>
    internal static List<DatasetTerm> Data(double[] slip, int seed, int grid = 24, NuisanceModel nuisance = NuisanceModel.None)
    {
        var patches = Fault.Patches.Select(p => p.Geometry with { Slip = new FaultSlip(slip[2 * p.Index], slip[2 * p.Index + 1]) }).ToList();
        var random = new Randomness.RandomStream(seed);
        var terms = new List<DatasetTerm>();
        foreach (var (name, los) in new[] { ("asc", LosVector.FromIncidenceAndHeading(39, -12)), ("dsc", LosVector.FromIncidenceAndHeading(34, -168)) })
        {
            var e = new List<double>();
            var n = new List<double>();
            for (int j = 0; j < grid; j++)
                for (int i = 0; i < grid; i++) { e.Add(-60_000 + 120_000.0 * (i + 0.31) / grid); n.Add(-45_000 + 90_000.0 * (j + 0.47) / grid); }
            var f = SurfaceDisplacement.Compute(patches, [], ElasticMedium.Default, [.. e], [.. n]);
            var v = Enumerable.Range(0, e.Count).Select(k => f.Los(k, los) + Sigma * random.NextGaussian()).ToArray();
            int count = e.Count;
            var d = new GeodeticDataset(name, DatasetKind.Los, [.. e], [.. n], v, Enumerable.Repeat(los.East, count).ToArray(),
                Enumerable.Repeat(los.North, count).ToArray(), Enumerable.Repeat(los.Up, count).ToArray(),
                new ImportProvenance("test", "test", [], count), sigma: Enumerable.Repeat(Sigma, count).ToArray());
            terms.Add(DatasetTerm.Prepare(d, nuisance));
        }
        return terms;
    }

    private static Matrix<double> Dense(ISymmetricMatrix m, int n) => Matrix<double>.Build.Dense(n, n, m.At);

    /// <summary>ABIC and GCV by the textbook formulas on the free unknowns, with MathNet's dense algebra.</summary>
    private static (double Abic, double Gcv) Reference(SlipSystem system, SlipSolution s, bool activeSet)
    {
        int m = system.Columns;
        var free = Enumerable.Range(0, m).Where(j => !activeSet || (s.Unknowns[j] > system.Lower[j] && s.Unknowns[j] < system.Upper[j])).ToArray();
        var g = Dense(system.GramData, m).SubMatrix(0, m, 0, m);
        var h = Dense(system.GramRoughness, m);
        var gf = Matrix<double>.Build.Dense(free.Length, free.Length, (a, b) => g[free[a], free[b]]);
        var hf = Matrix<double>.Build.Dense(free.Length, free.Length, (a, b) => h[free[a], free[b]]);
        double a2 = s.Alpha * s.Alpha;
        var normal = gf + a2 * hf;
        double logDet = normal.Cholesky().DeterminantLn;
        int rank = hf.Rank();
        int n = system.Rows, f = free.Length;
        double abic = (n + rank - f) * Math.Log(s.Misfit + a2 * s.Roughness) - rank * Math.Log(a2) + logDet;
        double trace = normal.Inverse().Multiply(gf).Trace();
        return (abic, n * s.Misfit / Math.Pow(n - trace, 2));
    }

    [Fact]
    public void With_fewer_data_than_unknowns_the_data_space_spectrum_gives_the_dense_reference_values()
    {
        // 2 × 36 LOS points, each track with its own offset, for 100 slip coefficients: ABIC and GCV from one
        // eigen-decomposition of K = G̃R⁻¹G̃ᵀ (the offsets projected out) must equal the model-space textbook formulas.
        var slip = new double[2 * Fault.Patches.Count];
        foreach (var p in Fault.Patches) (slip[2 * p.Index], slip[2 * p.Index + 1]) = (0.3, p.DownDip < 3 ? 1.4 : 0.6);
        var system = SlipSystem.Build(Fault, Data(slip, 8, grid: 6, nuisance: NuisanceModel.Offset), SlipBasis.Window(60, 120, 1.6),
            SmoothingBoundary.ZeroEdges);
        Assert.True(system.Rows < 2 * system.PatchCount);
        Assert.NotNull(system.Spectrum);
        Assert.Equal(2, system.Spectrum!.NuisanceUnknowns);
        foreach (double alpha in new[] { 0.1, 1.0, 10.0 })
        {
            var s = SlipInversion.Solve(system, alpha);
            var c = SmoothingCriteria.Of(system, s);
            var (abic, gcv) = Reference(system, s, activeSet: false);
            output.WriteLine($"α {alpha}: ABIC {c.Abic:G12} ({abic:G12}), GCV {c.Gcv:G12} ({gcv:G12}), tr A {c.InfluenceTrace:F4}");
            Assert.True(s.Converged);
            Assert.Equal(abic, c.Abic, Math.Abs(abic) * 1e-9 + 1e-9);
            Assert.Equal(gcv, c.Gcv, gcv * 1e-8);
            Assert.Equal(system.Columns, c.FreeUnknowns);
            Assert.Equal(2 * system.PatchCount, c.SmoothedRank);
        }
    }

    [Fact]
    public void Abic_and_gcv_equal_a_dense_reference_computation_with_and_without_active_bounds()
    {
        // Uniform thrust slip of 1.5 m with a left-lateral part on the western patches: a rake window of 60–120° and a
        // 1.6 m cap bind there and at the slip peak.
        var slip = new double[2 * Fault.Patches.Count];
        foreach (var p in Fault.Patches) (slip[2 * p.Index], slip[2 * p.Index + 1]) = (p.AlongStrike < 3 ? 1.2 : 0.1, p.DownDip == 2 ? 1.9 : 1.5);
        var data = Data(slip, 5);
        foreach (var basis in new[] { SlipBasis.FreeSign(50), SlipBasis.Window(60, 120, 1.6) })
        {
            var system = SlipSystem.Build(Fault, data, basis, SmoothingBoundary.ZeroEdges);
            foreach (var (alpha, activeSet) in new[] { (0.3, false), (3.0, false), (30.0, false), (0.3, true), (3.0, true), (30.0, true) })
            {
                var s = SlipInversion.Solve(system, alpha);
                var c = SmoothingCriteria.Of(system, s, activeSet);
                var (abic, gcv) = Reference(system, s, activeSet);
                output.WriteLine($"{(basis.Bounds.Lower < 0 ? "free sign" : "window")} α {alpha}: {c.FreeUnknowns} free of {system.Columns}, rank {c.SmoothedRank}, ABIC {c.Abic:G10} ({abic:G10}), GCV {c.Gcv:G10} ({gcv:G10}), tr A {c.InfluenceTrace:F3}");
                Assert.True(s.Converged);
                Assert.Equal(abic, c.Abic, Math.Abs(abic) * 1e-9 + 1e-9);
                Assert.Equal(gcv, c.Gcv, gcv * 1e-9);
                Assert.InRange(c.InfluenceTrace, 0, c.FreeUnknowns);
                if (basis.Bounds.Lower >= 0 && activeSet) Assert.True(c.FreeUnknowns < system.Columns, "the window and the cap should bind somewhere");
                if (!activeSet) Assert.Equal(system.Columns, c.FreeUnknowns);
                if (!activeSet) Assert.Equal(c.Abic, SmoothingCriteria.Of(system, s).Abic);   // the public overload is this variant
            }
        }
    }

    [Fact]
    public void On_slip_drawn_from_the_smoothing_prior_abic_recovers_the_prior_weight_and_gcv_nearly_the_best_prediction()
    {
        // Slip ~ N(0, ρ²(HᵀH)⁻¹) with whitened noise of unit variance: the weight that makes the regularised solution the
        // posterior mean is α² = 1/ρ², which ABIC estimates (Fukahata & Wright 2008).
        var probe = SlipSystem.Build(Fault, Data(new double[2 * Fault.Patches.Count], 1), SlipBasis.FreeSign(100), SmoothingBoundary.ZeroEdges);
        int m = probe.Columns;
        var factor = Dense(probe.GramRoughness, m).Cholesky().Factor;   // HᵀH = L Lᵀ
        var ratios = new List<double>();
        foreach (int seed in new[] { 3, 4, 5, 6 })
        {
            const double rho = 0.5;
            var random = new Randomness.RandomStream(seed);
            var z = Vector<double>.Build.Dense(m, _ => random.NextGaussian());
            var x = factor.Transpose().Solve(z) * rho;                    // x = ρ L⁻ᵀ z
            var system = SlipSystem.Build(Fault, Data(probe.PhysicalSlip(x.ToArray()), 100 + seed), SlipBasis.FreeSign(100), SmoothingBoundary.ZeroEdges);
            var weights = SlipInversion.LogWeights(0.02 / rho, 50 / rho, 41);
            var curve = SlipInversion.LCurve(system, weights, choice: SmoothingChoice.Abic);
            double abicAlpha = curve.Chosen.Alpha;
            // Prediction error ‖G(x̂ − x)‖² of each solution (whitened: in units of the noise).
            double Error(SlipSolution s)
            {
                var d = Vector<double>.Build.DenseOfArray(s.Unknowns) - x;
                return d * Dense(system.GramData, m) * d;
            }
            var errors = curve.Solutions.Select(Error).ToArray();
            double gcvError = errors[curve.GcvMinimum], best = errors.Min();
            output.WriteLine($"seed {seed}: ABIC α {abicAlpha:G3} (prior 1/ρ = {1 / rho}), GCV α {curve.Solutions[curve.GcvMinimum].Alpha:G3}, corner α {(curve.Corner >= 0 ? curve.Solutions[curve.Corner].Alpha : double.NaN):G3}; prediction error at GCV {gcvError:G4}, best {best:G4}");
            ratios.Add(abicAlpha * rho);
            Assert.InRange(gcvError, best, 2 * best);
            Assert.False(curve.ChosenAtEdge);
        }
        foreach (double r in ratios) Assert.InRange(r, 1 / 2.0, 2.0);
    }
}
