using System.Diagnostics;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Scenarios;
using SourceModel.Inversion.Uncertainty;
using SourceModel.Okada.Forward;

namespace SourceModel.Bench;

/// <summary>Where one MCMC evaluation's time goes (single thread): the whole log density, the forward model alone.</summary>
public static class McmcProfile
{
    public static int Run()
    {
        var scenario = Jiashi2020.Build(new JiashiScenarioOptions { QuadtreeThreshold = 0.0065, NoiseSigma = 0.005 });
        foreach (var whitening in new[] { WhiteningMode.Sigma, WhiteningMode.Covariance })
        {
            var problem = GeometryTimings.Problem(scenario.Datasets, whitening);
            var posterior = new GeometryPosterior(problem);
            var u = problem.Space.ToUnit([0, 0, 4_580, 22_700, 4_700, 274.8, 8.8, 105.6, 0.37]);
            const int n = 50_000;
            for (int i = 0; i < 2000; i++) posterior.Evaluate(u);
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) { u[0] = 0.5 + 1e-9 * (i & 7); posterior.Evaluate(u); }
            double total = clock.Elapsed.TotalMicroseconds / n;
            var full = problem.Space.ToFull(u);
            var sources = problem.Layout.Realise(full, out _)!;
            clock.Restart();
            foreach (var t in problem.Terms)
            {
                var buffer = new double[t.Count];
                for (int i = 0; i < n; i++)
                    SurfaceDisplacement.AddProjected(sources.Rectangles[0], problem.Medium, t.East, t.North, t.UnitEast, t.UnitNorth, t.UnitUp, buffer);
            }
            double kernel = clock.Elapsed.TotalMicroseconds / n;
            Console.WriteLine($"{whitening}: log density {total:F1} µs, forward model {kernel:F1} µs, rest {total - kernel:F1} µs ({problem.DataCount} points)");
        }
        return 0;
    }
}
