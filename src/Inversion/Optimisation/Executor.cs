using System.Diagnostics;
using System.Text.Json;
using SourceModel.Inversion.Randomness;

namespace SourceModel.Inversion.Optimisation;

/// <summary>Limits and services of a run. Defaults: 1,000 iterations, no other limit, no checkpoint.</summary>
public sealed record ExecutorOptions
{
    /// <summary>Maximum iterations (a swarm iteration evaluates every particle once).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Maximum cost evaluations.</summary>
    public long MaxEvaluations { get; init; } = long.MaxValue;

    /// <summary>Wall-clock limit (a resumed run counts the time already spent).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Stop once the best cost is at or below this value.</summary>
    public double? TargetCost { get; init; }

    /// <summary>Stop when the best cost improved by less than <see cref="StagnationTolerance"/> (relative) over this
    /// many iterations; 0 disables the test.</summary>
    public int StagnationIterations { get; init; }

    /// <summary>Relative improvement that counts as progress for <see cref="StagnationIterations"/>.</summary>
    public double StagnationTolerance { get; init; } = 1e-9;

    /// <summary>Cancels the run between iterations.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>File the state is written to (atomically) every <see cref="CheckpointEvery"/> iterations, at the end
    /// and on cancellation; null for none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Iterations between checkpoints.</summary>
    public int CheckpointEvery { get; init; } = 50;

    /// <summary>Checks the limits; the message names the option.</summary>
    public ExecutorOptions Validated()
    {
        if (MaxIterations < 0) throw new ArgumentException($"iterations must be >= 0, got {MaxIterations}.");
        if (MaxEvaluations <= 0) throw new ArgumentException($"evaluations must be > 0, got {MaxEvaluations}.");
        if (TimeLimit is { } t && t <= TimeSpan.Zero) throw new ArgumentException($"time limit must be positive, got {t}.");
        if (StagnationIterations < 0) throw new ArgumentException($"stagnation iterations must be >= 0, got {StagnationIterations}.");
        if (CheckpointEvery <= 0) throw new ArgumentException($"checkpoint interval must be > 0, got {CheckpointEvery}.");
        return this;
    }
}

/// <summary>What an observer hears after every iteration.</summary>
/// <param name="Solver">Solver name.</param>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="Evaluations">Cost evaluations made.</param>
/// <param name="BestCost">Best cost so far.</param>
/// <param name="Elapsed">Wall time of the run so far.</param>
/// <param name="MaxIterations">The iteration limit (for progress bars).</param>
public sealed record IterationReport(string Solver, int Iteration, long Evaluations, double BestCost, TimeSpan Elapsed, int MaxIterations);

/// <summary>Watches a run (progress display, log). Called on the executor's thread; keep it quick.</summary>
public interface IObserver
{
    /// <summary>One iteration finished.</summary>
    void Observe(IterationReport report);
}

/// <summary>The best cost after an iteration: the convergence trace.</summary>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="Evaluations">Evaluations made.</param>
/// <param name="BestCost">Best cost so far.</param>
public sealed record ConvergencePoint(int Iteration, long Evaluations, double BestCost);

/// <summary>The outcome of a run: the final state, why it stopped, the convergence trace and the time taken.</summary>
/// <typeparam name="TState">Solver state type.</typeparam>
/// <param name="State">Final state (best point in <see cref="SolverState.BestPosition"/>).</param>
/// <param name="Reason">Why the run stopped.</param>
/// <param name="History">Best cost after every iteration (iteration 0 = initial state).</param>
/// <param name="Elapsed">Wall time, including time before a resume.</param>
/// <param name="Seed">Seed of the run.</param>
public sealed record RunResult<TState>(TState State, TerminationReason Reason, IReadOnlyList<ConvergencePoint> History,
    TimeSpan Elapsed, long Seed) where TState : SolverState;

/// <summary>
/// Runs a solver: the loop, the limits, cancellation, checkpoints and observers, in one place for every solver. The
/// random stream is seeded from the run seed, so a run is reproducible, and the checkpoint holds the full state, so
/// <see cref="Resume{TState}"/> after a kill finishes with the same result as an uninterrupted run.
/// </summary>
public static class Executor
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, IncludeFields = false };

    /// <summary>Starts a run seeded with <paramref name="seed"/>.</summary>
    public static RunResult<TState> Run<TState>(ISolver<TState> solver, IObjective objective, long seed,
        ExecutorOptions? options = null, params IObserver[] observers) where TState : SolverState
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(objective);
        options = (options ?? new ExecutorOptions()).Validated();
        var state = solver.Init(objective, new RandomStream(seed));
        var history = new List<ConvergencePoint> { new(state.Iteration, state.Evaluations, state.BestCost) };
        return Loop(solver, objective, state, history, TimeSpan.Zero, seed, options, observers);
    }

    /// <summary>Continues a run from its checkpoint file with the same (or extended) limits.</summary>
    public static RunResult<TState> Resume<TState>(ISolver<TState> solver, IObjective objective, string checkpointPath,
        ExecutorOptions? options = null, params IObserver[] observers) where TState : SolverState
    {
        ArgumentNullException.ThrowIfNull(solver);
        options = (options ?? new ExecutorOptions()).Validated();
        Checkpoint<TState>? c;
        try { c = JsonSerializer.Deserialize<Checkpoint<TState>>(File.ReadAllText(checkpointPath), Json); }
        catch (JsonException e) { throw new ArgumentException($"{checkpointPath}: not a readable checkpoint ({e.Message})."); }
        if (c is null || c.State is null) throw new ArgumentException($"{checkpointPath}: empty checkpoint.");
        if (c.Solver != solver.Name)
            throw new ArgumentException($"{checkpointPath}: the checkpoint is of solver '{c.Solver}', not '{solver.Name}'.");
        if (c.State.BestPosition.Length != objective.Dimension)
            throw new ArgumentException($"{checkpointPath}: the checkpoint has {c.State.BestPosition.Length} coordinates; the problem has {objective.Dimension}.");
        return Loop(solver, objective, c.State, c.History.ToList(), TimeSpan.FromSeconds(c.ElapsedSeconds), c.Seed, options with { CheckpointPath = options.CheckpointPath ?? checkpointPath }, observers);
    }

    private static RunResult<TState> Loop<TState>(ISolver<TState> solver, IObjective objective, TState state,
        List<ConvergencePoint> history, TimeSpan before, long seed, ExecutorOptions o, IObserver[] observers) where TState : SolverState
    {
        var clock = Stopwatch.StartNew();
        TimeSpan Elapsed() => before + clock.Elapsed;
        TerminationReason reason;
        while (true)
        {
            var r = Check(solver, state, history, Elapsed(), o);
            if (r is { } stop)
            {
                reason = stop;
                break;
            }
            solver.Next(objective, state);
            history.Add(new ConvergencePoint(state.Iteration, state.Evaluations, state.BestCost));
            var report = new IterationReport(solver.Name, state.Iteration, state.Evaluations, state.BestCost, Elapsed(), o.MaxIterations);
            foreach (var observer in observers) observer.Observe(report);
            if (o.CheckpointPath is not null && state.Iteration % o.CheckpointEvery == 0)
                Save(o.CheckpointPath, solver, state, history, Elapsed(), seed);
        }
        if (o.CheckpointPath is not null) Save(o.CheckpointPath, solver, state, history, Elapsed(), seed);
        return new RunResult<TState>(state, reason, history, Elapsed(), seed);
    }

    private static TerminationReason? Check<TState>(ISolver<TState> solver, TState s, List<ConvergencePoint> history,
        TimeSpan elapsed, ExecutorOptions o) where TState : SolverState
    {
        if (o.TargetCost is { } target && s.BestCost <= target) return TerminationReason.TargetReached;
        if (solver.Converged(s) is { } converged) return converged;
        if (o.Cancellation.IsCancellationRequested) return TerminationReason.Cancelled;
        if (s.Iteration >= o.MaxIterations) return TerminationReason.MaxIterations;
        if (s.Evaluations >= o.MaxEvaluations) return TerminationReason.MaxEvaluations;
        if (o.TimeLimit is { } limit && elapsed >= limit) return TerminationReason.TimeLimit;
        if (o.StagnationIterations > 0 && history.Count > o.StagnationIterations)
        {
            double then = history[^(o.StagnationIterations + 1)].BestCost, now = s.BestCost;
            if (then - now <= o.StagnationTolerance * Math.Abs(then)) return TerminationReason.Stagnated;
        }
        return null;
    }

    private static void Save<TState>(string path, ISolver<TState> solver, TState state, List<ConvergencePoint> history,
        TimeSpan elapsed, long seed) where TState : SolverState
    {
        var c = new Checkpoint<TState>(solver.Name, seed, elapsed.TotalSeconds, state, history);
        string temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(c, Json));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>What a checkpoint file holds.</summary>
    private sealed record Checkpoint<TState>(string Solver, long Seed, double ElapsedSeconds, TState State,
        IReadOnlyList<ConvergencePoint> History) where TState : SolverState;
}
