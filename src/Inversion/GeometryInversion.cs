using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;

namespace SourceModel.Inversion;

/// <summary>The optimisers a geometry search can use.</summary>
public enum OptimiserKind
{
    /// <summary><see cref="ParticleSwarm"/>.</summary>
    ParticleSwarm,

    /// <summary><see cref="MultiPeakSwarm"/>.</summary>
    MultiPeakSwarm,

    /// <summary><see cref="SimulatedAnnealing"/>.</summary>
    SimulatedAnnealing,
}

/// <summary>How a geometry search runs. Defaults: particle swarm, seed 1, 1,000 iterations, Nelder–Mead polish.</summary>
public sealed record GeometrySearchOptions
{
    /// <summary>The optimiser.</summary>
    public OptimiserKind Method { get; init; } = OptimiserKind.ParticleSwarm;

    /// <summary>Particle swarm settings.</summary>
    public ParticleSwarmOptions Swarm { get; init; } = new();

    /// <summary>Multi-peak swarm settings.</summary>
    public MultiPeakSwarmOptions MultiPeak { get; init; } = new();

    /// <summary>Annealing settings.</summary>
    public SimulatedAnnealingOptions Annealing { get; init; } = new();

    /// <summary>Limits, cancellation, checkpoints.</summary>
    public ExecutorOptions Executor { get; init; } = new();

    /// <summary>Run seed.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Continue from the checkpoint at <see cref="ExecutorOptions.CheckpointPath"/> instead of starting afresh.</summary>
    public bool Resume { get; init; }

    /// <summary>Refine the best point (and every peak) with Nelder–Mead; null skips the polish.</summary>
    public PolishOptions? Polish { get; init; } = new();

    /// <summary>Short name of the method (<c>pso</c>, <c>mpso</c>, <c>sa</c>).</summary>
    public string MethodName => Method switch
    {
        OptimiserKind.ParticleSwarm => "pso",
        OptimiserKind.MultiPeakSwarm => "mpso",
        _ => "sa",
    };
}

/// <summary>
/// Step 1 of a coseismic study: the uniform-slip source(s) that best explain the data, by the chosen optimiser under the
/// <see cref="Executor"/>, then a local polish, then a full evaluation of the best model and of every peak.
/// </summary>
public static class GeometryInversion
{
    /// <summary>Runs the search.</summary>
    public static GeometryResult Run(GeometryProblem problem, GeometrySearchOptions? options = null, params IObserver[] observers)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var o = options ?? new GeometrySearchOptions();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long evaluationsBefore = problem.Evaluations, invalidBefore = problem.InvalidEvaluations;
        if (o.Resume && (o.Executor.CheckpointPath is null || !File.Exists(o.Executor.CheckpointPath)))
            throw new ArgumentException($"nothing to resume: no checkpoint at {o.Executor.CheckpointPath ?? "(none set)"}.");
        RunResult<T> Go<T>(ISolver<T> solver) where T : SolverState => o.Resume
            ? Executor.Resume(solver, problem, o.Executor.CheckpointPath!, o.Executor, observers)
            : Executor.Run(solver, problem, o.Seed, o.Executor, observers);
        (SolverState State, TerminationReason Reason, IReadOnlyList<ConvergencePoint> History, List<(double[] X, double Cost)> Peaks, long Seed) run = o.Method switch
        {
            OptimiserKind.ParticleSwarm => Single(Go(new ParticleSwarm(o.Swarm))),
            OptimiserKind.SimulatedAnnealing => Single(Go(new SimulatedAnnealing(o.Annealing))),
            _ => Multi(Go(new MultiPeakSwarm(o.MultiPeak))),
        };
        var peaks = run.Peaks;
        if (o.Polish is not null)
            peaks = peaks.Select(p =>
            {
                var polished = NelderMeadPolish.Run(problem, p.X, p.Cost, o.Polish);
                return (polished.Position, polished.Cost);
            }).ToList();
        peaks = Distinct(peaks.OrderBy(p => p.Cost).ToList(), o.MultiPeak.SpeciesRadius);
        var best = peaks[0];
        var fit = GeometryFit.Of(problem, problem.Space.ToFull(best.X));
        var ranked = peaks.Select((p, i) =>
        {
            var full = problem.Space.ToFull(p.X);
            var sources = problem.Layout.Realise(full, out _);
            double mw = sources is null ? double.NaN : SourceSet.MomentMagnitude(sources.Moment(problem.Medium));
            return new Peak(i + 1, full, p.Cost, mw);
        }).ToList();
        return new GeometryResult(o.MethodName, run.Seed, run.Reason, run.State.Iteration, problem.Evaluations - evaluationsBefore,
            problem.InvalidEvaluations - invalidBefore, clock.Elapsed, problem.Layout.ParameterNames,
            problem.Space.ToFull(run.State.BestPosition), run.State.BestCost, fit, ranked, run.History);
    }

    private static (SolverState, TerminationReason, IReadOnlyList<ConvergencePoint>, List<(double[], double)>, long) Single<T>(RunResult<T> r)
        where T : SolverState => (r.State, r.Reason, r.History, [(r.State.BestPosition, r.State.BestCost)], r.Seed);

    private static (SolverState, TerminationReason, IReadOnlyList<ConvergencePoint>, List<(double[], double)>, long) Multi(RunResult<MultiPeakState> r)
    {
        var peaks = MultiPeakSwarm.Peaks(r.State).Select(p => (p.Position, p.Cost)).ToList();
        if (peaks.Count == 0 || r.State.BestCost < peaks.Min(p => p.Cost)) peaks.Insert(0, (r.State.BestPosition, r.State.BestCost));
        return (r.State, r.Reason, r.History, peaks, r.Seed);
    }

    /// <summary>Peaks that polished onto the same optimum are one peak.</summary>
    private static List<(double[] X, double Cost)> Distinct(List<(double[] X, double Cost)> sorted, double radius)
    {
        var kept = new List<(double[] X, double Cost)>();
        foreach (var p in sorted)
            if (!kept.Any(k => SwarmMoves.Distance(k.X, p.X) <= 0.25 * radius)) kept.Add(p);
        return kept;
    }
}
