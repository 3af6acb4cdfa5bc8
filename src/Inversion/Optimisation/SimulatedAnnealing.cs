using SourceModel.Inversion.Randomness;

namespace SourceModel.Inversion.Optimisation;

/// <summary>Settings of <see cref="SimulatedAnnealing"/>.</summary>
public sealed record SimulatedAnnealingOptions
{
    /// <summary>Starting temperature in cost units; null estimates it as the standard deviation of the cost over
    /// <see cref="ProbePoints"/> random points (so uphill moves of a typical size are accepted at first).</summary>
    public double? InitialTemperature { get; init; }

    /// <summary>Random points used to estimate the starting temperature (evaluated in bulk).</summary>
    public int ProbePoints { get; init; } = 40;

    /// <summary>Temperature factor per iteration (geometric cooling).</summary>
    public double Cooling { get; init; } = 0.85;

    /// <summary>Sweeps per iteration; a sweep tries one move along every coordinate.</summary>
    public int SweepsPerIteration { get; init; } = 10;

    /// <summary>Starting step per coordinate (unit cube).</summary>
    public double InitialStep { get; init; } = 0.2;

    /// <summary>Re-heat when the best cost has not improved for this many iterations: restart from the best point at
    /// <see cref="ReheatFraction"/> of the starting temperature.</summary>
    public int ReheatAfter { get; init; } = 15;

    /// <summary>Fraction of the starting temperature a re-heat restores (halved at every further re-heat).</summary>
    public double ReheatFraction { get; init; } = 0.3;

    /// <summary>Converged when every step is below this size (unit cube) and the temperature below 1e-12 of the start.</summary>
    public double MinStep { get; init; } = 1e-10;

    /// <summary>Checks the settings.</summary>
    public SimulatedAnnealingOptions Validated()
    {
        if (InitialTemperature is { } t && !(t > 0)) throw new ArgumentException($"initial temperature must be positive, got {t}.");
        if (!(Cooling > 0 && Cooling < 1)) throw new ArgumentException($"cooling must be in (0, 1), got {Cooling}.");
        if (SweepsPerIteration < 1) throw new ArgumentException($"sweeps per iteration must be >= 1, got {SweepsPerIteration}.");
        if (!(InitialStep > 0 && InitialStep <= 1)) throw new ArgumentException($"initial step must be in (0, 1], got {InitialStep}.");
        if (ReheatAfter < 1) throw new ArgumentException($"reheat interval must be >= 1, got {ReheatAfter}.");
        if (!(ReheatFraction > 0 && ReheatFraction <= 1)) throw new ArgumentException($"reheat fraction must be in (0, 1], got {ReheatFraction}.");
        if (ProbePoints < 2) throw new ArgumentException($"probe points must be >= 2, got {ProbePoints}.");
        return this;
    }
}

/// <summary>State of simulated annealing.</summary>
public sealed class AnnealingState : SolverState
{
    /// <summary>Current point (unit cube).</summary>
    public double[] Current { get; set; } = [];

    /// <summary>Cost at the current point.</summary>
    public double CurrentCost { get; set; }

    /// <summary>Step size per coordinate (unit cube).</summary>
    public double[] Steps { get; set; } = [];

    /// <summary>Current temperature (cost units).</summary>
    public double Temperature { get; set; }

    /// <summary>Starting temperature.</summary>
    public double InitialTemperature { get; set; }

    /// <summary>Iterations since the best cost last improved.</summary>
    public int SinceImprovement { get; set; }

    /// <summary>Re-heats so far.</summary>
    public int Reheats { get; set; }

    /// <summary>Moves accepted in the last iteration, over moves tried.</summary>
    public double AcceptanceRate { get; set; }
}

/// <summary>
/// Simulated annealing for continuous parameters in the style of Corana et al. (1987): Metropolis moves along one
/// coordinate at a time, a step per coordinate adapted to keep its acceptance near 40–60 %, geometric cooling, and
/// re-heats from the best point when the search stalls (GBIS-style restarts). Sequential by nature: one evaluation per
/// move, so a swarm uses the cores better; it is here to compare optimisers on identical data.
/// </summary>
public sealed class SimulatedAnnealing(SimulatedAnnealingOptions? options = null) : ISolver<AnnealingState>
{
    private readonly SimulatedAnnealingOptions _o = (options ?? new SimulatedAnnealingOptions()).Validated();

    /// <inheritdoc />
    public string Name => "sa";

    /// <summary>The settings.</summary>
    public SimulatedAnnealingOptions Options => _o;

    /// <inheritdoc />
    public AnnealingState Init(IObjective objective, RandomStream random)
    {
        int d = objective.Dimension, m = _o.ProbePoints;
        var probes = new double[m * d];
        for (int i = 0; i < probes.Length; i++) probes[i] = random.NextDouble();
        var costs = new double[m];
        objective.CostBulk(probes, costs);
        int best = Array.IndexOf(costs, costs.Min());
        double mean = costs.Average();
        double spread = Math.Sqrt(costs.Sum(c => (c - mean) * (c - mean)) / (m - 1));
        double t0 = _o.InitialTemperature ?? (spread > 0 ? spread : Math.Max(Math.Abs(mean), 1e-12));
        var start = probes.AsSpan(best * d, d).ToArray();
        return new AnnealingState
        {
            Current = start, CurrentCost = costs[best], BestPosition = (double[])start.Clone(), BestCost = costs[best],
            Steps = Enumerable.Repeat(_o.InitialStep, d).ToArray(), Temperature = t0, InitialTemperature = t0,
            Evaluations = m, Random = random.State,
        };
    }

    /// <inheritdoc />
    public void Next(IObjective objective, AnnealingState s)
    {
        var rng = RandomStream.FromState(s.Random);
        int d = s.Current.Length;
        var accepted = new int[d];
        var trial = new double[d];
        double before = s.BestCost;
        for (int sweep = 0; sweep < _o.SweepsPerIteration; sweep++)
            for (int k = 0; k < d; k++)
            {
                s.Current.CopyTo(trial, 0);
                double x = s.Current[k] + s.Steps[k] * (2 * rng.NextDouble() - 1);
                if (x < 0) x = Math.Min(-x, 1);
                if (x > 1) x = Math.Max(2 - x, 0);
                trial[k] = x;
                double cost = objective.Cost(trial);
                s.Evaluations++;
                double delta = cost - s.CurrentCost;
                if (delta <= 0 || rng.NextDouble() < Math.Exp(-delta / s.Temperature))
                {
                    s.Current[k] = x;
                    s.CurrentCost = cost;
                    accepted[k]++;
                    if (cost < s.BestCost)
                    {
                        s.BestCost = cost;
                        s.BestPosition = (double[])s.Current.Clone();
                    }
                }
            }
        // Corana's step rule: widen a coordinate's step when most moves pass, narrow it when most fail.
        for (int k = 0; k < d; k++)
        {
            double ratio = accepted[k] / (double)_o.SweepsPerIteration;
            if (ratio > 0.6) s.Steps[k] *= 1 + 2 * (ratio - 0.6) / 0.4;
            else if (ratio < 0.4) s.Steps[k] /= 1 + 2 * (0.4 - ratio) / 0.4;
            s.Steps[k] = Math.Clamp(s.Steps[k], 1e-15, 1.0);
        }
        s.AcceptanceRate = accepted.Sum() / (double)(d * _o.SweepsPerIteration);
        s.SinceImprovement = s.BestCost < before ? 0 : s.SinceImprovement + 1;
        s.Temperature *= _o.Cooling;
        if (s.SinceImprovement >= _o.ReheatAfter)
        {
            s.Reheats++;
            s.Temperature = s.InitialTemperature * _o.ReheatFraction * Math.Pow(0.5, s.Reheats - 1);
            s.Current = (double[])s.BestPosition.Clone();
            s.CurrentCost = s.BestCost;
            for (int k = 0; k < d; k++) s.Steps[k] = Math.Max(s.Steps[k], 0.1 * _o.InitialStep);
            s.SinceImprovement = 0;
        }
        s.Iteration++;
        s.Random = rng.State;
    }

    /// <inheritdoc />
    public TerminationReason? Converged(AnnealingState s) =>
        s.Iteration > 0 && s.Steps.All(v => v < _o.MinStep) && s.Temperature < 1e-12 * s.InitialTemperature
            ? TerminationReason.Converged : null;
}
