using SourceModel.Inversion.Randomness;

namespace SourceModel.Inversion.Optimisation;

/// <summary>The pieces every swarm variant shares: Latin-hypercube start, the velocity update, reflecting walls and
/// the personal-best bookkeeping.</summary>
internal static class SwarmMoves
{
    /// <summary>Positions spread by a Latin hypercube (each coordinate's strata visited once) and small random
    /// velocities; evaluates them all in bulk.</summary>
    public static void Initialise(SwarmState s, IObjective f, RandomStream rng, int size, double initialSpeed)
    {
        int d = f.Dimension;
        s.Size = size;
        s.Dimension = d;
        s.Positions = new double[size * d];
        s.Velocities = new double[size * d];
        for (int k = 0; k < d; k++)
        {
            var strata = Enumerable.Range(0, size).ToArray();
            for (int i = size - 1; i > 0; i--)
            {
                int j = rng.NextInt(i + 1);
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }
            for (int p = 0; p < size; p++)
            {
                s.Positions[p * d + k] = (strata[p] + rng.NextDouble()) / size;
                s.Velocities[p * d + k] = initialSpeed * (2 * rng.NextDouble() - 1);
            }
        }
        s.Costs = new double[size];
        f.CostBulk(s.Positions, s.Costs);
        s.Evaluations += size;
        s.PersonalBest = (double[])s.Positions.Clone();
        s.PersonalBestCost = (double[])s.Costs.Clone();
        UpdateGlobalBest(s);
    }

    /// <summary>v ← χ·(w·v + c1·r1·(pbest − x) + c2·r2·(guide − x)), clamped to ±vmax; x ← x + v with reflecting walls.</summary>
    public static void Move(SwarmState s, int p, ReadOnlySpan<double> guide, double chi, double inertia, double c1, double c2,
        double maxSpeed, RandomStream rng)
    {
        var x = s.Row(s.Positions, p);
        var v = s.Row(s.Velocities, p);
        var pb = s.Row(s.PersonalBest, p);
        for (int k = 0; k < s.Dimension; k++)
        {
            double vk = chi * (inertia * v[k] + c1 * rng.NextDouble() * (pb[k] - x[k]) + c2 * rng.NextDouble() * (guide[k] - x[k]));
            vk = Math.Clamp(vk, -maxSpeed, maxSpeed);
            double xk = x[k] + vk;
            // Reflect at the walls and damp the velocity, so particles explore the bounds without sticking to them.
            if (xk < 0) { xk = Math.Min(-xk, 1); vk = -0.5 * vk; }
            else if (xk > 1) { xk = Math.Max(2 - xk, 0); vk = -0.5 * vk; }
            x[k] = xk;
            v[k] = vk;
        }
    }

    /// <summary>Evaluates every particle in bulk and updates personal and global bests.</summary>
    public static void EvaluateAndRemember(SwarmState s, IObjective f)
    {
        f.CostBulk(s.Positions, s.Costs);
        s.Evaluations += s.Size;
        for (int p = 0; p < s.Size; p++)
            if (s.Costs[p] < s.PersonalBestCost[p])
            {
                s.PersonalBestCost[p] = s.Costs[p];
                s.Row(s.Positions, p).CopyTo(s.Row(s.PersonalBest, p));
            }
        UpdateGlobalBest(s);
    }

    public static void UpdateGlobalBest(SwarmState s)
    {
        int best = 0;
        for (int p = 1; p < s.Size; p++)
            if (s.PersonalBestCost[p] < s.PersonalBestCost[best]) best = p;
        if (s.PersonalBestCost[best] < s.BestCost || s.BestPosition.Length == 0)
        {
            s.BestCost = s.PersonalBestCost[best];
            s.BestPosition = s.Row(s.PersonalBest, best).ToArray();
        }
    }

    /// <summary>Root-mean-square distance (per coordinate) between two points of the unit cube.</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
        return Math.Sqrt(s / a.Length);
    }
}
