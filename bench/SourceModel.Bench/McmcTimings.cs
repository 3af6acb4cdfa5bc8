using System.Diagnostics;
using System.Globalization;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Scenarios;
using SourceModel.Inversion.Uncertainty;

namespace SourceModel.Bench;

/// <summary>
/// The MCMC target of issue 8: a 9-parameter uniform-slip rectangle on about 400 points (the Jiashi scenario's two
/// tracks, quadtree threshold raised), DRAM chains one per core, iterations per second over all chains, wall clock.
/// </summary>
public static class McmcTimings
{
    public static int Run()
    {
        var scenario = Jiashi2020.Build(new JiashiScenarioOptions { QuadtreeThreshold = 0.0065, NoiseSigma = 0.005 });
        int points = scenario.Datasets.Sum(d => d.Count);
        Console.WriteLine($"# MCMC timings, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores: {points} points " +
                          $"({string.Join(" + ", scenario.Datasets.Select(d => d.Count))}), 9 free parameters");
        Console.WriteLine();
        Console.WriteLine("| workload | target | measured |");
        Console.WriteLine("|---|---|---|");
        foreach (var (whitening, delayed) in new[] { (WhiteningMode.Sigma, true), (WhiteningMode.Sigma, false), (WhiteningMode.Covariance, true), (WhiteningMode.Covariance, false) })
        {
            var problem = GeometryTimings.Problem(scenario.Datasets, whitening);
            var posterior = new GeometryPosterior(problem);
            // Start every chain near the truth, as after a step-1 search.
            var truth = problem.Space.ToUnit([0, 0, 4_580, 22_700, 4_700, 274.8, 8.8, 105.6, 0.37]);
            var starts = Enumerable.Range(0, Environment.ProcessorCount).Select(k => truth.Select((u, i) => Math.Clamp(u + 0.002 * ((k + i) % 3 - 1), 0, 1)).ToArray()).ToArray();
            var options = new AdaptiveMetropolisOptions { Iterations = 60_000, BurnIn = 10_000, DelayedRejection = delayed };
            McmcSampler.Run(posterior, starts, Enumerable.Repeat(0.01, 9).ToArray(), options with { Iterations = 2_000, BurnIn = 1_000 }, seed: 1);
            var clock = Stopwatch.StartNew();
            var result = McmcSampler.Run(posterior, starts, Enumerable.Repeat(0.01, 9).ToArray(), options, seed: 1);
            double seconds = clock.Elapsed.TotalSeconds;
            long iterations = (long)options.Iterations * starts.Length;
            for (int k = 0; k < starts.Length; k++)
                Console.Error.WriteLine($"  chain {k}: acceptance {result.AcceptanceRates[k]:P1} (first stage {result.FirstStageAcceptanceRates[k]:P1}), mean log posterior {result.LogDensities[k].Average():F2}, " +
                    $"means {string.Join(" ", Enumerable.Range(0, 9).Select(i => result.Trace(i)[k].Average().ToString("F4", CultureInfo.InvariantCulture)))}");
            string name = (whitening == WhiteningMode.Sigma ? "sigmas" : "full leaf covariance") + (delayed ? ", delayed rejection" : ", AM only");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(delayed ? "DRAM" : "AM")}, {starts.Length} chains × {options.Iterations:N0} iterations, {points} points, {name} | >= 20,000 it/s | {iterations / seconds:N0} it/s ({result.Evaluations / seconds:N0} evaluations/s, acceptance {result.AcceptanceRates.Average():P0}, first stage {result.FirstStageAcceptanceRates.Average():P0}, max R̂ {result.RHat().Max():F3}, smallest ESS {result.EffectiveSampleSize().Min():N0} = {result.EffectiveSampleSize().Min() / seconds:N0}/s) |"));
        }
        return 0;
    }
}
