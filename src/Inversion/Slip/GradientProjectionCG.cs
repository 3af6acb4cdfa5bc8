namespace SourceModel.Inversion.Slip;

/// <summary>
/// Bounded least squares from products with the normal matrix only: gradient projection with conjugate gradients
/// (GPCG; Moré &amp; Toraldo 1991, SIAM J. Optim. 1, 93–113) on ½xᵀNx − cᵀx within l ≤ x ≤ u. Each cycle first takes
/// projected-gradient steps (a Cauchy step along the Jacobi-scaled steepest descent, projected onto the box, halved
/// until the objective falls enough) while they keep changing which variables sit at a bound — that is how whole groups
/// of bounds are found at once — then runs Jacobi-preconditioned conjugate gradients on the variables strictly inside
/// the box and a projected search along the result. The gradient is recomputed from scratch every cycle so that
/// single-precision products do not drift. Work is counted in products with N (two passes over the Green's matrix).
/// </summary>
internal static class GradientProjectionCG
{
    /// <summary>Sufficient decrease: q(x + s) − q(x) ≤ μ·gᵀs.</summary>
    private const double Mu = 0.01;

    /// <summary>A projection phase ends when a step decreases q by less than this share of its best step.</summary>
    private const double ProjectionStall = 0.1;

    /// <summary>Conjugate gradients stop when the preconditioned residual has fallen by this factor.</summary>
    private const double ConjugateGradientReduction = 1e-2;

    private const int MaxProjectionSteps = 25, MaxConjugateGradientSteps = 300, MaxHalvings = 30;

    /// <summary>Iterates from <paramref name="start"/> (clamped into the box; zero when null) until the KKT violation falls
    /// below <paramref name="tolerance"/> relative to max |c|, or <paramref name="maxProducts"/> products.</summary>
    public static BoundedSolution Solve(MatrixFreeNormal n, double[] c, double[] lower, double[] upper, double constant,
        double[]? start = null, double tolerance = 1e-6, int maxProducts = 20_000)
    {
        int size = c.Length;
        double scale = c.Select(Math.Abs).DefaultIfEmpty(0).Max() + 1e-300;
        var preconditioner = new double[size];
        for (int j = 0; j < size; j++)
        {
            double diagonal = n.Diagonal(j);
            preconditioner[j] = diagonal > 0 ? 1 / diagonal : 1;
        }
        var x = new double[size];
        for (int j = 0; j < size; j++) x[j] = Math.Clamp(start?[j] ?? 0.0, lower[j], upper[j]);
        var g = new double[size];
        var work = new Buffers(size);
        int first = n.Products;
        bool converged = false;
        double kkt;
        while (true)
        {
            Gradient(n, c, x, g);
            kkt = BoundedLeastSquares.Kkt(g, x, lower, upper);
            if (kkt <= tolerance * scale) { converged = true; break; }
            if (n.Products - first >= maxProducts) break;
            bool moved = ProjectionPhase(n, x, g, lower, upper, preconditioner, work);
            moved |= SubspacePhase(n, x, g, lower, upper, preconditioner, work);
            if (!moved) break;   // neither phase can decrease q any more: round-off floor
        }
        double objective = constant;
        for (int j = 0; j < size; j++) objective += x[j] * (g[j] - c[j]);   // xᵀNx − 2cᵀx = xᵀ(g − c)
        return new BoundedSolution(x, objective, n.Products - first, converged, kkt / scale);
    }

    private static void Gradient(MatrixFreeNormal n, double[] c, double[] x, double[] g)
    {
        n.Multiply(x, g);
        for (int j = 0; j < c.Length; j++) g[j] -= c[j];
    }

    /// <summary>Projected, Jacobi-scaled steepest-descent steps while the set of bound variables keeps changing.</summary>
    private static bool ProjectionPhase(MatrixFreeNormal n, double[] x, double[] g, double[] lower, double[] upper, double[] preconditioner, Buffers work)
    {
        int size = x.Length;
        var (p, np, active, now) = (work.Direction, work.Product, work.Active, work.Now);
        AtBound(x, lower, upper, active);
        double best = 0;
        bool moved = false;
        for (int step = 0; step < MaxProjectionSteps; step++)
        {
            bool any = false;
            for (int j = 0; j < size; j++)
            {
                double v = -preconditioner[j] * g[j];
                // A variable at a bound that the descent would push outwards does not move (nor count in the step length).
                if (lower[j] >= upper[j] || (x[j] <= lower[j] && v < 0) || (x[j] >= upper[j] && v > 0)) v = 0;
                p[j] = v;
                any |= v != 0;
            }
            if (!any) break;
            n.Multiply(p, np);
            double gp = Dot(g, p), pnp = Dot(p, np);
            if (!(pnp > 0) || !(gp < 0)) break;
            if (!ProjectedSearch(n, x, g, lower, upper, p, -gp / pnp, np, work, out double decrease)) break;
            moved = true;
            best = Math.Max(best, decrease);
            AtBound(x, lower, upper, now);
            bool same = now.AsSpan().SequenceEqual(active);
            now.CopyTo(active, 0);
            if (same || decrease <= ProjectionStall * best) break;
        }
        return moved;
    }

    /// <summary>Preconditioned conjugate gradients on the variables strictly inside the box, then a projected search
    /// along the step they propose.</summary>
    private static bool SubspacePhase(MatrixFreeNormal n, double[] x, double[] g, double[] lower, double[] upper, double[] preconditioner, Buffers work)
    {
        int size = x.Length;
        var (free, r, z, p, w, s) = (work.Free, work.Residual, work.Preconditioned, work.Direction, work.Product, work.Step);
        Array.Clear(s);
        for (int j = 0; j < size; j++)
        {
            free[j] = lower[j] < x[j] && x[j] < upper[j];
            r[j] = free[j] ? -g[j] : 0;
            z[j] = preconditioner[j] * r[j];
            p[j] = z[j];
        }
        double rz = Dot(r, z), rz0 = rz;
        if (!(rz > 0)) return false;
        for (int k = 0; k < MaxConjugateGradientSteps; k++)
        {
            n.Multiply(p, w, free);
            double pw = Dot(p, w);
            if (!(pw > 0)) break;
            double a = rz / pw;
            for (int j = 0; j < size; j++)
            {
                if (!free[j]) continue;
                s[j] += a * p[j];
                r[j] -= a * w[j];
                z[j] = preconditioner[j] * r[j];
            }
            double next = Dot(r, z);
            if (next <= ConjugateGradientReduction * ConjugateGradientReduction * rz0) break;
            double beta = next / rz;
            for (int j = 0; j < size; j++) p[j] = free[j] ? z[j] + beta * p[j] : 0;
            rz = next;
        }
        return ProjectedSearch(n, x, g, lower, upper, s, 1, null, work, out _);
    }

    /// <summary>x ← P(x + t·d) for the first t in t0, t0/2, … with sufficient decrease; g updated. <paramref name="nd"/>,
    /// when given, is N·d, which spares a product while the projection cuts nothing.</summary>
    private static bool ProjectedSearch(MatrixFreeNormal n, double[] x, double[] g, double[] lower, double[] upper, double[] d, double t0,
        double[]? nd, Buffers work, out double decrease)
    {
        int size = x.Length;
        var (step, nstep) = (work.Trial, work.TrialProduct);
        double t = t0;
        for (int halving = 0; halving < MaxHalvings; halving++, t /= 2)
        {
            bool cut = false;
            for (int j = 0; j < size; j++)
            {
                double target = x[j] + t * d[j], clamped = Math.Clamp(target, lower[j], upper[j]);
                cut |= clamped != target;
                step[j] = clamped - x[j];
            }
            if (!cut && nd is not null)
                for (int j = 0; j < size; j++) nstep[j] = t * nd[j];
            else n.Multiply(step, nstep);
            double gs = Dot(g, step);
            if (!(gs < 0)) break;
            double change = gs + 0.5 * Dot(step, nstep);
            if (change > Mu * gs) continue;
            for (int j = 0; j < size; j++)
            {
                // Land exactly on a bound rather than a rounding error away from it.
                x[j] = Math.Clamp(x[j] + step[j], lower[j], upper[j]);
                g[j] += nstep[j];
            }
            decrease = -change;
            return true;
        }
        decrease = 0;
        return false;
    }

    private static void AtBound(double[] x, double[] lower, double[] upper, bool[] result)
    {
        for (int j = 0; j < x.Length; j++) result[j] = x[j] <= lower[j] || x[j] >= upper[j];
    }

    /// <summary>The vectors of one solve, allocated once: thousands of products and searches would otherwise leave
    /// gigabytes of large arrays for the collector at 20,000 unknowns.</summary>
    private sealed class Buffers(int size)
    {
        public double[] Direction { get; } = new double[size];
        public double[] Product { get; } = new double[size];
        public double[] Residual { get; } = new double[size];
        public double[] Preconditioned { get; } = new double[size];
        public double[] Step { get; } = new double[size];
        public double[] Trial { get; } = new double[size];
        public double[] TrialProduct { get; } = new double[size];
        public bool[] Free { get; } = new bool[size];
        public bool[] Active { get; } = new bool[size];
        public bool[] Now { get; } = new bool[size];
    }

    private static double Dot(double[] a, double[] b) => Sampling.Noise.Dot.Of(a, b);
}
