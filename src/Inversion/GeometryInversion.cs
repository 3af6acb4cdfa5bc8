using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;

namespace SourceModel.Inversion;

/// <summary>The optimisers a geometry search can use.</summary>
public enum OptimiserKind
{
    /// <summary><see cref="Optimisation.MultiStart"/>: independent swarms, every minimum polished with its mirror and
    /// auxiliary-plane alternatives (the default).</summary>
    MultiStart,

    /// <summary><see cref="ParticleSwarm"/>.</summary>
    ParticleSwarm,

    /// <summary><see cref="MultiPeakSwarm"/>.</summary>
    MultiPeakSwarm,

    /// <summary><see cref="SimulatedAnnealing"/>.</summary>
    SimulatedAnnealing,
}

/// <summary>How a geometry search runs. Defaults: multi-start (three particle swarms with their minima and the minima's
/// mirror and auxiliary-plane alternatives polished), slip solved linearly, seed 1, at most 1,000 iterations.</summary>
public sealed record GeometrySearchOptions
{
    /// <summary>The optimiser.</summary>
    public OptimiserKind Method { get; init; } = OptimiserKind.MultiStart;

    /// <summary>Multi-start settings.</summary>
    public MultiStartOptions MultiStart { get; init; } = new();

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

    /// <summary>Solve the slip of every rake-and-slip rectangle linearly inside the cost (variable projection,
    /// <see cref="SlipProjectedProblem"/>) so the optimiser searches the geometry only. On by default; a problem with no
    /// such source is searched in full regardless.</summary>
    public bool SolveSlipLinearly { get; init; } = true;

    /// <summary>Full parameter vectors to polish instead of a global search (e.g. every competing minimum of the search
    /// on the observed data, for a Monte Carlo realisation of the same data); the best polished point wins. Null: the
    /// global search of <see cref="Method"/>.</summary>
    public IReadOnlyList<double[]>? Starts { get; init; }

    /// <summary>
    /// The most misfit evaluations this search can make on a problem of <paramref name="dimension"/> searched
    /// parameters, for estimating its run time before it starts: every swarm run to its iteration limit and every polish
    /// to its budget (a multi-start's swarms usually stop earlier on stagnation), within <see cref="ExecutorOptions.MaxEvaluations"/>.
    /// </summary>
    public long EvaluationBound(int dimension)
    {
        long polish = Polish?.MaxEvaluations ?? 0;
        long bound = Starts is not null ? (long)Starts.Count * MultiStart.Polish.MaxEvaluations : Method switch
        {
            OptimiserKind.MultiStart => (long)MultiStart.Starts * MultiStart.Swarm.SwarmSize * (MultiStart.SwarmIterations + 1)
                                        + (long)MultiStart.MaxPolishes * MultiStart.Polish.MaxEvaluations,
            OptimiserKind.ParticleSwarm => (long)Swarm.SwarmSize * (Executor.MaxIterations + 1) + polish,
            // Every peak is polished, and the swarm's best as well when no peak holds it.
            OptimiserKind.MultiPeakSwarm => (long)MultiPeak.SwarmSize * (Executor.MaxIterations + 1) + (MultiPeak.MaxPeaks + 1) * polish,
            _ => (long)Annealing.SweepsPerIteration * Math.Max(1, dimension) * Executor.MaxIterations + polish,
        };
        return Math.Min(bound, Executor.MaxEvaluations == long.MaxValue ? long.MaxValue : Executor.MaxEvaluations + polish);
    }

    /// <summary>Short name of the method (<c>multistart</c>, <c>pso</c>, <c>mpso</c>, <c>sa</c>).</summary>
    public string MethodName => Starts is not null ? "polish-from-minima" : Method switch
    {
        OptimiserKind.MultiStart => "multistart",
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
        var projected = o.SolveSlipLinearly ? SlipProjectedProblem.TryCreate(problem) : null;
        IObjective objective = projected is null ? problem : projected;
        double[] ToFull(double[] x) => projected?.Complete(x) ?? problem.Space.ToFull(x);
        if (o.Resume && (o.Executor.CheckpointPath is null || !File.Exists(o.Executor.CheckpointPath)))
            throw new ArgumentException($"nothing to resume: no checkpoint at {o.Executor.CheckpointPath ?? "(none set)"}.");
        RunResult<T> Go<T>(ISolver<T> solver) where T : SolverState => o.Resume
            ? Executor.Resume(solver, objective, o.Executor.CheckpointPath!, o.Executor, observers)
            : Executor.Run(solver, objective, o.Seed, o.Executor, observers);
        (SolverState State, TerminationReason Reason, IReadOnlyList<ConvergencePoint> History, List<(double[] X, double Cost)> Peaks, long Seed) run =
            o.Starts is not null ? FromStarts(objective, o, x => projected?.Reduce(x) ?? problem.Space.ToUnit(x)) : o.Method switch
        {
            OptimiserKind.ParticleSwarm => Single(Go(new ParticleSwarm(o.Swarm))),
            OptimiserKind.SimulatedAnnealing => Single(Go(new SimulatedAnnealing(o.Annealing))),
            OptimiserKind.MultiStart => Minima(Go(new MultiStart(o.MultiStart))),
            _ => Multi(Go(new MultiPeakSwarm(o.MultiPeak))),
        };
        var peaks = run.Peaks;
        // Multi-start minima and polished starts are polished already (unless a limit stopped the multi-start early).
        bool polished = o.Starts is not null || (o.Method == OptimiserKind.MultiStart && run.Reason == TerminationReason.Converged);
        if (o.Polish is not null && !polished)
            peaks = peaks.Select(p =>
            {
                var refined = NelderMeadPolish.Run(objective, p.X, p.Cost, o.Polish);
                return (refined.Position, refined.Cost);
            }).ToList();
        peaks = Distinct(peaks.OrderBy(p => p.Cost).ToList(),
            o.Method == OptimiserKind.MultiStart || o.Starts is not null ? 4 * o.MultiStart.DistinctRadius : o.MultiPeak.SpeciesRadius);
        var fulls = peaks.Select(p => ToFull(p.X)).ToList();
        var fit = GeometryFit.Of(problem, fulls[0]);
        var ranked = peaks.Select((p, i) =>
        {
            var sources = problem.Layout.Realise(fulls[i], out _);
            double mw = sources is null ? double.NaN : SourceSet.MomentMagnitude(sources.Moment(problem.Medium));
            return new Peak(i + 1, fulls[i], p.Cost, mw);
        }).ToList();
        long evaluations = problem.Evaluations - evaluationsBefore + (projected?.Evaluations ?? 0);
        long invalid = problem.InvalidEvaluations - invalidBefore + (projected?.InvalidEvaluations ?? 0);
        return new GeometryResult(o.MethodName, run.Seed, run.Reason, run.State.Iteration, evaluations, invalid, clock.Elapsed,
            problem.Layout.ParameterNames, ToFull(run.State.BestPosition), run.State.BestCost, fit, ranked, run.History);
    }

    private static (SolverState, TerminationReason, IReadOnlyList<ConvergencePoint>, List<(double[], double)>, long) Single<T>(RunResult<T> r)
        where T : SolverState => (r.State, r.Reason, r.History, [(r.State.BestPosition, r.State.BestCost)], r.Seed);

    private static (SolverState, TerminationReason, IReadOnlyList<ConvergencePoint>, List<(double[], double)>, long) Multi(RunResult<MultiPeakState> r)
    {
        var peaks = MultiPeakSwarm.Peaks(r.State).Select(p => (p.Position, p.Cost)).ToList();
        if (peaks.Count == 0 || r.State.BestCost < peaks.Min(p => p.Cost)) peaks.Insert(0, (r.State.BestPosition, r.State.BestCost));
        return (r.State, r.Reason, r.History, peaks, r.Seed);
    }

    /// <summary>Polishes every start (full vectors, brought into the cube) with the multi-start polish settings.</summary>
    private static (SolverState, TerminationReason, IReadOnlyList<ConvergencePoint>, List<(double[], double)>, long) FromStarts(
        IObjective objective, GeometrySearchOptions o, Func<double[], double[]> toUnit)
    {
        if (o.Starts!.Count == 0) throw new ArgumentException("give at least one start to polish.");
        var state = new MultiStartState();
        var peaks = new List<(double[], double)>();
        foreach (var start in o.Starts)
        {
            o.Executor.Cancellation.ThrowIfCancellationRequested();
            var unit = toUnit(start).Select(x => Math.Clamp(x, 0, 1)).ToArray();
            var polished = LocalPolish.Run(objective, unit, objective.Cost(unit), o.MultiStart.Polish);
            state.Evaluations += polished.Evaluations + 1;
            state.Iteration++;
            peaks.Add((polished.Position, polished.Cost));
            if (polished.Cost < state.BestCost) (state.BestCost, state.BestPosition) = (polished.Cost, polished.Position);
        }
        return (state, TerminationReason.Converged, [new ConvergencePoint(state.Iteration, state.Evaluations, state.BestCost)], peaks, o.Seed);
    }

    private static (SolverState, TerminationReason, IReadOnlyList<ConvergencePoint>, List<(double[], double)>, long) Minima(RunResult<MultiStartState> r)
    {
        var minima = r.State.Minima.Zip(r.State.MinimaCosts, (x, c) => (x, c)).ToList();
        if (minima.Count == 0 || r.State.BestCost < minima.Min(p => p.c)) minima.Insert(0, (r.State.BestPosition, r.State.BestCost));
        return (r.State, r.Reason, r.History, minima, r.Seed);
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
