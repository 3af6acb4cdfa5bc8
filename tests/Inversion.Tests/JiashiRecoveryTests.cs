using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Inversion.Scenarios;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>Synthetic recovery of the published 2020 Jiashi thrust (issue 5, "must show").</summary>
public sealed class JiashiRecoveryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(OptimiserKind.ParticleSwarm)]
    [InlineData(OptimiserKind.MultiPeakSwarm)]
    [InlineData(OptimiserKind.SimulatedAnnealing)]
    public void Noise_free_data_give_every_parameter_within_one_percent_of_its_range(OptimiserKind method)
    {
        var scenario = JiashiFixture.Clean;
        output.WriteLine($"points: {string.Join(", ", scenario.Datasets.Select(d => $"{d.Name} {d.Count}"))}");
        var problem = JiashiFixture.Problem(scenario);
        var result = GeometryInversion.Run(problem, new GeometrySearchOptions
        {
            Method = method, Seed = 7,
            Executor = new ExecutorOptions { MaxIterations = 400 },
        });
        output.WriteLine($"{result.Method}: cost {result.Best.Cost:G4} (optimiser {result.OptimiserCost:G4}), {result.Evaluations} evaluations, {result.Termination}, {result.Elapsed.TotalSeconds:F1} s");
        foreach (var (name, truth) in JiashiFixture.Truth)
        {
            var spec = JiashiFixture.Bounds[name];
            double raw = result.OptimiserParameters[result.ParameterNames.ToList().IndexOf(name)];
            output.WriteLine($"  {name}: {result[name]:G6} (optimiser {raw:G6}) truth {truth}; error {(result[name] - truth) / spec.Range:P3} of range");
        }
        foreach (var (name, truth) in JiashiFixture.Truth)
            Assert.InRange(result[name], truth - 0.01 * JiashiFixture.Bounds[name].Range, truth + 0.01 * JiashiFixture.Bounds[name].Range);
    }
}

/// <summary>Recovery under realistic noise: ten noise realisations, the truth inside their spread.</summary>
public sealed class JiashiNoisyRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public void With_5_mm_correlated_noise_the_truth_lies_inside_the_spread_of_ten_seeded_runs()
    {
        var estimates = new List<GeometryResult>();
        for (int seed = 1; seed <= 10; seed++)
        {
            var scenario = Jiashi2020.Build(new JiashiScenarioOptions { NoiseSigma = 0.005, Seed = seed });
            var result = GeometryInversion.Run(JiashiFixture.Problem(scenario), new GeometrySearchOptions
            {
                Seed = seed, Executor = new ExecutorOptions { MaxIterations = 250 },
            });
            estimates.Add(result);
            output.WriteLine($"seed {seed}: cost {result.Best.Cost:F4} Mw {result.Best.MomentMagnitude:F3} " +
                string.Join(" ", JiashiFixture.Truth.Keys.Select(k => $"{k[6..]}={result[k]:G5}")));
        }
        foreach (var (name, truth) in JiashiFixture.Truth)
        {
            double lo = estimates.Min(r => r[name]), hi = estimates.Max(r => r[name]);
            output.WriteLine($"{name}: truth {truth} in [{lo:G6}, {hi:G6}]");
            Assert.InRange(truth, lo, hi);
        }
    }
}
