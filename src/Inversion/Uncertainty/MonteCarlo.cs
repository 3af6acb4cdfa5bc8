using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Randomness;
using SourceModel.Sampling;
using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Uncertainty;

/// <summary>Settings of a Monte Carlo re-inversion.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>Number of perturbed realisations.</summary>
    public int Realisations { get; init; } = 100;

    /// <summary>Run seed: realisation r's noise and search seed derive from it and r alone.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The step-1 search re-run on every realisation (its own seed is replaced per realisation).</summary>
    public GeometrySearchOptions Search { get; init; } = new();
}

/// <summary>One row per realisation and the spread of the parameters.</summary>
/// <param name="Names">Full parameter names.</param>
/// <param name="Indices">Realisation indices (a shard holds a slice).</param>
/// <param name="Parameters">[row][parameter], the best model of each realisation.</param>
/// <param name="Misfits">Each realisation's final misfit.</param>
/// <param name="MomentMagnitudes">Each realisation's Mw.</param>
public sealed record MonteCarloResult(string[] Names, int[] Indices, double[][] Parameters, double[] Misfits, double[] MomentMagnitudes)
{
    /// <summary>Values of one parameter over the realisations.</summary>
    public double[] Column(int parameter) => Parameters.Select(p => p[parameter]).ToArray();

    /// <summary>Mean of each parameter.</summary>
    public double[] Mean() => Enumerable.Range(0, Names.Length).Select(i => Column(i).Average()).ToArray();

    /// <summary>Sample standard deviation of each parameter.</summary>
    public double[] StandardDeviation() => Enumerable.Range(0, Names.Length).Select(i =>
    {
        var c = Column(i);
        double m = c.Average();
        return c.Length < 2 ? 0 : Math.Sqrt(c.Sum(v => (v - m) * (v - m)) / (c.Length - 1));
    }).ToArray();

    /// <summary>The q-quantile (0–1) of one parameter, linear between order statistics.</summary>
    public double Percentile(int parameter, double q) => ChainDiagnostics.Quantile(Column(parameter), q);

    /// <summary>Pearson correlation matrix of the parameters (NaN for a parameter that does not vary, e.g. fixed).</summary>
    public double[,] Correlation()
    {
        int d = Names.Length;
        var m = Mean();
        var s = StandardDeviation();
        var r = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                double c = Parameters.Sum(p => (p[i] - m[i]) * (p[j] - m[j])) / Math.Max(1, Parameters.Length - 1);
                r[i, j] = s[i] > 0 && s[j] > 0 ? c / (s[i] * s[j]) : double.NaN;
            }
        return r;
    }
}

/// <summary>
/// Monte Carlo re-inversion (Funning et al. 2005; Parsons et al. 2006): every dataset is perturbed with noise drawn
/// from its own covariance (white noise from its sigmas when it has no covariance) and step 1 is run again. Realisation
/// r uses noise stream r of the run seed and a search seed drawn from it, so any slice of realisations (a shard) gives
/// the same rows as the whole run.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Runs realisations <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 (all
    /// by default). <paramref name="problemFor"/> builds the step-1 problem from perturbed datasets.</summary>
    public static MonteCarloResult Run(IReadOnlyList<GeodeticDataset> data, Func<IReadOnlyList<GeodeticDataset>, GeometryProblem> problemFor,
        MonteCarloOptions options, int first = 0, int? count = null, Action<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(problemFor);
        ArgumentNullException.ThrowIfNull(options);
        int n = count ?? options.Realisations - first;
        if (options.Realisations < 1) throw new ArgumentException($"need at least one realisation, got {options.Realisations}.");
        if (first < 0 || n < 0 || first + n > options.Realisations) throw new ArgumentException($"realisations {first}..{first + n - 1} are outside 0..{options.Realisations - 1}.");
        foreach (var d in data)
            if (!d.HasNoiseModel) throw new ArgumentException($"dataset '{d.Name}' has no noise model (covariance or sigmas) to perturb it with.");
        var generators = data.Select(d => d.Covariance is { } c ? new CorrelatedNoise(c) : null).ToArray();
        var rows = new double[n][];
        var misfits = new double[n];
        var mw = new double[n];
        string[]? names = null;
        int done = 0;
        // Realisations one after another: each search already spreads its swarm over the cores.
        for (int k = 0; k < n; k++)
        {
            cancel.ThrowIfCancellationRequested();
            int r = first + k;
            var perturbed = data.Select((d, j) => d.WithValues(Perturb(d, generators[j], options.Seed, r, j))).ToList();
            var problem = problemFor(perturbed);
            var search = options.Search with
            {
                Seed = (long)(RandomStream.ForStream(options.Seed, r).NextUInt64() >> 1), Resume = false,
                Executor = options.Search.Executor with { CheckpointPath = null },
            };
            var result = GeometryInversion.Run(problem, search);
            names ??= [.. result.ParameterNames];
            (rows[k], misfits[k], mw[k]) = (result.Best.Parameters, result.Best.Cost, result.Best.MomentMagnitude);
            progress?.Invoke(++done);
        }
        return new MonteCarloResult(names ?? [], Enumerable.Range(first, n).ToArray(), rows, misfits, mw);
    }

    /// <summary>Dataset <paramref name="j"/>'s values plus realisation <paramref name="r"/>'s noise.</summary>
    private static double[] Perturb(GeodeticDataset d, CorrelatedNoise? correlated, long seed, int r, int j)
    {
        int stream = checked(r * 1024 + j);
        double[] noise;
        if (correlated is not null) noise = correlated.Realisation(unchecked((int)seed), stream);
        else
        {
            var random = RandomStream.ForStream(seed, stream);
            noise = new double[d.Count];
            for (int i = 0; i < noise.Length; i++) noise[i] = d.Sigma[i] * random.NextGaussian();
        }
        var values = d.Value.ToArray();
        for (int i = 0; i < values.Length; i++) values[i] += noise[i];
        return values;
    }
}
