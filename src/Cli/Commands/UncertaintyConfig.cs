using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Uncertainty;

namespace SourceModel.Cli.Commands;

/// <summary>Which uncertainty method a run uses.</summary>
internal enum UncertaintyMethod
{
    /// <summary>Re-inversion of perturbed data.</summary>
    MonteCarlo,

    /// <summary>Adaptive Metropolis sampling of the posterior.</summary>
    Mcmc,
}

/// <summary>Monte Carlo settings.</summary>
/// <param name="Realisations">Number of perturbed datasets re-inverted.</param>
/// <param name="Slip">A step-2 config whose slip is re-solved on every realisation (fixed fault and weight), or null.</param>
/// <param name="Search">The search each realisation runs, when it differs from step 1's (e.g. a smaller budget), or null.</param>
internal sealed record MonteCarloSettings(int Realisations, SlipConfig? Slip = null, Inversion.GeometrySearchOptions? Search = null);

/// <summary>MCMC settings.</summary>
/// <param name="Chains">Independent chains.</param>
/// <param name="Sampler">Iterations, burn-in, thinning, delayed rejection.</param>
/// <param name="CheckpointEvery">Iterations between a chain's checkpoints.</param>
/// <param name="InitialStep">Initial proposal standard deviation as a fraction of each bound range.</param>
/// <param name="StartAtOptimum">Start every chain at the step-1 optimum (true) or at a random point of the bounds.</param>
/// <param name="NoiseScale">Per-dataset noise-scale hyperparameter bounds, or null.</param>
internal sealed record McmcSettings(int Chains, AdaptiveMetropolisOptions Sampler, int CheckpointEvery, double InitialStep,
    bool StartAtOptimum, NoiseScalePrior? NoiseScale);

/// <summary>
/// The `uncertainty` section of a geometry configuration (docs/formats.md, "uncertainty configuration"): the run seed,
/// the output folder and the settings of each method. The step-1 keys of the same file (data, fit, medium, sources,
/// optimiser) define the problem whose uncertainty is estimated.
/// </summary>
/// <param name="Seed">Run seed: realisation r's noise and search, and chain k's stream, derive from it.</param>
/// <param name="Output">Absolute output folder.</param>
/// <param name="MonteCarlo">Monte Carlo settings.</param>
/// <param name="Mcmc">MCMC settings.</param>
internal sealed record UncertaintySettings(long Seed, string Output, MonteCarloSettings MonteCarlo, McmcSettings Mcmc)
{
    /// <summary>Reads the section (null: all defaults); <paramref name="dimension"/> is the number of free step-1
    /// parameters and <paramref name="datasets"/> the number of datasets (noise scales add one coordinate each).</summary>
    public static UncertaintySettings Parse(YamlMap? u, YamlMap root, string configPath, int dimension, int datasets)
    {
        string Default() => Path.GetFullPath(Path.Combine(root.Folder, Path.GetFileNameWithoutExtension(configPath) + "-uncertainty"));
        if (u is null) return new UncertaintySettings(1, Default(), new MonteCarloSettings(100), McmcSection(null, dimension, datasets));
        long seed = u.Integer("seed", 1);
        string output = u.Has("output") ? Path.GetFullPath(Path.Combine(root.Folder, u.Text("output", ""))) : Default();
        var mc = u.MapOrEmpty("montecarlo");
        int realisations = mc.Integer("realisations", 100);
        if (realisations < 1) throw mc.ErrorAt("realisations", $"expected at least 1, got {realisations}.");
        SlipConfig? slip = null;
        if (mc.Has("slip"))
        {
            string file = Path.GetFullPath(Path.Combine(root.Folder, mc.Text("slip", "")));
            if (!File.Exists(file)) throw mc.ErrorAt("slip", $"step-2 config {file} not found.");
            slip = UncertaintySlip.LoadConfig(file, mc, "slip");
        }
        var search = mc.Map("optimiser") is { } o ? GeometryConfig.Optimiser(o) : null;
        mc.RejectUnknownKeys();
        var mcmc = McmcSection(u.Map("mcmc"), dimension, datasets);
        u.RejectUnknownKeys();
        return new UncertaintySettings(seed, output, new MonteCarloSettings(realisations, slip, search), mcmc);
    }

    private static McmcSettings McmcSection(YamlMap? m, int dimension, int datasets)
    {
        var defaults = new AdaptiveMetropolisOptions { Iterations = 50_000, BurnIn = 10_000, Thin = 10, AdaptStart = Math.Max(500, 2 * (dimension + datasets)) };
        if (m is null) return new McmcSettings(4, defaults, 5_000, 0.02, true, null);
        int chains = m.Integer("chains", 4);
        if (chains < 1) throw m.ErrorAt("chains", $"expected at least 1, got {chains}.");
        var sampler = new AdaptiveMetropolisOptions
        {
            Iterations = m.Integer("iterations", defaults.Iterations),
            BurnIn = m.Integer("burn_in", defaults.BurnIn),
            Thin = m.Integer("thin", defaults.Thin),
            AdaptStart = m.Integer("adapt_start", defaults.AdaptStart),
            DelayedRejection = m.Flag("delayed_rejection", defaults.DelayedRejection),
            DelayedRejectionScale = m.Number("delayed_rejection_scale", defaults.DelayedRejectionScale),
        };
        int every = m.Integer("checkpoint_every", 5_000);
        if (every < 1) throw m.ErrorAt("checkpoint_every", $"expected at least 1 iteration, got {every}.");
        double step = m.Number("initial_step", 0.02);
        if (!(step > 0 && step <= 1)) throw m.ErrorAt("initial_step", $"expected a fraction of each bound range in (0, 1], got {step}.");
        bool optimum = m.Choice("start", [("optimum", true), ("random", false)]) ?? true;
        NoiseScalePrior? scale = null;
        if (m.Has("noise_scale"))
        {
            var b = m.NumberList("noise_scale", 2)!;
            if (!(b[0] > 0 && b[1] > b[0])) throw m.ErrorAt("noise_scale", $"expected bounds [min, max] with 0 < min < max, got [{b[0]}, {b[1]}].");
            scale = new NoiseScalePrior(b[0], b[1]);
        }
        m.RejectUnknownKeys();
        try { sampler.Validated(dimension + (scale is null ? 0 : datasets)); }
        catch (ArgumentException e) { throw m.ErrorHere(UserError.Reason(e)); }
        // Every kept draw of every chain is held with its log density, and twice more while the results are written
        // (physical coordinates, the statistics' samples): checked before any chain runs.
        double draws = (double)chains * ((sampler.Iterations - sampler.BurnIn + sampler.Thin - 1) / sampler.Thin);
        double bytes = draws * (dimension + datasets + 2) * 8 * 3;
        MemoryBudget.Check(m, "iterations", bytes, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{draws:N0} kept draws ({chains} chains)"),
            "use fewer iterations, a larger thin or fewer chains");
        return new McmcSettings(chains, sampler, every, step, optimum, scale);
    }
}
