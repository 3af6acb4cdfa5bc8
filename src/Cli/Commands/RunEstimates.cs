using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Slip;
using SourceModel.Inversion;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>
/// Run-time estimates of every step from the problem's size, made before any work starts (by <c>config check</c> and at
/// the start of each command) and scaled by <see cref="MachineSpeed"/>: kernel calls (sources × points × evaluations,
/// patches × points, receivers × patches) and dense floating-point work (whitening, Gram matrix, factorisations). They
/// are meant to be right within a factor of about two (bench/RESULTS.md compares them with measured runs) — enough to
/// tell a run of minutes from one of days, and to refuse the latter with the key to change (<see cref="TimeBudget"/>).
/// </summary>
internal static class RunEstimates
{
    /// <summary>Minima of the observed data a Monte Carlo realisation polishes from, assumed for the estimate (1–3 in
    /// practice: the best fault, its auxiliary plane, a competing basin).</summary>
    private const int AssumedMinima = 3;

    /// <summary>Factorisation-equivalents (n³/3 flops) of work per smoothing weight of the bounded solve (block principal
    /// pivoting takes 1–11 factorisations of the free block), fitted to the measured 1,000-patch L-curve of
    /// bench/RESULTS.md (8.6–9.1 s for 20 weights with OpenBLAS).</summary>
    private const double FactorisationsPerWeight = 6;

    /// <summary>What a misfit evaluation costs beyond its kernel calls and whitening (the linear slip solve of variable
    /// projection, LOS projection, the residual's bookkeeping), fitted to the Jiashi example: 166 µs measured per
    /// evaluation of 827 points against 115 µs counted.</summary>
    private const double EvaluationOverhead = 1.5;

    private static double Cores => Environment.ProcessorCount;

    /// <summary>Seconds of one misfit evaluation: every source at every point, and each dataset's whitened residual
    /// (a dense triangular product: about count² / 2 matrix elements, counted as count² for the other work).</summary>
    private static double Evaluation(int sources, IReadOnlyList<GeodeticDataset> data) => EvaluationOverhead *
        (sources * (double)data.Sum(d => d.Count) * MachineSpeed.SecondsPerCall
         + data.Sum(d => (double)d.Count * d.Count) * MachineSpeed.SecondsPerMatrixElement);

    private static string N(double v) => v.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Step 1: the search's evaluation bound plus the grid scans, each evaluation one pass over the data.</summary>
    public static StepEstimate Geometry(GeometryConfig g, IReadOnlyList<GeodeticDataset> data, string prefix)
    {
        int dimension = g.Layout.Space(g.Parameters).FreeCount;
        long search = g.Search.EvaluationBound(dimension);
        long scans = g.Scans.Sum(s => (long)s.First.Values.Length * (s.Second?.Values.Length ?? 1) * (s.Refit ? g.Search.MultiStart.Polish.MaxEvaluations : 1));
        double evaluations = (double)search + scans;
        string key = prefix + (g.Search.Method == OptimiserKind.MultiStart ? "optimiser.swarm_iterations" : "optimiser.iterations");
        return new StepEstimate("geometry", evaluations * Evaluation(g.Layout.Templates.Count, data), key,
            $"at most {N(evaluations)} evaluations × {N(data.Sum(d => d.Count))} points × {g.Layout.Templates.Count} source(s)", AtMost: true);
    }

    /// <summary>The uncertainty step: Monte Carlo re-inversions (by default a polish from each of the observed data's
    /// minima) or MCMC chains (in parallel over the cores, delayed rejection counted as a second evaluation).</summary>
    public static StepEstimate Uncertainty(GeometryConfig g, UncertaintyMethod method, IReadOnlyList<GeodeticDataset> data, string prefix)
    {
        double each = Evaluation(g.Layout.Templates.Count, data);
        int dimension = g.Layout.Space(g.Parameters).FreeCount;
        if (method == UncertaintyMethod.Mcmc)
        {
            var m = g.Uncertainty.Mcmc;
            double evaluations = (double)m.Chains * m.Sampler.Iterations * (m.Sampler.DelayedRejection ? 2 : 1);
            return new StepEstimate("uncertainty", evaluations * each / Math.Min(m.Chains, Cores), prefix + "mcmc.iterations",
                $"{m.Chains} chains × {N(m.Sampler.Iterations)} iterations × {N(data.Sum(d => d.Count))} points", AtMost: m.Sampler.DelayedRejection);
        }
        var mc = g.Uncertainty.MonteCarlo;
        var search = mc.Search ?? g.Search;
        long observed = search.EvaluationBound(dimension);
        double perRealisation = mc.Search is null && g.Search.Method == OptimiserKind.MultiStart
            ? AssumedMinima * (double)g.Search.MultiStart.Polish.MaxEvaluations
            : observed;
        double seconds = (observed + mc.Realisations * perRealisation) * each;
        if (mc.Slip is { PlannedPatches: { } patches })
            seconds += mc.Realisations * Slip(patches, data.Sum(d => d.Count), 1, 1, "").Seconds;
        return new StepEstimate("uncertainty", seconds, prefix + "montecarlo.realisations",
            $"{N(mc.Realisations)} realisations × at most {N(perRealisation)} evaluations × {N(data.Sum(d => d.Count))} points", AtMost: true);
    }

    /// <summary>Step 2: the Green's matrix (patches × points kernel calls over the cores), its Gram matrix (points × n²
    /// flops for n = 2 unknowns per patch) and the bounded solve of each weight (a few n³/3 factorisations).</summary>
    public static StepEstimate Slip(long patches, int points, int weights, int dips, string key)
    {
        double n = 2.0 * patches;
        double greens = patches * (double)points * MachineSpeed.SecondsPerCall / Cores;
        double flops = points * n * n + weights * FactorisationsPerWeight * n * n * n / 3;
        return new StepEstimate("slip", Math.Max(1, dips) * (greens + flops * MachineSpeed.SecondsPerFlop), key,
            $"{N(patches)} patches × {N(points)} points, {weights} weight(s){(dips > 1 ? $" × {dips} dips" : "")}");
    }

    /// <summary>Step 2 on the matrix-free path: the Green's matrix as above, then per weight about
    /// <see cref="MatrixFreeProducts"/> products, each streaming the single-precision matrix twice (as many bytes as one
    /// pass over a double-precision matrix of that size).</summary>
    public static StepEstimate SlipMatrixFree(long patches, int points, int weights, string key)
    {
        double n = 2.0 * patches;
        double greens = patches * (double)points * MachineSpeed.SecondsPerCall / Cores;
        double products = weights * (double)MatrixFreeProducts * points * n * MachineSpeed.SecondsPerMatrixElement / Cores;
        return new StepEstimate("slip", greens + products, key,
            $"{N(patches)} patches × {N(points)} points, {weights} weight(s), matrix-free", AtMost: true);
    }

    /// <summary>Products with N per matrix-free solve, above the 2,111–3,679 of the scale test's weights (bench/RESULTS.md,
    /// issue 22; fewer as the weight grows).</summary>
    private const int MatrixFreeProducts = 4000;

    /// <summary>The step-2 estimate of a slip configuration.</summary>
    public static StepEstimate? Slip(SlipConfig s, int points)
    {
        if (s.PlannedPatches is not { } patches) return null;
        int weights = s.Weight.Fixed is null ? s.Weight.Count : 1;
        string key = s.Weight.Fixed is null ? "slip.l_curve.count" : s.FaultKeyPrefix + "fault.patch_size_m";
        return s.Algebra == SlipAlgebra.MatrixFree ? SlipMatrixFree(patches, points, weights, key)
            : Slip(patches, points, weights, s.ScanDips?.Length ?? 1, key);
    }

    /// <summary>ΔCFS: receivers × source patches strain evaluations (about four surface calls each) over the cores.</summary>
    public static StepEstimate Coulomb(long nodes, long patches, string key) =>
        new("coulomb", nodes * (double)patches * 4 * MachineSpeed.SecondsPerCall / Cores, key, $"{N(nodes)} receivers × {N(patches)} patches");

    /// <summary>Screw-dislocation profiles: the grid scan and the MCMC chains, each evaluation a pass over the profile
    /// points (an arctangent per fault, about a tenth of a kernel call).</summary>
    public static StepEstimate Interseismic(InterseismicConfig c, int points)
    {
        double evaluations = (double)c.Grid.SlipRates.Length * c.Grid.LockingDepths.Length
                             + (double)c.Chains * c.Sampler.Iterations * (c.Sampler.DelayedRejection ? 2 : 1) / Math.Min(c.Chains, Cores);
        double seconds = c.Profiles.Count * evaluations * points * c.Model.Faults.Count * 0.1 * MachineSpeed.SecondsPerCall;
        return new StepEstimate("interseismic", seconds, "mcmc.iterations",
            $"{c.Profiles.Count} profile(s) × {N(evaluations)} evaluations × at most {N(points)} points", AtMost: true);
    }

    /// <summary>Every step of a pipeline whose size is known before it runs (step 2 after step 1 when its fault is step
    /// 1's extended rectangle; Coulomb when step 2's patch count is known).</summary>
    public static IReadOnlyList<StepEstimate> Pipeline(PipelineConfig c, IReadOnlyList<GeodeticDataset> data)
    {
        var steps = new List<StepEstimate>();
        int points = data.Sum(d => d.Count);
        if (c.Geometry is { } g)
        {
            steps.Add(Geometry(g, data, "geometry."));
            if (c.Uncertainty is { } u) steps.Add(Uncertainty(g, u, data, "uncertainty."));
        }
        if (c.SlipAtCheck is { } s && Slip(s, points) is { } slip)
        {
            steps.Add(slip);
            if (c.CoulombAtCheck is { } k)
                steps.Add(Coulomb(k.Nodes() + (c.CoulombOnFaultPlane ? s.PlannedPatches!.Value : 0), s.PlannedPatches!.Value, "coulomb.grids"));
        }
        return steps;
    }

    /// <summary>"estimated run time: geometry ≤ 40 s (…); uncertainty ≈ 3.1 min (…)" — a line for the log.</summary>
    public static string Describe(IReadOnlyList<StepEstimate> steps, bool unknownLater) =>
        steps.Count == 0 ? "" : $"estimated run time: {string.Join("; ", steps)}" +
        (unknownLater ? "; later steps are estimated when the earlier ones have run" : "") + $" ({MachineSpeed.Describe()})";
}
