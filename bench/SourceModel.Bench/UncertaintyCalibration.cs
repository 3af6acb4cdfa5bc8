using System.Diagnostics;
using System.Globalization;
using SourceModel.Inversion;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Inversion.Scenarios;
using SourceModel.Inversion.Uncertainty;
using SourceModel.Sampling;
using SourceModel.Sampling.Noise;

namespace SourceModel.Bench;

/// <summary>
/// Issue 19's calibration check: on the reliability benchmark's synthetic events, do the nominal 95 % Monte Carlo
/// intervals contain the true value in 90–98 % of (event, parameter) pairs? Three noise models: <c>declared</c> (the
/// leaf covariance of the process the noise was drawn from), <c>estimated</c> (the default path when no noise is declared:
/// <see cref="NoiseCompletion"/>, REML on leaf residuals) and <c>covariogram</c> (an exponential fitted to the detrended
/// leaf covariogram, as with <c>data covariance --detrend</c>, then averaged over the leaves).
/// With <c>--method mcmc</c> the intervals are those of the DRAM posterior (one chain per core from the step-1 optimum).
/// <c>-- calibration [--events N] [--first K] [--realisations R] [--noise declared,estimated,covariogram] [--method mcmc]</c>.
/// </summary>
public static class UncertaintyCalibration
{
    private static readonly string[] Names =
        ["fault.east", "fault.north", "fault.depth", "fault.length", "fault.width", "fault.strike", "fault.dip", "fault.rake", "fault.slip", "mw"];

    public static int Run(string[] args)
    {
        int events = BenchArguments.Integer(args, "--events", 12), first = BenchArguments.Integer(args, "--first", 0), realisations = BenchArguments.Integer(args, "--realisations", 40);
        var models = (BenchArguments.Text(args, "--noise") ?? "declared,estimated,covariogram").Split(',', StringSplitOptions.RemoveEmptyEntries);
        bool mcmc = BenchArguments.Text(args, "--method") == "mcmc";
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"# Monte Carlo calibration, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {GeometryReliability.CpuFlags()}");
        Console.WriteLine(mcmc
            ? $"# events {first}..{first + events - 1}, MCMC (DRAM, {Environment.ProcessorCount} chains × 30,000 iterations, 10,000 burn-in, from the step-1 optimum), noise models {string.Join(", ", models)}"
            : $"# events {first}..{first + events - 1}, {realisations} Monte Carlo realisations each, noise models {string.Join(", ", models)}");
        Console.WriteLine();
        Console.WriteLine("| event | noise model | noise used | truth outside the 95 % interval | wall s |");
        Console.WriteLine("|---|---|---|---|---|");
        var inside = new Dictionary<(string Model, string Parameter), (int In, int All)>();
        for (int e = first; e < first + events; e++)
        {
            var declared = SyntheticEvents.Build(e);
            foreach (string model in models)
            {
                var clock = Stopwatch.StartNew();
                var (data, described) = Noise(model, e, declared);
                var nuisance = data.Select(_ => NuisanceModel.Linear).ToArray();
                GeometryProblem For(IReadOnlyList<GeodeticDataset> d) => GeometryReliability.Problem(declared with { Datasets = d });
                var observed = GeometryInversion.Run(For(data), new GeometrySearchOptions { Seed = 1 });
                double best = observed.Peaks.Min(p => p.Cost);
                var search = new GeometrySearchOptions { Starts = observed.Peaks.Where(p => p.Cost <= 1.15 * best).Select(p => p.Parameters).ToList() };
                var samples = mcmc ? Posterior(For(data), observed, e) : MonteCarloSamples(data, For, search, realisations, e);
                var truth = declared.TrueParameters;
                var misses = new List<string>();
                foreach (string name in Names)
                {
                    double[] values = samples[name];
                    double t = name == "mw" ? declared.MomentMagnitude : truth[name];
                    if (name is "fault.strike" or "fault.rake")
                        values = values.Select(v => t + Wrap(v - t)).ToArray();
                    double lo = ChainDiagnostics.Quantile(values, 0.025), hi = ChainDiagnostics.Quantile(values, 0.975);
                    bool ok = t >= lo && t <= hi;
                    var key = (model, name);
                    var c = inside.GetValueOrDefault(key);
                    inside[key] = (c.In + (ok ? 1 : 0), c.All + 1);
                    if (!ok) misses.Add(string.Create(inv, $"{name.Replace("fault.", "")} {t:G4} ∉ [{lo:G4}, {hi:G4}]"));
                }
                Console.WriteLine(string.Create(inv, $"| {declared.Describe()} | {model} | {described} | {string.Join("; ", misses)} | {clock.Elapsed.TotalSeconds:F0} |"));
            }
        }
        Console.WriteLine();
        Console.WriteLine($"| parameter | {string.Join(" | ", models.Select(m => m + ": truth inside the 95 % interval"))} |");
        Console.WriteLine($"|---|{string.Join("", models.Select(_ => "---|"))}");
        foreach (string name in Names.Append("all"))
        {
            var cells = models.Select(m =>
            {
                var rows = inside.Where(kv => kv.Key.Model == m && (name == "all" || kv.Key.Parameter == name)).Select(kv => kv.Value).ToList();
                int a = rows.Sum(r => r.In), b = rows.Sum(r => r.All);
                return string.Create(inv, $"{a}/{b} ({100.0 * a / Math.Max(b, 1):F0} %)");
            });
            Console.WriteLine($"| {(name == "all" ? "**all**" : name)} | {string.Join(" | ", cells)} |");
        }
        return 0;
    }

    /// <summary>Monte Carlo: each quantity over the realisations (run in parallel: each polish is mostly serial; rows
    /// depend on the seed and r alone).</summary>
    private static Dictionary<string, double[]> MonteCarloSamples(IReadOnlyList<GeodeticDataset> data, Func<IReadOnlyList<GeodeticDataset>, GeometryProblem> problemFor,
        GeometrySearchOptions search, int realisations, int e)
    {
        var monteCarlo = new MonteCarlo(data, problemFor, new MonteCarloOptions { Realisations = realisations, Seed = 7 + e, Search = search });
        var rows = new MonteCarloRow[realisations];
        Parallel.For(0, realisations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r => rows[r] = monteCarlo.Realise(r));
        var mc = MonteCarloResult.FromRows(monteCarlo.ParameterNames!, rows);
        return Names.ToDictionary(n => n, n => n == "mw" ? mc.MomentMagnitudes : mc.Column(Array.IndexOf(mc.Names, n)));
    }

    /// <summary>MCMC: each quantity over the kept draws of one DRAM chain per core started at the step-1 optimum.</summary>
    private static Dictionary<string, double[]> Posterior(GeometryProblem problem, GeometryResult observed, int e)
    {
        var posterior = new GeometryPosterior(problem);
        var best = problem.Space.ToUnit(observed.Best.Parameters);
        var starts = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(k => best.Select((u, i) => Math.Clamp(u + 0.001 * ((k + i) % 3 - 1), 0, 1)).ToArray()).ToArray();
        var options = new AdaptiveMetropolisOptions { Iterations = 30_000, BurnIn = 10_000, Thin = 10 };
        var result = McmcSampler.Run(posterior, starts, Enumerable.Repeat(0.005, problem.Dimension).ToArray(), options, seed: 100 + e);
        var draws = result.Draws.SelectMany(c => c).Select(u => problem.Space.ToFull(u)).ToArray();
        var names = problem.Layout.ParameterNames.ToList();
        var samples = Names.Where(n => n != "mw").ToDictionary(n => n, n => draws.Select(d => d[names.IndexOf(n)]).ToArray());
        samples["mw"] = draws.Select(d => problem.Layout.Realise(d, out _) is { } s ? SourceSet.MomentMagnitude(s.Moment(problem.Medium)) : double.NaN).ToArray();
        return samples;
    }

    /// <summary>The datasets with the noise model under test, and a short description of it.</summary>
    private static (IReadOnlyList<GeodeticDataset>, string) Noise(string model, int e, SyntheticEvent declared)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (model)
        {
            case "declared":
                return (declared.Datasets, string.Create(inv, $"σ {declared.NoiseSigma * 1000:F1} mm, range {declared.NoiseRange / 1000:F1} km (true)"));
            case "estimated":
            {
                var bare = SyntheticEvents.Build(e, new SyntheticEventOptions { DeclareNoise = false });
                var layout = new SourceLayout([new SourceTemplate("fault", SourceKind.Rectangle)]);
                var (data, estimates) = NoiseCompletion.Complete(bare.Datasets, bare.Datasets.Select(_ => NuisanceModel.Linear).ToArray(),
                    layout, layout.Space(bare.Bounds), Okada.Mechanics.ElasticMedium.Default, new GeometrySearchOptions { Seed = 1 });
                return (data, string.Join("; ", estimates.Select(x => string.Create(inv,
                    $"{x.Dataset} σ {Math.Sqrt(x.Estimate.Model.Sill) * 1000:F1} mm, {x.Estimate.Model.Range / 1000:F1} km"))));
            }
            case "covariogram":
            {
                var fitted = declared.Datasets.Select(d =>
                {
                    var e0 = d.East.ToArray();
                    var n0 = d.North.ToArray();
                    var detrended = PlaneTrend.Remove(e0, n0, d.Value.ToArray()).Residual;
                    double extent = Math.Sqrt(Math.Pow(e0.Max() - e0.Min(), 2) + Math.Pow(n0.Max() - n0.Min(), 2));
                    // Away from the deformation: the half of the leaves farthest from the true centroid.
                    var c = declared.Truth.Centroid;
                    var far = Enumerable.Range(0, d.Count).OrderByDescending(i => Math.Pow(e0[i] - c.East, 2) + Math.Pow(n0[i] - c.North, 2)).Take(d.Count / 2).ToArray();
                    var bins = EmpiricalCovariogram.Compute(far.Select(i => e0[i]).ToArray(), far.Select(i => n0[i]).ToArray(), far.Select(i => detrended[i]).ToArray(),
                        extent / 50, extent / 2);
                    var m = (ExponentialCovariance)CovarianceFit.Fit(bins).Model;
                    return (Data: d.WithCovariance(LeafCovariance.Build(d, m)), Model: m);
                }).ToList();
                return (fitted.Select(f => f.Data).ToList(), string.Join("; ", fitted.Select(f => string.Create(inv,
                    $"{f.Data.Name} σ {Math.Sqrt(f.Model.Sill) * 1000:F1} mm, {f.Model.Range / 1000:F1} km"))));
            }
            default:
                throw new ArgumentException($"unknown noise model '{model}': declared, estimated or covariogram.");
        }
    }

    private static double Wrap(double degrees)
    {
        double r = degrees % 360;
        return r > 180 ? r - 360 : r < -180 ? r + 360 : r;
    }
}
