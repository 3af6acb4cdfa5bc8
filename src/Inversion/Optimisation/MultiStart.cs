using SourceModel.Inversion.Randomness;

namespace SourceModel.Inversion.Optimisation;

/// <summary>Settings of <see cref="MultiStart"/>.</summary>
public sealed record MultiStartOptions
{
    /// <summary>Independent swarms, each from its own Latin-hypercube start.</summary>
    public int Starts { get; init; } = 3;

    /// <summary>The swarm of each start.</summary>
    public ParticleSwarmOptions Swarm { get; init; } = new();

    /// <summary>Largest number of iterations of one start's swarm.</summary>
    public int SwarmIterations { get; init; } = 300;

    /// <summary>A start ends early when its best cost improved by less than 1e-6 (relative) over this many iterations.</summary>
    public int StagnationIterations { get; init; } = 40;

    /// <summary>The local refinement of every swarm's best and of every alternative start.</summary>
    public PolishOptions Polish { get; init; } = new() { MaxEvaluations = 2000 };

    /// <summary>Polish the problem's <see cref="IAlternativeStarts"/> of every distinct minimum (mirror and auxiliary
    /// geometries of a fault).</summary>
    public bool Alternatives { get; init; } = true;

    /// <summary>Alternatives are polished only for minima whose cost is within this fraction above the best cost found
    /// so far: a basin clearly worse than the best cannot hide the answer, and its conjugates are no better.</summary>
    public double AlternativeMargin { get; init; } = 0.15;

    /// <summary>Two polished points closer than this (root-mean-square per unit-cube coordinate) are one minimum.</summary>
    public double DistinctRadius { get; init; } = 0.03;

    /// <summary>Most local polishes in a run; once reached, only swarm bests are polished.</summary>
    public int MaxPolishes { get; init; } = 30;

    /// <summary>Checks the settings.</summary>
    public MultiStartOptions Validated()
    {
        if (Starts < 1) throw new ArgumentException($"starts must be >= 1, got {Starts}.");
        if (SwarmIterations < 1) throw new ArgumentException($"swarm iterations must be >= 1, got {SwarmIterations}.");
        if (StagnationIterations < 0) throw new ArgumentException($"stagnation iterations must be >= 0, got {StagnationIterations}.");
        if (!(AlternativeMargin >= 0)) throw new ArgumentException($"alternative margin must be >= 0, got {AlternativeMargin}.");
        if (!(DistinctRadius > 0 && DistinctRadius < 1)) throw new ArgumentException($"distinct radius must be in (0, 1), got {DistinctRadius}.");
        if (MaxPolishes < Starts) throw new ArgumentException($"max polishes ({MaxPolishes}) must be at least the number of starts ({Starts}).");
        Swarm.Validated();
        Polish.Validated();
        return this;
    }
}

/// <summary>State of a <see cref="MultiStart"/> run: the running swarm (if any), the points waiting to be polished and
/// the distinct minima found so far. Plain data, so a checkpoint is its JSON.</summary>
public sealed class MultiStartState : SolverState
{
    /// <summary>Starts begun so far.</summary>
    public int Start { get; set; }

    /// <summary>Iterations of the running start's swarm.</summary>
    public int SwarmIteration { get; set; }

    /// <summary>The running swarm, or null between starts.</summary>
    public SwarmState? Swarm { get; set; }

    /// <summary>Best cost of the running swarm after each of its iterations (for its stagnation test).</summary>
    public List<double> SwarmHistory { get; set; } = [];

    /// <summary>Points waiting for a polish (unit cube), with their costs and whether their alternatives are wanted.</summary>
    public List<double[]> Pending { get; set; } = [];

    /// <summary>Costs of <see cref="Pending"/>.</summary>
    public List<double> PendingCosts { get; set; } = [];

    /// <summary>Polishes done.</summary>
    public int Polishes { get; set; }

    /// <summary>Distinct polished minima (unit cube), best first.</summary>
    public List<double[]> Minima { get; set; } = [];

    /// <summary>Costs of <see cref="Minima"/>.</summary>
    public List<double> MinimaCosts { get; set; } = [];

    /// <summary>How each minimum was first reached: <c>start N</c> or <c>alternative of minimum found at …</c>.</summary>
    public List<string> MinimaOrigins { get; set; } = [];

    /// <summary>Origin labels of <see cref="Pending"/>.</summary>
    public List<string> PendingOrigins { get; set; } = [];
}

/// <summary>
/// Multi-start global search with basin bookkeeping: several independent particle swarms, each stopped when it stagnates
/// and its best polished by Nelder–Mead; every distinct polished minimum also has its problem's alternative starts
/// (<see cref="IAlternativeStarts"/>: the mirror and auxiliary fault geometries) polished, so competing minima are
/// found, compared by misfit and reported rather than left to chance. Each iteration is one swarm step or one polish,
/// so the <see cref="Executor"/>'s limits, cancellation and checkpoints apply unchanged.
/// </summary>
public sealed class MultiStart(MultiStartOptions? options = null) : ISolver<MultiStartState>
{
    private readonly MultiStartOptions _o = (options ?? new MultiStartOptions()).Validated();

    /// <inheritdoc />
    public string Name => "multistart";

    /// <summary>The settings.</summary>
    public MultiStartOptions Options => _o;

    /// <inheritdoc />
    public MultiStartState Init(IObjective objective, RandomStream random)
    {
        var s = new MultiStartState { Random = random.State };
        BeginStart(objective, s);
        return s;
    }

    /// <inheritdoc />
    public void Next(IObjective objective, MultiStartState s)
    {
        if (s.Swarm is { } swarm)
        {
            long before = swarm.Evaluations;
            new ParticleSwarm(_o.Swarm).Next(objective, swarm);
            s.Evaluations += swarm.Evaluations - before;
            s.SwarmIteration++;
            s.SwarmHistory.Add(swarm.BestCost);
            Remember(s, swarm.BestPosition, swarm.BestCost);
            if (StartFinished(s))
            {
                s.Pending.Add((double[])swarm.BestPosition.Clone());
                s.PendingCosts.Add(swarm.BestCost);
                s.PendingOrigins.Add($"swarm {s.Start}");
                s.Random = swarm.Random;
                s.Swarm = null;
            }
        }
        else if (s.Pending.Count > 0)
        {
            var x = s.Pending[0];
            double cost = s.PendingCosts[0];
            string origin = s.PendingOrigins[0];
            s.Pending.RemoveAt(0);
            s.PendingCosts.RemoveAt(0);
            s.PendingOrigins.RemoveAt(0);
            // Swarm bests are always polished; alternatives only while the polish budget lasts.
            if (!origin.StartsWith("swarm", StringComparison.Ordinal) && s.Polishes >= _o.MaxPolishes)
            {
                s.Iteration++;
                return;
            }
            var polished = LocalPolish.Run(objective, x, cost, _o.Polish);
            s.Evaluations += polished.Evaluations;
            s.Polishes++;
            Remember(s, polished.Position, polished.Cost);
            if (AddMinimum(s, polished.Position, polished.Cost, origin) && _o.Alternatives && objective is IAlternativeStarts alternatives
                && polished.Cost <= s.BestCost * (1 + _o.AlternativeMargin))
            {
                var starts = alternatives.Alternatives(polished.Position);
                if (starts.Count > 0)
                {
                    var costs = new double[starts.Count];
                    objective.CostBulk(starts.SelectMany(a => a).ToArray(), costs);
                    s.Evaluations += starts.Count;
                    for (int k = 0; k < starts.Count; k++)
                    {
                        s.Pending.Add(starts[k]);
                        s.PendingCosts.Add(costs[k]);
                        s.PendingOrigins.Add($"alternative {k + 1} of {origin}");
                    }
                }
            }
        }
        else if (s.Start < _o.Starts) BeginStart(objective, s);
        s.Iteration++;
    }

    /// <inheritdoc />
    public TerminationReason? Converged(MultiStartState s) =>
        s.Swarm is null && s.Pending.Count == 0 && s.Start >= _o.Starts ? TerminationReason.Converged : null;

    private void BeginStart(IObjective objective, MultiStartState s)
    {
        var rng = RandomStream.FromState(s.Random);
        var swarm = new ParticleSwarm(_o.Swarm).Init(objective, rng);
        s.Evaluations += swarm.Evaluations;
        s.Swarm = swarm;
        s.Start++;
        s.SwarmIteration = 0;
        s.SwarmHistory = [swarm.BestCost];
        Remember(s, swarm.BestPosition, swarm.BestCost);
    }

    private bool StartFinished(MultiStartState s)
    {
        if (s.SwarmIteration >= _o.SwarmIterations) return true;
        if (new ParticleSwarm(_o.Swarm).Converged(s.Swarm!) is not null) return true;
        int n = _o.StagnationIterations;
        if (n > 0 && s.SwarmHistory.Count > n)
        {
            double then = s.SwarmHistory[^(n + 1)], now = s.SwarmHistory[^1];
            if (then - now <= 1e-6 * Math.Abs(then)) return true;
        }
        return false;
    }

    private static void Remember(MultiStartState s, double[] x, double cost)
    {
        if (cost < s.BestCost || s.BestPosition.Length == 0)
        {
            s.BestCost = cost;
            s.BestPosition = (double[])x.Clone();
        }
    }

    /// <summary>Adds a polished point as a new minimum unless it lies within the distinct radius of a known one (then the
    /// better of the two is kept). True when it is new.</summary>
    private bool AddMinimum(MultiStartState s, double[] x, double cost, string origin)
    {
        for (int k = 0; k < s.Minima.Count; k++)
            if (SwarmMoves.Distance(s.Minima[k], x) <= _o.DistinctRadius)
            {
                if (cost < s.MinimaCosts[k]) (s.Minima[k], s.MinimaCosts[k]) = (x, cost);
                Sort(s);
                return false;
            }
        s.Minima.Add(x);
        s.MinimaCosts.Add(cost);
        s.MinimaOrigins.Add(origin);
        Sort(s);
        return true;
    }

    private static void Sort(MultiStartState s)
    {
        var order = Enumerable.Range(0, s.Minima.Count).OrderBy(k => s.MinimaCosts[k]).ToArray();
        s.Minima = order.Select(k => s.Minima[k]).ToList();
        s.MinimaCosts = order.Select(k => s.MinimaCosts[k]).ToList();
        s.MinimaOrigins = order.Select(k => s.MinimaOrigins[k]).ToList();
    }
}
