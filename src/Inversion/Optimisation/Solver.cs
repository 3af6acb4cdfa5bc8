using SourceModel.Inversion.Randomness;

namespace SourceModel.Inversion.Optimisation;

/// <summary>Why a run stopped. Every reason is a result, not an error.</summary>
public enum TerminationReason
{
    /// <summary>The solver's own convergence test was met (swarm collapsed, temperature frozen, simplex shrunk).</summary>
    Converged,

    /// <summary>The iteration limit was reached.</summary>
    MaxIterations,

    /// <summary>The evaluation budget was spent (checked between iterations, so a swarm may overshoot by one iteration).</summary>
    MaxEvaluations,

    /// <summary>The wall-clock limit was reached.</summary>
    TimeLimit,

    /// <summary>The best cost fell to the target.</summary>
    TargetReached,

    /// <summary>The best cost did not improve for the set number of iterations.</summary>
    Stagnated,

    /// <summary>The run was cancelled (its state is checkpointed when a checkpoint file is set).</summary>
    Cancelled,
}

/// <summary>
/// The state every solver carries from one iteration to the next: plain data (arrays, counters and the random
/// stream's state) so a checkpoint is just its JSON, and a resumed run draws exactly the numbers an uninterrupted one
/// would have.
/// </summary>
public abstract class SolverState
{
    /// <summary>Iterations completed.</summary>
    public int Iteration { get; set; }

    /// <summary>Cost evaluations made.</summary>
    public long Evaluations { get; set; }

    /// <summary>Best point found, unit-cube coordinates.</summary>
    public double[] BestPosition { get; set; } = [];

    /// <summary>Cost at <see cref="BestPosition"/>.</summary>
    public double BestCost { get; set; } = double.PositiveInfinity;

    /// <summary>State of the solver's random stream after the last iteration.</summary>
    public RandomState Random { get; set; } = new RandomStream(0).State;
}

/// <summary>
/// An optimiser in the argmin style: it creates a state, advances it by one iteration and says when it has converged;
/// the <see cref="Executor"/> owns the loop, the limits, cancellation, checkpoints and observers.
/// </summary>
/// <typeparam name="TState">The solver's state.</typeparam>
public interface ISolver<TState> where TState : SolverState
{
    /// <summary>Short name for reports (<c>pso</c>, <c>mpso</c>, <c>sa</c>).</summary>
    string Name { get; }

    /// <summary>Initial state (evaluates the starting points).</summary>
    TState Init(IObjective objective, RandomStream random);

    /// <summary>One iteration; updates the state in place.</summary>
    void Next(IObjective objective, TState state);

    /// <summary>The solver's own stopping test, or null to go on.</summary>
    TerminationReason? Converged(TState state);
}
