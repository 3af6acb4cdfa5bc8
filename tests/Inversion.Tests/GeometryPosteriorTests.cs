using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Scenarios;
using SourceModel.Inversion.Uncertainty;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>The step-1 posterior: its density is the misfit's Gaussian likelihood inside the prior box and zero outside,
/// and DRAM on the Jiashi synthetic brackets the true source.</summary>
public sealed class GeometryPosteriorTests(ITestOutputHelper output)
{
    private static readonly Lazy<GeometryProblem> Noisy = new(() =>
    {
        // About 400 leaves with 5 mm of correlated noise, whitened by the true leaf covariance.
        var scenario = Jiashi2020.Build(new JiashiScenarioOptions { QuadtreeThreshold = 0.004, NoiseSigma = 0.005, Seed = 2 });
        return JiashiFixture.Problem(scenario, NuisanceModel.Offset);
    });

    [Fact]
    public void The_log_density_is_minus_half_chi_square_inside_the_bounds_and_minus_infinity_outside()
    {
        var problem = Noisy.Value;
        var posterior = new GeometryPosterior(problem);
        var u = Enumerable.Repeat(0.5, 9).ToArray();
        double sigma = problem.Cost(u);
        Assert.Equal(-0.5 * problem.DataCount * sigma * sigma, posterior.Evaluate(u), 9);
        u[2] = 1.0001;
        Assert.Equal(double.NegativeInfinity, posterior.Evaluate(u));
    }

    [Fact]
    public void Dram_on_the_jiashi_synthetic_converges_and_its_99_percent_intervals_contain_the_truth()
    {
        var problem = Noisy.Value;
        var posterior = new GeometryPosterior(problem);
        var truth = JiashiFixture.Truth;
        var specs = problem.Space.Specs;
        var start = problem.Space.ToUnit(specs.Select(p => truth.GetValueOrDefault(p.Name, p.Min)).ToArray());   // opening is fixed at 0
        var free = Enumerable.Range(0, specs.Count).Where(k => specs[k].IsFree).ToArray();
        var starts = Enumerable.Range(0, 4).Select(k => start.Select((v, i) => Math.Clamp(v + 0.01 * (((k + i) % 3) - 1), 0, 1)).ToArray()).ToArray();
        var result = McmcSampler.Run(posterior, starts, Enumerable.Repeat(0.005, 9).ToArray(),
            new AdaptiveMetropolisOptions { Iterations = 25_000, BurnIn = 10_000, Thin = 5 }, seed: 4);
        var rhat = result.RHat();
        for (int i = 0; i < 9; i++)
        {
            // Physical value of the i-th free coordinate at a unit-cube value (the map is linear per coordinate).
            double Physical(double u) => posterior.ToPhysical(Enumerable.Range(0, 9).Select(j => j == i ? u : 0.5).ToArray())[free[i]];
            double lo = Physical(result.Percentile(i, 0.005)), hi = Physical(result.Percentile(i, 0.995));
            string name = specs[free[i]].Name;
            output.WriteLine($"{name}: 99% [{lo:G5}, {hi:G5}], truth {truth[name]:G5}, R̂ {rhat[i]:F3}");
            Assert.InRange(truth[name], lo, hi);
            Assert.InRange(rhat[i], 0.99, 1.05);
        }
        // First or second stage: delayed rejection rescues most first-stage rejections, so well above the AM optimum.
        Assert.All(result.AcceptanceRates, a => Assert.InRange(a, 0.05, 0.9));
    }

    [Fact]
    public void A_noise_scale_hyperparameter_recovers_by_how_much_each_datasets_sigmas_understate_its_noise()
    {
        // Both Jiashi tracks get 8 mm of white noise; the first declares 4 mm (scale 2), the second the true 8 mm.
        var clean = JiashiFixture.Clean;
        var random = new Randomness.RandomStream(5);
        double[] declared = [0.004, 0.008];
        var data = clean.Datasets.Select((d, k) => d.WithValues(d.Value.ToArray().Select(v => v + 0.008 * random.NextGaussian()).ToArray())
            .WithSigma(Enumerable.Repeat(declared[k], d.Count).ToArray())).ToList();
        var layout = new SourceLayout([new SourceTemplate("fault", SourceKind.Rectangle)]);
        var problem = new GeometryProblem(layout, layout.Space(JiashiFixture.Bounds), data.Select(d => DatasetTerm.Prepare(d, NuisanceModel.Offset, WhiteningMode.Sigma)));
        var prior = new NoiseScalePrior(0.25, 4);
        var posterior = new GeometryPosterior(problem, prior);
        Assert.Equal(11, posterior.Dimension);
        Assert.Equal(data.Select(d => $"noise_scale.{d.Name}"), posterior.Names.Skip(9));
        var truth = JiashiFixture.Truth;
        var geometry = problem.Space.ToUnit(problem.Space.Specs.Select(p => truth.GetValueOrDefault(p.Name, p.Min)).ToArray());
        double unitOfOne = Math.Log(1 / prior.Min) / Math.Log(prior.Max / prior.Min);
        var starts = Enumerable.Range(0, 3).Select(_ => geometry.Concat([unitOfOne, unitOfOne]).ToArray()).ToArray();
        var result = McmcSampler.Run(posterior, starts, Enumerable.Repeat(0.005, 11).ToArray(),
            new AdaptiveMetropolisOptions { Iterations = 12_000, BurnIn = 4_000, Thin = 4 }, seed: 9);
        for (int k = 0; k < 2; k++)
        {
            var scales = result.Pooled(9 + k).Select(prior.FromUnit).ToArray();
            double mean = scales.Average();
            // n ≈ 750 leaves per track: a scale is known to about 1/sqrt(2n) ≈ 2.6 % of itself.
            double expected = 0.008 / declared[k];
            output.WriteLine($"{posterior.Names[9 + k]}: posterior mean {mean:F3}, expected {expected:F3}");
            Assert.InRange(mean, 0.9 * expected, 1.1 * expected);
        }
        // With s = 1 the density is the plain −½χ² (the log-scale terms vanish).
        var atOne = geometry.Concat([unitOfOne, unitOfOne]).ToArray();
        Assert.Equal(new GeometryPosterior(problem).Evaluate(geometry), posterior.Evaluate(atOne), 6);
    }
}
