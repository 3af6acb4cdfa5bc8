using SourceModel.Inversion.Randomness;

namespace SourceModel.Inversion.Optimisation;

/// <summary>How a particle's velocity is damped.</summary>
public enum SwarmVariant
{
    /// <summary>Inertia weight decreasing linearly from <see cref="ParticleSwarmOptions.InertiaStart"/> to
    /// <see cref="ParticleSwarmOptions.InertiaEnd"/> (Shi &amp; Eberhart 1998).</summary>
    Inertia,

    /// <summary>Clerc–Kennedy constriction χ = 0.7298 with c1 = c2 = 2.05 (Clerc &amp; Kennedy 2002).</summary>
    Constriction,
}

/// <summary>Settings of <see cref="ParticleSwarm"/>.</summary>
public sealed record ParticleSwarmOptions
{
    /// <summary>Particles (evaluated together, in parallel).</summary>
    public int SwarmSize { get; init; } = 40;

    /// <summary>Velocity rule.</summary>
    public SwarmVariant Variant { get; init; } = SwarmVariant.Constriction;

    /// <summary>Inertia at the first iteration (inertia variant).</summary>
    public double InertiaStart { get; init; } = 0.9;

    /// <summary>Inertia reached after <see cref="InertiaIterations"/> (inertia variant).</summary>
    public double InertiaEnd { get; init; } = 0.4;

    /// <summary>Iterations over which the inertia decreases.</summary>
    public int InertiaIterations { get; init; } = 300;

    /// <summary>Cognitive and social accelerations for the inertia variant (1.49445 each, Eberhart &amp; Shi 2000).</summary>
    public double Acceleration { get; init; } = 1.49445;

    /// <summary>Largest step per coordinate per iteration, as a fraction of the unit cube.</summary>
    public double MaxSpeed { get; init; } = 0.2;

    /// <summary>The swarm has converged when every personal best lies within this RMS distance of the global best.</summary>
    public double ConvergenceRadius { get; init; } = 1e-9;

    /// <summary>Checks the settings.</summary>
    public ParticleSwarmOptions Validated()
    {
        if (SwarmSize < 2) throw new ArgumentException($"swarm size must be >= 2, got {SwarmSize}.");
        if (!(MaxSpeed > 0 && MaxSpeed <= 1)) throw new ArgumentException($"max speed must be in (0, 1], got {MaxSpeed}.");
        if (InertiaIterations < 1) throw new ArgumentException($"inertia iterations must be >= 1, got {InertiaIterations}.");
        return this;
    }
}

/// <summary>
/// Global-best particle swarm optimisation (Kennedy &amp; Eberhart 1995) with inertia or constriction, over the unit
/// cube with reflecting walls; the whole swarm is evaluated at once through <see cref="IObjective.CostBulk"/>.
/// </summary>
public sealed class ParticleSwarm(ParticleSwarmOptions? options = null) : ISolver<SwarmState>
{
    private const double Chi = 0.72984, PhiC = 2.05;
    private readonly ParticleSwarmOptions _o = (options ?? new ParticleSwarmOptions()).Validated();

    /// <inheritdoc />
    public string Name => "pso";

    /// <summary>The settings.</summary>
    public ParticleSwarmOptions Options => _o;

    /// <inheritdoc />
    public SwarmState Init(IObjective objective, RandomStream random)
    {
        var s = new SwarmState();
        SwarmMoves.Initialise(s, objective, random, _o.SwarmSize, 0.5 * _o.MaxSpeed);
        s.Random = random.State;
        return s;
    }

    /// <inheritdoc />
    public void Next(IObjective objective, SwarmState s)
    {
        var rng = RandomStream.FromState(s.Random);
        double chi, w, c;
        if (_o.Variant == SwarmVariant.Constriction) (chi, w, c) = (Chi, 1.0, PhiC);
        else
        {
            double t = Math.Min(1.0, s.Iteration / (double)_o.InertiaIterations);
            (chi, w, c) = (1.0, _o.InertiaStart + (_o.InertiaEnd - _o.InertiaStart) * t, _o.Acceleration);
        }
        var guide = s.BestPosition;
        for (int p = 0; p < s.Size; p++) SwarmMoves.Move(s, p, guide, chi, w, c, c, _o.MaxSpeed, rng);
        SwarmMoves.EvaluateAndRemember(s, objective);
        s.Iteration++;
        s.Random = rng.State;
    }

    /// <inheritdoc />
    public TerminationReason? Converged(SwarmState s)
    {
        for (int p = 0; p < s.Size; p++)
            if (SwarmMoves.Distance(s.Row(s.PersonalBest, p), s.BestPosition) > _o.ConvergenceRadius) return null;
        return TerminationReason.Converged;
    }
}
