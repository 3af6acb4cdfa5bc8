using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Problem;

namespace SourceModel.Inversion;

/// <summary>Values of one scanned parameter.</summary>
/// <param name="Parameter">Full parameter name (<c>fault.dip</c>).</param>
/// <param name="Values">Values to visit, in the parameter's unit.</param>
public sealed record GridAxis(string Parameter, double[] Values)
{
    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static GridAxis Linear(string parameter, double min, double max, int count)
    {
        if (count < 2) throw new ArgumentException($"grid axis '{parameter}': at least 2 values, got {count}.");
        if (!(max > min)) throw new ArgumentException($"grid axis '{parameter}': max {max} must exceed min {min}.");
        return new GridAxis(parameter, Enumerable.Range(0, count).Select(i => min + (max - min) * i / (count - 1)).ToArray());
    }
}

/// <summary>A misfit scan over one or two parameters.</summary>
/// <param name="First">First axis (rows).</param>
/// <param name="Second">Second axis (columns), or null for a 1-D scan.</param>
/// <param name="Costs">Misfit at each node, row-major (first × second).</param>
/// <param name="Parameters">Full parameter vector at each node (the re-optimised others, or the start's).</param>
/// <param name="Reoptimised">True when the other free parameters were re-fitted at every node.</param>
public sealed record GridScan(GridAxis First, GridAxis? Second, double[] Costs, double[][] Parameters, bool Reoptimised)
{
    /// <summary>Misfit at node (i, j).</summary>
    public double Cost(int i, int j = 0) => Costs[i * (Second?.Values.Length ?? 1) + j];

    /// <summary>The node with the lowest misfit.</summary>
    public (int I, int J) Minimum
    {
        get
        {
            int k = Array.IndexOf(Costs, Costs.Min()), m = Second?.Values.Length ?? 1;
            return (k / m, k % m);
        }
    }
}

/// <summary>
/// Misfit against one or two parameters (the published dip scan: misfit vs dip with the rest re-fitted at each dip).
/// Nodes run in parallel; with re-optimisation each node polishes the other free parameters from a start model.
/// </summary>
public static class GridSearch
{
    /// <summary>Scans <paramref name="first"/> (and <paramref name="second"/>) from the full start vector
    /// <paramref name="start"/>; <paramref name="reoptimise"/> null holds the other parameters at the start.</summary>
    public static GridScan Run(GeometryProblem problem, GridAxis first, GridAxis? second, double[] start, PolishOptions? reoptimise = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(first);
        if (start.Length != problem.Space.Count) throw new ArgumentException($"start has {start.Length} values; the problem has {problem.Space.Count} parameters.");
        var axes = second is null ? new[] { first } : [first, second];
        foreach (var a in axes)
        {
            int i = problem.Space.IndexOf(a.Parameter);
            if (i < 0) throw new ArgumentException($"grid axis: unknown parameter '{a.Parameter}'; known: {string.Join(", ", problem.Space.Specs.Select(s => s.Name))}.");
            if (!problem.Space.Specs[i].IsFree) throw new ArgumentException($"grid axis: '{a.Parameter}' is fixed; scan a free parameter.");
            if (a.Values.Length == 0) throw new ArgumentException($"grid axis '{a.Parameter}' has no values.");
        }
        if (second is not null && second.Parameter == first.Parameter) throw new ArgumentException("the two grid axes scan the same parameter.");
        int m = second?.Values.Length ?? 1, count = first.Values.Length * m;
        var costs = new double[count];
        var parameters = new double[count][];
        bool others = problem.Space.FreeCount > axes.Length;
        Parallel.For(0, count, Parallelism.CoreBound, k =>
        {
            var node = (double[])start.Clone();
            node[problem.Space.IndexOf(first.Parameter)] = first.Values[k / m];
            if (second is not null) node[problem.Space.IndexOf(second.Parameter)] = second.Values[k % m];
            if (reoptimise is null || !others)
            {
                costs[k] = problem.CostOfFull(node);
                parameters[k] = node;
                return;
            }
            var fixedProblem = problem.WithFixed(first.Parameter, first.Values[k / m]);
            if (second is not null) fixedProblem = fixedProblem.WithFixed(second.Parameter, second.Values[k % m]);
            var x0 = fixedProblem.Space.ToUnit(node).Select(u => Math.Clamp(u, 0, 1)).ToArray();
            var polished = NelderMeadPolish.Run(fixedProblem, x0, fixedProblem.Cost(x0), reoptimise);
            costs[k] = polished.Cost;
            parameters[k] = fixedProblem.Space.ToFull(polished.Position);
        });
        return new GridScan(first, second, costs, parameters, reoptimise is not null && others);
    }
}
