using System.Diagnostics;
using System.Globalization;
using SourceModel.Inversion;
using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Scenarios;
using SourceModel.Sampling;

namespace SourceModel.Bench;

/// <summary>
/// The step-1 targets on 2,000 points (the Jiashi scenario's two tracks, quadtree threshold lowered to 0.6 mm to give about 1,000
/// leaves each): one cost evaluation (single call and amortised over a swarm's bulk call), whitened by sigmas and by the
/// full leaf covariance; and 100,000 evaluations of a particle swarm (2,500 iterations of 40 particles), wall clock.
/// </summary>
public static class GeometryTimings
{
    public static int Run()
    {
        var scenario = Jiashi2020.Build(new JiashiScenarioOptions { QuadtreeThreshold = 0.0006, NoiseSigma = 0.005 });
        int points = scenario.Datasets.Sum(d => d.Count);
        Console.WriteLine($"# Geometry timings, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores: {points} points " +
                          $"({string.Join(" + ", scenario.Datasets.Select(d => d.Count))}), 9 free parameters");
        Console.WriteLine();
        Console.WriteLine("| workload | target | measured |");
        Console.WriteLine("|---|---|---|");
        foreach (var whitening in new[] { WhiteningMode.Sigma, WhiteningMode.Covariance })
        {
            var problem = Problem(scenario.Datasets, whitening);
            var x = Enumerable.Range(0, 9).Select(k => 0.3 + 0.04 * k).ToArray();
            for (int i = 0; i < 200; i++) problem.Cost(x);
            var single = Median(7, () =>
            {
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < 500; i++) problem.Cost(x);
                return sw.Elapsed.TotalMilliseconds / 500;
            });
            var swarm = Enumerable.Range(0, 40 * 9).Select(i => (i * 0.618034) % 1.0).ToArray();
            var costs = new double[40];
            var bulk = Median(7, () =>
            {
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < 25; i++) problem.CostBulk(swarm, costs);
                return sw.Elapsed.TotalMilliseconds / (25 * 40);
            });
            string name = whitening == WhiteningMode.Sigma ? "sigmas (diagonal)" : "full leaf covariance";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| one cost evaluation, {points} points, {name}: single call, one core | <= 0.5 ms | {single:F3} ms |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| one cost evaluation, {points} points, {name}: in a 40-particle bulk call, {Environment.ProcessorCount} cores (wall / particle) | | {bulk:F3} ms |"));
            var pso = Stopwatch.StartNew();
            var result = GeometryInversion.Run(problem, new GeometrySearchOptions
            {
                Seed = 1, Polish = null, Executor = new ExecutorOptions { MaxEvaluations = 100_000, MaxIterations = int.MaxValue },
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| particle swarm, {result.Evaluations:N0} evaluations, {points} points, {name} | <= 30 s | {pso.Elapsed.TotalSeconds:F1} s (misfit {result.Best.Cost:F3}) |"));
        }
        return 0;
    }

    internal static GeometryProblem Problem(IReadOnlyList<GeodeticDataset> data, WhiteningMode whitening)
    {
        var layout = new SourceLayout([new SourceTemplate("fault", SourceKind.Rectangle)]);
        var bounds = new Dictionary<string, ParameterSpec>
        {
            ["fault.east"] = ParameterSpec.Free("", -10_000, 10_000), ["fault.north"] = ParameterSpec.Free("", -10_000, 10_000),
            ["fault.depth"] = ParameterSpec.Free("", 0, 10_000), ["fault.length"] = ParameterSpec.Free("", 5_000, 40_000),
            ["fault.width"] = ParameterSpec.Free("", 1_000, 15_000), ["fault.strike"] = ParameterSpec.Free("", 240, 310),
            ["fault.dip"] = ParameterSpec.Free("", 1, 30), ["fault.rake"] = ParameterSpec.Free("", 60, 150),
            ["fault.slip"] = ParameterSpec.Free("", 0.05, 2.0),
        };
        return new GeometryProblem(layout, layout.Space(bounds), data.Select(d => DatasetTerm.Prepare(d, NuisanceModel.Offset, whitening)));
    }

    private static double Median(int runs, Func<double> time)
    {
        var t = Enumerable.Range(0, runs).Select(_ => time()).Order().ToArray();
        return t[runs / 2];
    }
}
