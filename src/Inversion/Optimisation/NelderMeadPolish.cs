using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace SourceModel.Inversion.Optimisation;

/// <summary>Settings of <see cref="NelderMeadPolish"/>.</summary>
public sealed record PolishOptions
{
    /// <summary>Evaluation budget over all restarts.</summary>
    public int MaxEvaluations { get; init; } = 4000;

    /// <summary>MathNet's convergence test: relative spread of the simplex's costs.</summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>Initial simplex size per coordinate (unit cube).</summary>
    public double InitialStep { get; init; } = 0.02;

    /// <summary>Restarts from the best point with a fresh simplex (a collapsed simplex is Nelder–Mead's known failure).</summary>
    public int Restarts { get; init; } = 3;

    /// <summary>Checks the settings.</summary>
    public PolishOptions Validated()
    {
        if (MaxEvaluations < 10) throw new ArgumentException($"polish evaluations must be >= 10, got {MaxEvaluations}.");
        if (!(Tolerance > 0)) throw new ArgumentException($"polish tolerance must be positive, got {Tolerance}.");
        if (!(InitialStep > 0 && InitialStep <= 0.5)) throw new ArgumentException($"polish step must be in (0, 0.5], got {InitialStep}.");
        if (Restarts < 0) throw new ArgumentException($"polish restarts must be >= 0, got {Restarts}.");
        return this;
    }
}

/// <summary>The outcome of a polish.</summary>
/// <param name="Position">Best point (unit cube).</param>
/// <param name="Cost">Cost there.</param>
/// <param name="Evaluations">Evaluations used.</param>
/// <param name="Improvement">Start cost − final cost.</param>
public sealed record PolishResult(double[] Position, double Cost, long Evaluations, double Improvement);

/// <summary>
/// Local refinement of an optimiser's best point with MathNet's Nelder–Mead simplex, kept inside the unit cube (points
/// outside are evaluated at the nearest wall plus a penalty), restarted from the best point so a collapsed simplex does
/// not stop it early. The best point ever evaluated is returned, whatever MathNet's exit.
/// </summary>
public static class NelderMeadPolish
{
    /// <summary>Polishes <paramref name="start"/> (unit cube) whose cost is <paramref name="startCost"/>.</summary>
    public static PolishResult Run(IObjective objective, double[] start, double startCost, PolishOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var o = (options ?? new PolishOptions()).Validated();
        int d = objective.Dimension;
        var best = (double[])start.Clone();
        double bestCost = startCost;
        long evaluations = 0;
        double penalty = 10 * Math.Max(Math.Abs(startCost), 1e-12);
        var inside = new double[d];
        double Cost(Vector<double> v)
        {
            double excess = 0;
            for (int k = 0; k < d; k++)
            {
                double x = v[k];
                inside[k] = Math.Clamp(x, 0, 1);
                excess += Math.Abs(x - inside[k]);
            }
            double c = objective.Cost(inside);
            evaluations++;
            if (c < bestCost)
            {
                bestCost = c;
                Array.Copy(inside, best, d);
            }
            return c + penalty * excess;
        }
        double step = o.InitialStep;
        for (int round = 0; round <= o.Restarts && evaluations < o.MaxEvaluations; round++)
        {
            double before = bestCost;
            int iterations = (int)Math.Max(10, (o.MaxEvaluations - evaluations) / 2);
            var solver = new NelderMeadSimplex(o.Tolerance, iterations);
            var guess = Vector<double>.Build.DenseOfArray(best);
            var perturbation = Vector<double>.Build.Dense(d, k => best[k] + step <= 1 ? step : -step);
            try { solver.FindMinimum(ObjectiveFunction.Value(Cost), guess, perturbation); }
            catch (MaximumIterationsException) { }   // the best point is tracked above; running out is a normal end
            if (bestCost >= before && round > 0) break;
            step = Math.Max(step * 0.1, 1e-6);
        }
        return new PolishResult(best, bestCost, evaluations, startCost - bestCost);
    }
}
