using SourceModel.Inversion.Randomness;
using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Uncertainty;

/// <summary>Settings of an adaptive Metropolis (DRAM) chain.</summary>
public sealed record AdaptiveMetropolisOptions
{
    /// <summary>Iterations per chain, burn-in included.</summary>
    public int Iterations { get; init; } = 20_000;

    /// <summary>Iterations discarded at the start of each chain; the proposal adapts only during them, so the kept draws
    /// come from a fixed Metropolis–Hastings kernel.</summary>
    public int BurnIn { get; init; } = 5_000;

    /// <summary>Keep every Thin-th draw after the burn-in.</summary>
    public int Thin { get; init; } = 1;

    /// <summary>Iterations with the initial proposal before adaptation starts (Haario et al. 2001: t₀).</summary>
    public int AdaptStart { get; init; } = 500;

    /// <summary>Iterations between re-factorisations of the adapted proposal covariance.</summary>
    public int AdaptEvery { get; init; } = 100;

    /// <summary>Delayed rejection (Haario et al. 2006): after a rejection, try once more with the proposal shrunk by
    /// <see cref="DelayedRejectionScale"/>.</summary>
    public bool DelayedRejection { get; init; } = true;

    /// <summary>Standard-deviation factor of the second-stage proposal.</summary>
    public double DelayedRejectionScale { get; init; } = 0.2;

    /// <summary>First-stage acceptance rate the proposal's global scale is steered to during the burn-in (Andrieu &amp;
    /// Thoms 2008, Algorithm 4; 0.234 is optimal for random-walk Metropolis in many dimensions, Roberts et al. 1997).
    /// The running covariance gives the proposal its shape; this scale corrects its size when the covariance is still
    /// mis-estimated, e.g. after a start with steps far from the posterior's width.</summary>
    public double TargetAcceptance { get; init; } = 0.234;

    /// <summary>These options, checked for a chain of <paramref name="dimension"/> parameters.</summary>
    /// <exception cref="ArgumentException">An option is out of range (the message says which and why).</exception>
    public AdaptiveMetropolisOptions Validated(int dimension)
    {
        if (Iterations < 1 || BurnIn < 0 || BurnIn >= Iterations) throw new ArgumentException($"need 0 <= burn-in < iterations, got {BurnIn} and {Iterations}.");
        if (Thin < 1) throw new ArgumentException($"thinning must be >= 1, got {Thin}.");
        if (AdaptStart < 2 * dimension) throw new ArgumentException($"adaptation needs at least {2 * dimension} draws first (2 × dimension), got {AdaptStart}.");
        if (AdaptEvery < 1) throw new ArgumentException($"adapt_every must be >= 1, got {AdaptEvery}.");
        if (!(DelayedRejectionScale > 0 && DelayedRejectionScale < 1)) throw new ArgumentException($"delayed-rejection scale must be in (0, 1), got {DelayedRejectionScale}.");
        if (!(TargetAcceptance > 0 && TargetAcceptance < 1)) throw new ArgumentException($"target acceptance must be in (0, 1), got {TargetAcceptance}.");
        return this;
    }
}

/// <summary>
/// One chain of the delayed-rejection adaptive Metropolis sampler, DRAM (Haario, Saksman &amp; Tamminen 2001, AM;
/// Haario, Laine, Mira &amp; Saksman 2006, DR): Gaussian random-walk proposals whose covariance is λ·s_d·(C + εI) with C
/// the running covariance of the chain so far, s_d = 2.38²/d and λ a global scale steered by stochastic approximation
/// towards the target acceptance rate (Andrieu &amp; Thoms 2008); after a rejection a second, smaller proposal is tried
/// with the acceptance probability that keeps detailed balance. All adaptation stops at the end of the burn-in.
/// </summary>
public sealed class AdaptiveMetropolisChain
{
    private readonly ILogDensity _density;
    private readonly AdaptiveMetropolisOptions _options;
    private readonly RandomStream _random;
    private readonly int _d;
    private readonly double[] _x, _mean, _m2, _l, _y1, _y2, _z;
    private double _logp, _logScale;
    private long _count;

    /// <summary>Starts a chain at <paramref name="start"/> (log density must be finite there) with the initial proposal
    /// standard deviations <paramref name="initialStep"/> (one per parameter, e.g. a tenth of each prior range).</summary>
    public AdaptiveMetropolisChain(ILogDensity density, double[] start, double[] initialStep, AdaptiveMetropolisOptions options, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(density);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(initialStep);
        _d = density.Dimension;
        if (start.Length != _d || initialStep.Length != _d) throw new ArgumentException($"give {_d} start values and {_d} initial steps.");
        if (initialStep.Any(s => !(s > 0) || !double.IsFinite(s))) throw new ArgumentException("initial proposal steps must be positive.");
        (_density, _options, _random) = (density, options.Validated(_d), random);
        _x = (double[])start.Clone();
        _logp = density.Evaluate(_x);
        if (!double.IsFinite(_logp)) throw new ArgumentException($"the start point has log density {_logp}: start inside the prior's support.");
        (_mean, _m2, _l) = (new double[_d], new double[_d * _d], new double[_d * _d]);
        for (int i = 0; i < _d; i++) _l[i * _d + i] = initialStep[i];
        (_y1, _y2, _z) = (new double[_d], new double[_d], new double[_d]);
    }

    /// <summary>Iterations done.</summary>
    public int Iteration { get; private set; }

    /// <summary>Accepted moves (first or second stage), after the burn-in.</summary>
    public long Accepted { get; private set; }

    /// <summary>Moves accepted at the first stage, after the burn-in.</summary>
    public long AcceptedFirstStage { get; private set; }

    /// <summary>Log density evaluations.</summary>
    public long Evaluations { get; private set; } = 1;

    /// <summary>The current point.</summary>
    public ReadOnlySpan<double> Current => _x;

    /// <summary>log π at the current point.</summary>
    public double CurrentLogDensity => _logp;

    /// <summary>Everything the chain needs to continue exactly where it is (for checkpoints).</summary>
    public void Save(BinaryWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write(_d);
        foreach (var a in new[] { _x, _mean, _m2, _l }) foreach (double v in a) w.Write(v);
        w.Write(_logp);
        w.Write(_logScale);
        w.Write(_count);
        w.Write(Iteration);
        w.Write(Accepted);
        w.Write(AcceptedFirstStage);
        w.Write(Evaluations);
        var r = _random.State;
        w.Write(r.S0); w.Write(r.S1); w.Write(r.S2); w.Write(r.S3);
        w.Write(r.Spare.HasValue);
        w.Write(r.Spare ?? 0.0);
    }

    /// <summary>A chain restored from <see cref="Save"/>: continues exactly as the saved one would have.</summary>
    public static AdaptiveMetropolisChain Restore(ILogDensity density, AdaptiveMetropolisOptions options, BinaryReader r)
    {
        ArgumentNullException.ThrowIfNull(density);
        ArgumentNullException.ThrowIfNull(r);
        int d = r.ReadInt32();
        if (d != density.Dimension) throw new InvalidDataException($"the checkpoint has {d} parameters, the problem {density.Dimension}.");
        double[] Read(int n) => Enumerable.Range(0, n).Select(_ => r.ReadDouble()).ToArray();
        var (x, mean, m2, l) = (Read(d), Read(d), Read(d * d), Read(d * d));
        double logp = r.ReadDouble(), logScale = r.ReadDouble();
        long count = r.ReadInt64();
        int iteration = r.ReadInt32();
        long accepted = r.ReadInt64(), acceptedFirst = r.ReadInt64(), evaluations = r.ReadInt64();
        var (s0, s1, s2, s3) = (r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64());
        bool hasSpare = r.ReadBoolean();
        double spare = r.ReadDouble();
        return new AdaptiveMetropolisChain(density, options, RandomStream.FromState(new RandomState(s0, s1, s2, s3, hasSpare ? spare : null)),
            x, logp, logScale, mean, m2, l, count, iteration, accepted, acceptedFirst, evaluations);
    }

    /// <summary>The iteration a state written by <see cref="Save"/> had reached, read without restoring it.</summary>
    public static int SavedIteration(BinaryReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        int d = r.ReadInt32();
        // x, mean (d each), m2, L (d² each), log density, log scale, adaptation count; then the iteration.
        r.BaseStream.Seek(sizeof(double) * (2L * d + 2L * d * d + 2) + sizeof(long), SeekOrigin.Current);
        return r.ReadInt32();
    }

    private AdaptiveMetropolisChain(ILogDensity density, AdaptiveMetropolisOptions options, RandomStream random, double[] x, double logp, double logScale,
        double[] mean, double[] m2, double[] l, long count, int iteration, long accepted, long acceptedFirst, long evaluations)
    {
        (_density, _options, _random, _d) = (density, options.Validated(density.Dimension), random, density.Dimension);
        (_x, _logp, _logScale, _mean, _m2, _l, _count) = (x, logp, logScale, mean, m2, l, count);
        (Iteration, Accepted, AcceptedFirstStage, Evaluations) = (iteration, accepted, acceptedFirst, evaluations);
        (_y1, _y2, _z) = (new double[_d], new double[_d], new double[_d]);
    }

    /// <summary>One iteration: propose, accept or (delayed) reject, adapt during burn-in.</summary>
    public void Step()
    {
        Propose(_y1, 1.0);
        double p1 = Evaluate(_y1);
        double a1 = AcceptanceFirst(_logp, p1);
        if (_random.NextDouble() < a1)
        {
            Move(_y1, p1);
            if (Iteration >= _options.BurnIn) AcceptedFirstStage++;
        }
        else if (_options.DelayedRejection)
        {
            Propose(_y2, _options.DelayedRejectionScale);
            double p2 = Evaluate(_y2);
            if (double.IsFinite(p2))
            {
                // α₂ = π(y₂) q₁(y₂→y₁) (1 − α₁(y₂, y₁)) / [π(x) q₁(x→y₁) (1 − α₁(x, y₁))]; the second-stage proposal is
                // symmetric in x and y₂, so it cancels.
                double back = 1 - AcceptanceFirst(p2, p1);
                double logRatio = p2 - _logp - 0.5 * (QuadraticForm(_y1, _y2) - QuadraticForm(_y1, _x));
                double a2 = back <= 0 ? 0 : Math.Min(1, Math.Exp(logRatio) * back / (1 - a1));
                if (_random.NextDouble() < a2) Move(_y2, p2);
            }
        }
        if (Iteration < _options.BurnIn)
        {
            // Robbins–Monro step on log λ with a decaying gain (large moves early, frozen after the burn-in), made
            // after both stages so each step's two proposals share one scale.
            _logScale = Math.Clamp(_logScale + (a1 - _options.TargetAcceptance) / Math.Pow(Iteration + 1, 0.6), -30, 30);
        }
        Iteration++;
        if (Iteration <= _options.BurnIn) Adapt();
    }

    private static double AcceptanceFirst(double from, double to) =>
        double.IsFinite(to) ? Math.Min(1, Math.Exp(to - from)) : 0;

    private double Evaluate(double[] y)
    {
        Evaluations++;
        double p = _density.Evaluate(y);
        return double.IsNaN(p) ? double.NegativeInfinity : p;
    }

    private void Move(double[] y, double p)
    {
        Array.Copy(y, _x, _d);
        _logp = p;
        if (Iteration >= _options.BurnIn) Accepted++;
    }

    /// <summary>y = x + scale·√λ·L·z, z standard normal (L lower triangular, row-major).</summary>
    private void Propose(double[] y, double scale)
    {
        scale *= Math.Exp(0.5 * _logScale);
        for (int i = 0; i < _d; i++) _z[i] = _random.NextGaussian();
        for (int i = 0; i < _d; i++)
        {
            double s = 0;
            for (int k = 0; k <= i; k++) s += _l[i * _d + k] * _z[k];
            y[i] = _x[i] + scale * s;
        }
    }

    /// <summary>(a − b)ᵀ Σ₁⁻¹ (a − b) with Σ₁ = λ L Lᵀ, by forward substitution.</summary>
    private double QuadraticForm(double[] a, double[] b)
    {
        double sum = 0, inverseRoot = Math.Exp(-0.5 * _logScale);
        for (int i = 0; i < _d; i++)
        {
            double s = (a[i] - b[i]) * inverseRoot;
            for (int k = 0; k < i; k++) s -= _l[i * _d + k] * _z[k];
            _z[i] = s / _l[i * _d + i];
            sum += _z[i] * _z[i];
        }
        return sum;
    }

    /// <summary>Welford update of the chain's mean and covariance; re-factor s_d (C + εI) every AdaptEvery draws.</summary>
    private void Adapt()
    {
        _count++;
        var delta = new double[_d];
        for (int i = 0; i < _d; i++)
        {
            delta[i] = _x[i] - _mean[i];
            _mean[i] += delta[i] / _count;
        }
        for (int i = 0; i < _d; i++)
            for (int j = 0; j <= i; j++) _m2[i * _d + j] += delta[i] * (_x[j] - _mean[j]);
        if (Iteration < _options.AdaptStart || Iteration % _options.AdaptEvery != 0) return;
        double sd = 2.38 * 2.38 / _d;
        var c = new double[_d * _d];
        for (int i = 0; i < _d; i++)
        {
            for (int j = 0; j <= i; j++) c[i * _d + j] = sd * _m2[i * _d + j] / (_count - 1);
            // ε keeps the proposal non-singular: relative to each variance, with an absolute floor.
            c[i * _d + i] += sd * Math.Max(1e-10 * c[i * _d + i] / sd, 1e-20);
        }
        try
        {
            CholeskyFactor.Factor(c, _d);
            Array.Copy(c, _l, c.Length);
            for (int i = 0; i < _d; i++)
                for (int j = i + 1; j < _d; j++) _l[i * _d + j] = 0;
        }
        catch (ArgumentException)
        {
            // A chain that has not moved in some direction yet: keep the previous proposal.
        }
    }
}
