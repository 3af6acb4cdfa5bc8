using System.Diagnostics;
using System.Globalization;
using SourceModel.Inversion;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Scenarios;
using SourceModel.Inversion.Uncertainty;

namespace SourceModel.Bench;

/// <summary>
/// The Monte Carlo target of issue 8: 100 step-1 re-inversions of the Jiashi synthetic on about 400 points (quadtree
/// threshold raised; 5 mm correlated noise; full leaf covariance), each with the default search (particle swarm of 40,
/// 1,000 iterations, Nelder–Mead polish), wall clock.
/// </summary>
public static class MonteCarloTimings
{
    public static int Run()
    {
        var scenario = Jiashi2020.Build(new JiashiScenarioOptions { QuadtreeThreshold = 0.0065, NoiseSigma = 0.005 });
        int points = scenario.Datasets.Sum(d => d.Count);
        Console.WriteLine($"# Monte Carlo timings, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores: {points} points, 9 free parameters");
        var clock = Stopwatch.StartNew();
        var result = MonteCarlo.Run(scenario.Datasets, data => GeometryTimings.Problem(data, WhiteningMode.Covariance),
            new MonteCarloOptions { Realisations = 100, Seed = 1, Search = new GeometrySearchOptions() },
            progress: k => { if (k % 10 == 0) Console.Error.WriteLine($"  {k}/100 after {clock.Elapsed.TotalSeconds:F0} s"); });
        double seconds = clock.Elapsed.TotalSeconds;
        var s = result.StandardDeviation();
        int dip = Array.IndexOf(result.Names, "fault.dip"), depth = Array.IndexOf(result.Names, "fault.depth");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| 100 Monte Carlo re-inversions, {points} points, full covariance, default search | <= 300 s | {seconds:F0} s (dip σ {s[dip]:F2}°, depth σ {s[depth]:F0} m) |"));
        return 0;
    }
}
