using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Randomness;
using SourceModel.Inversion.Results;
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
    /// <summary>A result from rows in any order (e.g. the shards of a run), sorted by realisation.</summary>
    public static MonteCarloResult FromRows(string[] names, IEnumerable<MonteCarloRow> rows)
    {
        var sorted = rows.OrderBy(r => r.Index).ToArray();
        return new MonteCarloResult(names, sorted.Select(r => r.Index).ToArray(), sorted.Select(r => r.Parameters).ToArray(),
            sorted.Select(r => r.Misfit).ToArray(), sorted.Select(r => r.MomentMagnitude).ToArray());
    }

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

/// <summary>One realisation's result.</summary>
/// <param name="Index">Realisation number (0-based).</param>
/// <param name="Parameters">Best model of the re-inversion, all parameters (fixed ones included).</param>
/// <param name="Misfit">Its misfit σ.</param>
/// <param name="MomentMagnitude">Its Mw.</param>
/// <param name="Extra">What the optional follow-up step returned (e.g. slip per patch), empty without one.</param>
public sealed record MonteCarloRow(int Index, double[] Parameters, double Misfit, double MomentMagnitude, double[] Extra);

/// <summary>
/// Monte Carlo re-inversion (Funning et al. 2005; Parsons et al. 2006): every dataset is perturbed with noise drawn
/// from its own covariance (white noise from its sigmas when it has no covariance) and step 1 is run again. Realisation
/// r uses noise stream r of the run seed and a search seed drawn from it, so each realisation is determined by the run
/// seed and r alone: any slice of realisations (a shard), in any order, on any number of machines, gives the same
/// rows as the whole run.
/// </summary>
public sealed class MonteCarlo
{
    private readonly IReadOnlyList<GeodeticDataset> _data;
    private readonly Func<IReadOnlyList<GeodeticDataset>, GeometryProblem> _problemFor;
    private readonly CorrelatedNoise?[] _generators;

    /// <summary>Prepares the noise generators (one Cholesky factor per dataset covariance).</summary>
    /// <param name="data">The observed datasets; each needs a covariance or sigmas.</param>
    /// <param name="problemFor">Builds the step-1 problem from perturbed datasets.</param>
    /// <param name="options">Count, seed and search.</param>
    /// <param name="followUp">Optional further step on each realisation (its perturbed data and step-1 result), whose
    /// values are kept in <see cref="MonteCarloRow.Extra"/>; it must be deterministic.</param>
    public MonteCarlo(IReadOnlyList<GeodeticDataset> data, Func<IReadOnlyList<GeodeticDataset>, GeometryProblem> problemFor, MonteCarloOptions options,
        Func<IReadOnlyList<GeodeticDataset>, GeometryResult, double[]>? followUp = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(problemFor);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Realisations < 1) throw new ArgumentException($"need at least one realisation, got {options.Realisations}.");
        foreach (var d in data)
            if (!d.HasNoiseModel) throw new ArgumentException($"dataset '{d.Name}' has no noise model (covariance or sigmas) to perturb it with.");
        (_data, _problemFor, Options, FollowUp) = (data, problemFor, options, followUp);
        _generators = data.Select(d => d.Covariance is { } c ? new CorrelatedNoise(c) : null).ToArray();
    }

    /// <summary>Count, seed and search.</summary>
    public MonteCarloOptions Options { get; }

    /// <summary>Names of the full parameter vector, known once a realisation has run (null before).</summary>
    public string[]? ParameterNames { get; private set; }

    /// <summary>The optional step after each re-inversion.</summary>
    public Func<IReadOnlyList<GeodeticDataset>, GeometryResult, double[]>? FollowUp { get; }

    /// <summary>The datasets of realisation <paramref name="r"/>: the observations plus that realisation's noise.</summary>
    public IReadOnlyList<GeodeticDataset> Perturbed(int r) =>
        _data.Select((d, j) => d.WithValues(Perturb(d, _generators[j], Options.Seed, r, j))).ToList();

    /// <summary>Runs realisation <paramref name="r"/>; a cancellation stops its search and throws (no partial row).</summary>
    public MonteCarloRow Realise(int r, CancellationToken cancel = default)
    {
        if (r < 0 || r >= Options.Realisations) throw new ArgumentException($"realisation {r} is outside 0..{Options.Realisations - 1}.");
        cancel.ThrowIfCancellationRequested();
        var perturbed = Perturbed(r);
        var search = Options.Search with
        {
            Seed = (long)(RandomStream.ForStream(Options.Seed, r).NextUInt64() >> 1), Resume = false,
            Executor = Options.Search.Executor with { CheckpointPath = null, Cancellation = cancel },
        };
        var result = GeometryInversion.Run(_problemFor(perturbed), search);
        cancel.ThrowIfCancellationRequested();
        ParameterNames ??= [.. result.ParameterNames];
        var extra = FollowUp?.Invoke(perturbed, result) ?? [];
        return new MonteCarloRow(r, result.Best.Parameters, result.Best.Cost, result.Best.MomentMagnitude, extra);
    }

    /// <summary>Runs realisations <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 (all
    /// by default), one after another (each search already spreads its swarm over the cores).</summary>
    public static MonteCarloResult Run(IReadOnlyList<GeodeticDataset> data, Func<IReadOnlyList<GeodeticDataset>, GeometryProblem> problemFor,
        MonteCarloOptions options, int first = 0, int? count = null, Action<int>? progress = null, CancellationToken cancel = default)
    {
        var monteCarlo = new MonteCarlo(data, problemFor, options);
        int n = count ?? options.Realisations - first;
        if (first < 0 || n < 0 || first + n > options.Realisations) throw new ArgumentException($"realisations {first}..{first + n - 1} are outside 0..{options.Realisations - 1}.");
        var rows = new List<MonteCarloRow>(n);
        for (int k = 0; k < n; k++)
        {
            rows.Add(monteCarlo.Realise(first + k, cancel));
            progress?.Invoke(k + 1);
        }
        return MonteCarloResult.FromRows(monteCarlo.ParameterNames ?? [], rows);
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
