using MathNet.Numerics.Distributions;
using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Inversion.Scenarios;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>
/// The CI-sized subset of issue 19's reliability benchmark (bench: <c>-- reliability</c>, 24 events × 4 seeds, in
/// bench/RESULTS.md): six synthetic two-track events — every faulting style, correlated noise, ramps, masks, quadtree —
/// inverted by the default search with the generic bounds a user sets, two seeds each.
/// </summary>
public sealed class SearchReliabilityTests(ITestOutputHelper output)
{
    private static GeometryProblem Problem(SyntheticEvent ev)
    {
        var layout = new SourceLayout([new SourceTemplate("fault", SourceKind.Rectangle)]);
        return new GeometryProblem(layout, layout.Space(ev.Bounds), ev.Datasets.Select(d => DatasetTerm.Prepare(d, NuisanceModel.Linear)));
    }

    [Fact]
    public void Every_default_run_with_generic_bounds_reaches_the_global_minimum_and_is_right_where_the_data_resolve_the_fault()
    {
        int runs = 0, global = 0, resolvable = 0, within = 0;
        for (int e = 0; e < 6; e++)
        {
            var ev = SyntheticEvents.Build(e);
            var problem = Problem(ev);
            var reference = RecoveryReference.Of(problem, ev);
            foreach (long seed in new long[] { 1, 2 })
            {
                var result = GeometryInversion.Run(problem, new GeometrySearchOptions { Seed = seed });
                var error = RecoveryError.Of(ev.Truth, result.Best.Sources.Rectangles[0]);
                bool atGlobal = result.Best.Cost <= reference.Cost * (1 + 1e-4);
                output.WriteLine($"{ev.Describe()} seed {seed}: misfit {result.Best.Cost:F4} (polished truth {reference.Cost:F4}), " +
                                 $"{(error.WithinBands ? "within the bands" : "outside: " + error.Misses())}, {result.Peaks.Count} minima");
                runs++;
                if (atGlobal) global++;
                if (reference.Resolvable)
                {
                    resolvable++;
                    if (error.WithinBands) within++;
                }
            }
        }
        output.WriteLine($"global minimum {global}/{runs}; within the bands {within}/{resolvable} runs on resolvable events");
        Assert.Equal(runs, global);
        Assert.Equal(resolvable, within);
        Assert.True(resolvable >= 8, $"only {resolvable} of {runs} runs were on events the data resolve; the generator has drifted");
    }

    [Fact]
    public void The_competing_minima_carry_delta_chi_square_and_an_F_test_against_the_best()
    {
        var ev = SyntheticEvents.Build(0);
        var problem = Problem(ev);
        var result = GeometryInversion.Run(problem, new GeometrySearchOptions { Seed = 1 });
        var minima = SearchDiagnostics.Minima(result, problem);
        Assert.True(minima.Count >= 2, "the mirror and auxiliary geometries are polished, so there are competing minima");
        Assert.Equal(1, minima[0].Rank);
        Assert.Equal(result.Best.Cost, minima[0].Cost, 1e-12);
        Assert.Equal(1.0, minima[0].PValue);
        int n = problem.DataCount, dof = n - 7 - 2 - 2 * 3;   // 9 free parameters, a linear ramp (3 terms) per track
        foreach (var m in minima.Skip(1))
        {
            Assert.True(m.Cost >= minima[0].Cost);
            Assert.Equal(n * (m.Cost * m.Cost - minima[0].Cost * minima[0].Cost), m.DeltaChiSquare, 1e-9 * n);
            Assert.Equal(1 - FisherSnedecor.CDF(dof, dof, m.FRatio), m.PValue, 1e-12);
            Assert.Equal(m.PValue > 0.05, m.Indistinguishable);
        }
        // The F(ν, ν) upper 5 % point for ν ≈ 1,200 is 1.0997 (e.g. R: qf(0.95, 1200, 1200)), so a minimum 5 % above the
        // best in misfit (F = 1.1025) is just distinguishable and one 4.5 % above (F = 1.092) is not.
        Assert.InRange(1 - FisherSnedecor.CDF(1200, 1200, 1.0997), 0.045, 0.055);
    }

    [Fact]
    public void Polishing_the_minima_of_the_observed_data_finds_the_same_minimum_as_a_full_search_on_a_realisation()
    {
        var ev = SyntheticEvents.Build(2);
        var problem = Problem(ev);
        var observed = GeometryInversion.Run(problem, new GeometrySearchOptions { Seed = 1 });
        var starts = observed.Peaks.Where(p => p.Cost <= 1.15 * observed.Best.Cost).Select(p => p.Parameters).ToList();
        // A realisation: the observed data plus noise from their own covariance.
        var noisy = ev.Datasets.Select((d, j) =>
        {
            var n = new Sampling.Noise.CorrelatedNoise(d.Covariance!).Realisation(5, j);
            return d.WithValues(d.Value.ToArray().Select((v, i) => v + n[i]).ToArray());
        }).ToList();
        var realisation = Problem(ev with { Datasets = noisy });
        var local = GeometryInversion.Run(realisation, new GeometrySearchOptions { Starts = starts });
        var full = GeometryInversion.Run(realisation, new GeometrySearchOptions { Seed = 3 });
        Assert.Equal("polish-from-minima", local.Method);
        Assert.Equal(full.Best.Cost, local.Best.Cost, 1e-4 * full.Best.Cost);
        Assert.True(local.Evaluations < full.Evaluations / 5, $"{local.Evaluations} evaluations vs {full.Evaluations}");
    }
}
