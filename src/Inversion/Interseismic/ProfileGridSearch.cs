namespace SourceModel.Inversion.Interseismic;

/// <summary>A slip-rate × locking-depth misfit map: χ² at every node (offset and trend re-solved there), the best
/// node, and the full parameter vector there.</summary>
/// <param name="SlipRates">Slip-rate axis, m/yr.</param>
/// <param name="LockingDepths">Locking-depth axis, m.</param>
/// <param name="ChiSquares">[rate index, depth index].</param>
/// <param name="Best">Full parameter vector at the best node.</param>
/// <param name="BestChiSquare">Its χ².</param>
/// <param name="BestNode">Indices of the best node on the two axes.</param>
public sealed record ProfileGridMap(double[] SlipRates, double[] LockingDepths, double[,] ChiSquares, double[] Best, double BestChiSquare, (int Rate, int Depth) BestNode)
{
    /// <summary>Slip rate of the best node, m/yr.</summary>
    public double BestSlipRate => SlipRates[BestNode.Rate];

    /// <summary>Locking depth of the best node, m.</summary>
    public double BestLockingDepth => LockingDepths[BestNode.Depth];

    /// <summary>Nodes whose χ² is within <paramref name="delta"/> of the minimum (Δχ² = 2.30: the 68 % joint region of
    /// two parameters for Gaussian errors; 6.18: 95 %), as (rate, depth) ranges.</summary>
    public ((double Min, double Max) Rate, (double Min, double Max) Depth) Region(double delta)
    {
        var nodes = new List<(double, double)>();
        for (int i = 0; i < SlipRates.Length; i++)
            for (int j = 0; j < LockingDepths.Length; j++)
                if (ChiSquares[i, j] <= BestChiSquare + delta) nodes.Add((SlipRates[i], LockingDepths[j]));
        return ((nodes.Min(n => n.Item1), nodes.Max(n => n.Item1)), (nodes.Min(n => n.Item2), nodes.Max(n => n.Item2)));
    }
}

/// <summary>The classic interseismic grid search: slip rate and locking depth of one fault on a grid, every other
/// nonlinear parameter held at <c>start</c>, offset and trend solved by weighted least squares at each node.</summary>
public static class ProfileGridSearch
{
    /// <summary>Scans <paramref name="slipRates"/> × <paramref name="lockingDepths"/> of <paramref name="fault"/>.</summary>
    public static ProfileGridMap Run(ProfileProblem problem, string fault, double[] slipRates, double[] lockingDepths, double[] start)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(start);
        int f = problem.Model.Faults.Select(x => x.Name).ToList().IndexOf(fault);
        if (f < 0) throw new ArgumentException($"no fault '{fault}'; the model has: {string.Join(", ", problem.Model.Faults.Select(x => x.Name))}.");
        if (slipRates.Length < 2 || lockingDepths.Length < 2) throw new ArgumentException("give at least two slip rates and two locking depths.");
        if (lockingDepths.Any(d => !(d > 0))) throw new ArgumentException("locking depths must be positive.");
        if (start.Length != problem.Space.Count) throw new ArgumentException($"the start vector needs {problem.Space.Count} values.");
        var chi = new double[slipRates.Length, lockingDepths.Length];
        Parallel.For(0, slipRates.Length * lockingDepths.Length, k =>
        {
            int i = k / lockingDepths.Length, j = k % lockingDepths.Length;
            var full = (double[])start.Clone();
            full[5 * f] = slipRates[i];
            full[5 * f + 1] = lockingDepths[j];
            chi[i, j] = problem.SolveOffsetAndTrend(full);
        });
        int bi = 0, bj = 0;
        for (int i = 0; i < slipRates.Length; i++)
            for (int j = 0; j < lockingDepths.Length; j++)
                if (chi[i, j] < chi[bi, bj]) (bi, bj) = (i, j);
        var best = (double[])start.Clone();
        best[5 * f] = slipRates[bi];
        best[5 * f + 1] = lockingDepths[bj];
        double bestChi = problem.SolveOffsetAndTrend(best);
        return new ProfileGridMap(slipRates, lockingDepths, chi, best, bestChi, (bi, bj));
    }
}
