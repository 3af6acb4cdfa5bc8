namespace SourceModel.Inversion.Optimisation;

/// <summary>
/// The local refinement the multi-start search and polish-from-minima use: on a least-squares problem
/// (<see cref="IResidualObjective"/>) Levenberg–Marquardt first, which converges in tens of evaluations, then a short
/// Nelder–Mead from its result, which is indifferent to the kinks a bound or a switching slip constraint puts in the
/// misfit; on any other problem Nelder–Mead alone with the full budget.
/// </summary>
public static class LocalPolish
{
    /// <summary>Polishes <paramref name="start"/> (unit cube, cost <paramref name="startCost"/>).</summary>
    public static PolishResult Run(IObjective objective, double[] start, double startCost, PolishOptions options)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        if (objective is not IResidualObjective residual) return NelderMeadPolish.Run(objective, start, startCost, options);
        var lm = LevenbergMarquardtPolish.Run(residual, start, Math.Max(50, options.MaxEvaluations / 4));
        var (x, cost) = lm.Cost <= startCost ? (lm.Position, lm.Cost) : (start, startCost);
        var nm = NelderMeadPolish.Run(objective, x, cost, options with
        {
            MaxEvaluations = Math.Max(10, options.MaxEvaluations / 4), InitialStep = Math.Min(options.InitialStep, 0.005),
        });
        return new PolishResult(nm.Position, nm.Cost, lm.Evaluations + nm.Evaluations, startCost - nm.Cost);
    }
}
