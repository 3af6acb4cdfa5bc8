using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Slip;

/// <summary>The outcome of a bounded least-squares solve.</summary>
/// <param name="X">The unknowns.</param>
/// <param name="Objective">F(x) = ‖Ax − b‖² (data misfit plus α² roughness).</param>
/// <param name="Iterations">Active-set changes (BVLS) or descent steps.</param>
/// <param name="Converged">True when the solver's optimality test was met.</param>
/// <param name="KktViolation">Largest violation of the optimality (KKT) conditions, relative to the gradient scale.</param>
public sealed record BoundedSolution(double[] X, double Objective, int Iterations, bool Converged, double KktViolation);

/// <summary>
/// Exact bounded least squares on the normal equations: minimise ½xᵀNx − cᵀx subject to l ≤ x ≤ u (N = AᵀA symmetric
/// positive definite, infinite bounds allowed) by block principal pivoting, an active-set method (Júdice &amp; Pires 1994;
/// Kim &amp; Park 2011 for NNLS): hold the bound variables at their bounds, solve the free ones by Cholesky, and exchange
/// at once every variable that breaks the optimality (KKT) conditions — a free one outside the box, a bound one whose
/// gradient points inward — falling back to exchanging one variable (Murty's rule) when the count of violations stops
/// falling, which guarantees termination. Unlike BVLS (Stark &amp; Parker 1995), which frees one variable per
/// factorisation, it needs a handful of factorisations for thousands of unknowns; a warm start (the previous α's
/// partition) usually needs one or two.
/// </summary>
public static class BoundedLeastSquares
{
    /// <summary>Solves from the start <paramref name="start"/> (clamped into the box; null starts at the bound nearest zero).</summary>
    public static BoundedSolution Solve(ISymmetricMatrix n, double[] c, double[] lower, double[] upper, double constant,
        double[]? start = null, int maxIterations = 0) => Solve(n, c, lower, upper, constant, start, maxIterations, null);

    /// <summary>As the public overload; factorisations write into arrays rented from <paramref name="workspace"/>.</summary>
    internal static BoundedSolution Solve(ISymmetricMatrix n, double[] c, double[] lower, double[] upper, double constant,
        double[]? start, int maxIterations, Workspace? workspace)
    {
        return FreeSetFactor.Using(n, c, workspace, factor => Pivot(n, c, lower, upper, constant, start, maxIterations, factor));
    }

    private static BoundedSolution Pivot(ISymmetricMatrix n, double[] c, double[] lower, double[] upper, double constant,
        double[]? start, int maxIterations, FreeSetFactor factor)
    {
        int m = c.Length;
        if (maxIterations <= 0) maxIterations = 2 * m + 50;
        var x = new double[m];
        var state = new int[m];   // 0 free, −1 at lower, +1 at upper
        for (int j = 0; j < m; j++)
        {
            double v = Math.Clamp(start?[j] ?? 0.0, lower[j], upper[j]);
            bool unbounded = double.IsNegativeInfinity(lower[j]) && double.IsPositiveInfinity(upper[j]);
            state[j] = unbounded ? 0 : v <= lower[j] ? -1 : v >= upper[j] ? 1 : 0;
            if (lower[j] > upper[j]) throw new ArgumentException($"unknown {j}: lower bound {lower[j]} above upper bound {upper[j]}.");
            x[j] = state[j] == -1 ? lower[j] : state[j] == 1 ? upper[j] : v;
        }
        double scale = c.Select(Math.Abs).DefaultIfEmpty(0).Max() + 1e-300;
        double tolerance = 1e-12 * scale;
        var g = new double[m];
        int best = int.MaxValue, backup = 3, iterations = 0;
        while (iterations++ < maxIterations)
        {
            var free = Enumerable.Range(0, m).Where(j => state[j] == 0).ToArray();
            var z = SolveFree(n, c, x, free, state, factor);
            for (int k = 0; k < free.Length; k++) x[free[k]] = z[k];
            Gradient(n, c, x, g);
            var violations = new List<int>();
            for (int j = 0; j < m; j++)
            {
                if (lower[j] == upper[j]) continue;   // held fixed
                bool bad = state[j] switch
                {
                    0 => x[j] < lower[j] || x[j] > upper[j],
                    -1 => g[j] < -tolerance,
                    _ => g[j] > tolerance,
                };
                if (bad) violations.Add(j);
            }
            if (violations.Count == 0)
                return new BoundedSolution(x, Objective(n, c, x, constant), iterations, true, Kkt(g, x, lower, upper) / scale);
            IEnumerable<int> exchange;
            if (violations.Count < best)
            {
                (best, backup) = (violations.Count, 3);
                exchange = violations;
            }
            else if (backup > 0)
            {
                backup--;
                exchange = violations;
            }
            else exchange = [violations[^1]];
            foreach (int j in exchange)
            {
                if (state[j] == 0)
                {
                    state[j] = x[j] < lower[j] ? -1 : 1;
                    x[j] = state[j] == -1 ? lower[j] : upper[j];
                }
                else state[j] = 0;
            }
        }
        // Not converged within the budget: return the last iterate clamped into the box, with its KKT violation.
        for (int j = 0; j < m; j++) x[j] = Math.Clamp(x[j], lower[j], upper[j]);
        Gradient(n, c, x, g);
        return new BoundedSolution(x, Objective(n, c, x, constant), iterations, false, Kkt(g, x, lower, upper) / scale);
    }

    /// <summary>The free variables' solution with the bound ones (<paramref name="state"/> ≠ 0) held at their values in
    /// <paramref name="x"/>: N_FF z = c_F − N_FB x_B (z in <paramref name="free"/>'s order), by the factor brought up to
    /// date for F (<see cref="Refit"/>).</summary>
    internal static double[] SolveFree(ISymmetricMatrix n, double[] c, double[] x, int[] free, int[] state, FreeSetFactor factor)
    {
        int m = c.Length, f = free.Length;
        if (f == 0) return [];
        var rhs = (double[])c.Clone();
        // N_FB x_B from one product with the bound part of x (most bounds are zero: then nothing to subtract).
        var bound = new double[m];
        bool any = false;
        for (int j = 0; j < m; j++)
            if (state[j] != 0 && x[j] != 0) { bound[j] = x[j]; any = true; }
        if (any)
        {
            var nb = new double[m];
            n.Multiply(bound, nb);
            for (int j = 0; j < m; j++) rhs[j] -= nb[j];
        }
        Refit(factor, free, m);
        var members = factor.Members;
        var zm = factor.Solve(members.Select(j => rhs[j]).ToArray());
        var value = new double[m];
        for (int k = 0; k < f; k++) value[members[k]] = zm[k];
        return free.Select(j => value[j]).ToArray();
    }

    /// <summary>Brings the factor to the set <paramref name="free"/>: by updates when few variables moved since the
    /// last step (at most max(16, f/40), and at most 400 updates since the last full factorisation, which bounds the
    /// round-off they accumulate), else by a new factorisation.</summary>
    private static void Refit(FreeSetFactor factor, int[] free, int m)
    {
        var isFree = new bool[m];
        foreach (int j in free) isFree[j] = true;
        var isMember = new bool[m];
        foreach (int j in factor.Members) isMember[j] = true;
        var leaving = Enumerable.Range(0, factor.Members.Count).Where(k => !isFree[factor.Members[k]]).ToArray();
        var joining = free.Where(j => !isMember[j]).ToArray();
        int changes = leaving.Length + joining.Length;
        if (changes == 0 && factor.Members.Count == free.Length) return;
        bool update = factor.Members.Count > 0 && changes <= Math.Max(16, free.Length / 40) && factor.Updates + changes <= 400;
        if (update)
        {
            for (int k = leaving.Length - 1; k >= 0; k--) factor.RemoveAt(leaving[k]);
            foreach (int j in joining)
                if (!factor.Add(j)) { update = false; break; }
        }
        if (!update && !factor.Refactor(free))
            throw new ArgumentException($"the least-squares system is singular on {free.Length} free unknowns: some slip components are not resolved by the data " +
                                        "and not tied by smoothing (give a positive smoothing weight, or drop the blind patches).");
    }

    /// <summary>g = N x − c (half the gradient of ‖Ax − b‖²).</summary>
    internal static void Gradient(ISymmetricMatrix n, double[] c, ReadOnlySpan<double> x, Span<double> g)
    {
        n.Multiply(x, g);
        for (int j = 0; j < c.Length; j++) g[j] -= c[j];
    }

    /// <summary>‖Ax − b‖² = xᵀNx − 2cᵀx + bᵀb.</summary>
    internal static double Objective(ISymmetricMatrix n, double[] c, ReadOnlySpan<double> x, double constant)
    {
        int m = c.Length;
        var nx = new double[m];
        n.Multiply(x, nx);
        double q = 0;
        for (int i = 0; i < m; i++) q += x[i] * (nx[i] - 2 * c[i]);
        return q + constant;
    }

    /// <summary>Largest KKT violation: |g| on free variables, the outward part of g on bound ones.</summary>
    internal static double Kkt(ReadOnlySpan<double> g, ReadOnlySpan<double> x, double[] lower, double[] upper)
    {
        double worst = 0;
        for (int j = 0; j < g.Length; j++)
        {
            bool atLower = x[j] <= lower[j], atUpper = x[j] >= upper[j];
            double v = atLower ? Math.Max(0, -g[j]) : atUpper ? Math.Max(0, g[j]) : Math.Abs(g[j]);
            worst = Math.Max(worst, v);
        }
        return worst;
    }
}
