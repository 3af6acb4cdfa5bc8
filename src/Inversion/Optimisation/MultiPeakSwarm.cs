using SourceModel.Inversion.Randomness;

namespace SourceModel.Inversion.Optimisation;

/// <summary>Settings of <see cref="MultiPeakSwarm"/>.</summary>
public sealed record MultiPeakSwarmOptions
{
    /// <summary>Particles.</summary>
    public int SwarmSize { get; init; } = 60;

    /// <summary>Species radius: particles whose personal best lies within this RMS distance (unit cube, per coordinate)
    /// of a species seed follow that seed. Distinct optima closer than this merge.</summary>
    public double SpeciesRadius { get; init; } = 0.1;

    /// <summary>Particles a species may hold; the worst extra members are re-seeded at random to keep exploring.</summary>
    public int MaxSpeciesSize { get; init; } = 10;

    /// <summary>Peaks kept and returned (best first).</summary>
    public int MaxPeaks { get; init; } = 10;

    /// <summary>Largest step per coordinate per iteration.</summary>
    public double MaxSpeed { get; init; } = 0.2;

    /// <summary>Checks the settings.</summary>
    public MultiPeakSwarmOptions Validated()
    {
        if (SwarmSize < 2) throw new ArgumentException($"swarm size must be >= 2, got {SwarmSize}.");
        if (!(SpeciesRadius > 0 && SpeciesRadius < 1)) throw new ArgumentException($"species radius must be in (0, 1), got {SpeciesRadius}.");
        if (MaxSpeciesSize < 2) throw new ArgumentException($"max species size must be >= 2, got {MaxSpeciesSize}.");
        if (MaxPeaks < 1) throw new ArgumentException($"peaks must be >= 1, got {MaxPeaks}.");
        if (!(MaxSpeed > 0 && MaxSpeed <= 1)) throw new ArgumentException($"max speed must be in (0, 1], got {MaxSpeed}.");
        return this;
    }
}

/// <summary>State of the multi-peak swarm: the swarm plus the archive of distinct peaks found so far.</summary>
public sealed class MultiPeakState : SwarmState
{
    /// <summary>Archived peak positions, row-major (best first).</summary>
    public double[] PeakPositions { get; set; } = [];

    /// <summary>Cost of each archived peak.</summary>
    public double[] PeakCosts { get; set; } = [];
}

/// <summary>
/// Species-based particle swarm (Li 2004; Parrott &amp; Li 2006): every iteration the particles are grouped around the
/// best personal bests that lie at least one species radius apart (the seeds), each particle follows its own seed, and
/// so the swarm keeps several local optima at once instead of collapsing on one. Seeds are archived as peaks, merged
/// when closer than the radius and ranked by cost — the distinct solutions a multi-modal misfit allows (e.g. the two
/// nodal planes, or a deep and a shallow fault).
/// </summary>
public sealed class MultiPeakSwarm(MultiPeakSwarmOptions? options = null) : ISolver<MultiPeakState>
{
    private const double Chi = 0.72984, Phi = 2.05;
    private readonly MultiPeakSwarmOptions _o = (options ?? new MultiPeakSwarmOptions()).Validated();

    /// <inheritdoc />
    public string Name => "mpso";

    /// <summary>The settings.</summary>
    public MultiPeakSwarmOptions Options => _o;

    /// <inheritdoc />
    public MultiPeakState Init(IObjective objective, RandomStream random)
    {
        var s = new MultiPeakState();
        SwarmMoves.Initialise(s, objective, random, _o.SwarmSize, 0.5 * _o.MaxSpeed);
        Archive(s, Seeds(s).Select(t => t.Seed));
        s.Random = random.State;
        return s;
    }

    /// <inheritdoc />
    public void Next(IObjective objective, MultiPeakState s)
    {
        var rng = RandomStream.FromState(s.Random);
        var species = Seeds(s);
        foreach (var (seed, members) in species)
        {
            var guide = s.Row(s.PersonalBest, seed).ToArray();
            foreach (int p in members)
            {
                if (p == seed) SwarmMoves.Move(s, p, guide, Chi, 1.0, Phi, 0.0, _o.MaxSpeed, rng);
                else SwarmMoves.Move(s, p, guide, Chi, 1.0, Phi, Phi, _o.MaxSpeed, rng);
            }
        }
        // Crowded species give up their worst members to exploration: fresh random particles with no memory.
        var restart = new List<int>();
        foreach (var (_, members) in species)
            if (members.Count > _o.MaxSpeciesSize)
                restart.AddRange(members.OrderBy(p => s.PersonalBestCost[p]).Skip(_o.MaxSpeciesSize));
        foreach (int p in restart)
        {
            var x = s.Row(s.Positions, p);
            var v = s.Row(s.Velocities, p);
            for (int k = 0; k < s.Dimension; k++)
            {
                x[k] = rng.NextDouble();
                v[k] = 0.5 * _o.MaxSpeed * (2 * rng.NextDouble() - 1);
            }
            s.PersonalBestCost[p] = double.PositiveInfinity;
        }
        SwarmMoves.EvaluateAndRemember(s, objective);
        Archive(s, Seeds(s).Select(t => t.Seed));
        s.Iteration++;
        s.Random = rng.State;
    }

    /// <inheritdoc />
    public TerminationReason? Converged(MultiPeakState s) => null;

    /// <summary>The archived peaks, best first: unit-cube positions and costs.</summary>
    public static IReadOnlyList<(double[] Position, double Cost)> Peaks(MultiPeakState s)
    {
        int d = s.Dimension;
        return Enumerable.Range(0, s.PeakCosts.Length).Select(i => (s.PeakPositions.AsSpan(i * d, d).ToArray(), s.PeakCosts[i])).ToList();
    }

    /// <summary>Seeds in order of personal-best cost; each particle joins the first seed within the radius.</summary>
    private List<(int Seed, List<int> Members)> Seeds(MultiPeakState s)
    {
        var order = Enumerable.Range(0, s.Size).OrderBy(p => s.PersonalBestCost[p]).ThenBy(p => p).ToArray();
        var species = new List<(int Seed, List<int> Members)>();
        foreach (int p in order)
        {
            var pb = s.Row(s.PersonalBest, p);
            bool joined = false;
            foreach (var (seed, members) in species)
                if (SwarmMoves.Distance(pb, s.Row(s.PersonalBest, seed)) <= _o.SpeciesRadius)
                {
                    members.Add(p);
                    joined = true;
                    break;
                }
            if (!joined) species.Add((p, [p]));
        }
        return species;
    }

    /// <summary>Adds seeds to the archive: a seed within the radius of a peak replaces it when better; the archive keeps
    /// the best <see cref="MultiPeakSwarmOptions.MaxPeaks"/>.</summary>
    private void Archive(MultiPeakState s, IEnumerable<int> seeds)
    {
        var peaks = Peaks(s).ToList();
        foreach (int seed in seeds)
        {
            double cost = s.PersonalBestCost[seed];
            if (!double.IsFinite(cost)) continue;
            var x = s.Row(s.PersonalBest, seed).ToArray();
            int near = peaks.FindIndex(pk => SwarmMoves.Distance(pk.Position, x) <= _o.SpeciesRadius);
            if (near < 0) peaks.Add((x, cost));
            else if (cost < peaks[near].Cost) peaks[near] = (x, cost);
        }
        // Two archived peaks can drift within the radius of each other as they improve: merge them, keeping the better.
        peaks = peaks.OrderBy(pk => pk.Cost).ToList();
        var kept = new List<(double[] Position, double Cost)>();
        foreach (var pk in peaks)
            if (!kept.Any(k => SwarmMoves.Distance(k.Position, pk.Position) <= _o.SpeciesRadius)) kept.Add(pk);
        kept = kept.Take(_o.MaxPeaks).ToList();
        s.PeakPositions = kept.SelectMany(k => k.Position).ToArray();
        s.PeakCosts = kept.Select(k => k.Cost).ToArray();
    }
}
