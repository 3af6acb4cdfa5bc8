using SourceModel.Inversion.Optimisation;

namespace SourceModel.Inversion.Results;

/// <summary>One distinct solution of a multi-modal search.</summary>
/// <param name="Rank">1 = best.</param>
/// <param name="Parameters">Full parameter vector.</param>
/// <param name="Cost">Misfit σ.</param>
/// <param name="MomentMagnitude">Mw of the solution.</param>
public sealed record Peak(int Rank, double[] Parameters, double Cost, double MomentMagnitude);

/// <summary>The outcome of a geometry search.</summary>
/// <param name="Method">Optimiser name (<c>pso</c>, <c>mpso</c>, <c>sa</c>).</param>
/// <param name="Seed">Run seed.</param>
/// <param name="Termination">Why the optimiser stopped.</param>
/// <param name="Iterations">Optimiser iterations.</param>
/// <param name="Evaluations">All cost evaluations, polish included.</param>
/// <param name="InvalidEvaluations">Evaluations that met an invalid geometry and were penalised.</param>
/// <param name="Elapsed">Wall time of the whole search.</param>
/// <param name="ParameterNames">Names of the full parameter vector.</param>
/// <param name="OptimiserParameters">The optimiser's best point before the polish (full vector).</param>
/// <param name="OptimiserCost">Its misfit.</param>
/// <param name="Best">The final model, evaluated in full.</param>
/// <param name="Peaks">Distinct solutions, best first (one for single-peak optimisers).</param>
/// <param name="History">Convergence trace.</param>
public sealed record GeometryResult(string Method, long Seed, TerminationReason Termination, int Iterations, long Evaluations,
    long InvalidEvaluations, TimeSpan Elapsed, IReadOnlyList<string> ParameterNames, double[] OptimiserParameters,
    double OptimiserCost, GeometryFit Best, IReadOnlyList<Peak> Peaks, IReadOnlyList<ConvergencePoint> History)
{
    /// <summary>A parameter of the best model by its full name (<c>fault.dip</c>).</summary>
    public double this[string name]
    {
        get
        {
            int i = ParameterNames.ToList().IndexOf(name);
            return i >= 0 ? Best.Parameters[i] : throw new KeyNotFoundException($"no parameter '{name}'.");
        }
    }
}
