using System.Globalization;
using System.Text.Json;
using SourceModel.Cli.Commands;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Tests.Shared;

namespace SourceModel.Cli.Tests;

/// <summary>`sourcemodel uncertainty`, `merge` and `slurm`: run folders, shards merged into exactly the single-process
/// result, resume after an interruption identical to an uninterrupted run, and bad input.</summary>
public sealed class UncertaintyCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A normal fault seen by two tracks; the data are exact, the sigmas (5 mm) drive the perturbations.</summary>
    internal static readonly RectangularFault Truth = new(1_000, -500, 2_000, 12_000, 7_000, 120, 50, FaultSlip.FromRake(-90, 1.0));

    private static readonly string[] ResultFiles = ["realisations.csv", "samples.csv", "chains.csv", "statistics.csv", "correlation.csv", "summary.json"];

    /// <summary>Writes the data and a config with a small search and sampler budget; returns the config path.</summary>
    internal static string Config(CliRunner cli, string uncertainty = "", string name = "uncertainty.yaml", string monteCarlo = "")
    {
        string Data(string file, LosVector los)
        {
            var e = new List<double>();
            var n = new List<double>();
            for (int j = 0; j < 12; j++)
                for (int i = 0; i < 12; i++) { e.Add(-33_000 + 6_000 * i + 17); n.Add(-33_000 + 6_000 * j + 23); }
            var f = SurfaceDisplacement.Compute([Truth], [], ElasticMedium.Default, e.ToArray(), n.ToArray());
            return cli.Write(file, LocalLosCsv.Text(e, n, Enumerable.Range(0, e.Count).Select(k => f.Los(k, los)).ToArray(), los, 0.005));
        }
        string asc = Data("asc.csv", LosVector.FromIncidenceAndHeading(39, -12));
        string dsc = Data("dsc.csv", LosVector.FromIncidenceAndHeading(34, -168));
        return cli.Write(name, $"""
            datasets:
            {LocalLosCsv.Declaration("asc", asc)}
            {LocalLosCsv.Declaration("dsc", dsc)}
            sources:
              - name: fault
                parameters:
                  east: 1000
                  north: -500
                  depth: [0, 5000]
                  length: 12000
                  width: [3000, 12000]
                  strike: 120
                  dip: [30, 70]
                  rake: -90
                  slip: [0.2, 3]
            optimiser:
              method: pso
              seed: 3
              iterations: 40
              swarm_size: 16
              polish_evaluations: 400
            uncertainty:
              seed: 11
              montecarlo:
                realisations: 6
            {monteCarlo}
              mcmc:
                chains: 3
                iterations: 3000
                burn_in: 1000
                thin: 4
                checkpoint_every: 400
            {uncertainty}
            """);
    }

    private static Dictionary<string, byte[]> Results(string run) =>
        ResultFiles.Where(f => File.Exists(Path.Combine(run, f))).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(run, f)));

    internal static void AssertSameResults(string expected, string actual)
    {
        var a = Results(expected);
        var b = Results(actual);
        Assert.True(a.Count >= 4, $"only {a.Count} result files in {expected}");
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (file, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[file]), $"{file} differs between {expected} and {actual}");
    }

    private static JsonElement Quantity(string run, string name)
    {
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        return summary.RootElement.GetProperty("quantities").EnumerateArray().First(q => q.GetProperty("name").GetString() == name);
    }

    [Fact]
    public void Monte_carlo_writes_one_row_per_realisation_and_spreads_that_contain_the_truth()
    {
        string config = Config(_cli);
        string run = _cli.PathOf("mc");
        var (code, output, err) = _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", run, "--no-report");
        Assert.True(code == 0, err + output);
        var rows = File.ReadAllLines(Path.Combine(run, "realisations.csv"));
        Assert.Equal(7, rows.Length);                                      // header + 6 realisations
        Assert.StartsWith("realisation,misfit,mw,fault.east,fault.north,fault.depth", rows[0]);
        // Each realisation is the truth plus 5 mm noise re-inverted: misfit ≈ 1 σ with sigma whitening.
        foreach (var line in rows.Skip(1)) Assert.InRange(double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture), 0.8, 1.2);
        foreach (var (name, truth) in new[] { ("fault.dip", 50.0), ("fault.depth", 2_000.0), ("fault.slip", 1.0), ("fault.width", 7_000.0) })
        {
            var q = Quantity(run, name);
            double mean = q.GetProperty("mean").GetDouble(), sd = q.GetProperty("standard_deviation").GetDouble();
            Assert.True(sd > 0, $"{name} does not vary over the realisations");
            Assert.InRange(truth, mean - 4 * sd, mean + 4 * sd);
        }
        // Only free parameters (and Mw) are summarised; the statistics and correlation tables agree in size.
        Assert.Equal(["name", "fault.depth", "fault.width", "fault.dip", "fault.slip", "mw"], File.ReadAllLines(Path.Combine(run, "correlation.csv"))[0].Split(','));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(run, "statistics.csv")).Length);
        Assert.Contains("fault.dip", output);
    }

    /// <summary>A step-2 config beside <paramref name="config"/>: its data declarations and the true plane cut into
    /// 2 km patches, rake window −135° to −45°, plus <paramref name="slip"/> keys.</summary>
    private void WriteSlipConfig(string config, string name, string slip)
    {
        string declarations = string.Join("\n", File.ReadAllLines(config).SkipWhile(l => !l.StartsWith("datasets:", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("sources:", StringComparison.Ordinal)));
        _cli.Write(name, declarations + $$"""

            fault:
              segments:
                - {east_m: 1000, north_m: -500, top_depth_m: 2000, length_m: 12000, width_m: 7000, strike_deg: 120, dip_deg: 50}
              patch_size_m: 2000
            slip:
              rake: [-135, -45]
              {{slip}}
            """);
    }

    [Fact]
    public void Monte_carlo_with_step_2_spreads_the_slip_of_every_patch_of_the_fixed_fault()
    {
        // The step-2 config declares the same data and the true plane, cut into 2 km patches, at a fixed weight.
        string config = Config(_cli, monteCarlo: "    slip: slip.yaml");
        WriteSlipConfig(config, "slip.yaml", "max_slip_m: 10\n  weight: 0.3");
        string run = _cli.PathOf("mc-slip");
        var (code, output, err) = _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", run, "--no-report");
        Assert.True(code == 0, err + output);
        Assert.Contains("and step 2 on slip.yaml's fault (24 patches", output);
        var patches = File.ReadAllLines(Path.Combine(run, "slip_statistics.csv"));
        Assert.Equal(25, patches.Length);
        Assert.StartsWith("patch,segment,along_strike,down_dip,east_m,north_m,top_depth_m,mean_m,standard_deviation_m", patches[0]);
        var rows = patches.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        // 5 mm noise on 288 points: every patch's slip varies, by centimetres to decimetres, never by metres.
        Assert.All(rows, r => Assert.InRange(r[8], 1e-4, 0.5));
        // Uniform 1 m of normal slip: the smoothed model keeps about the true moment (Mw 6.20 for 12 × 7 km × 1 m).
        var mw = Quantity(run, "slip.mw");
        Assert.InRange(mw.GetProperty("mean").GetDouble(), 6.10, 6.30);
        Assert.Contains(",slip.mw,slip.patch_1,", File.ReadLines(Path.Combine(run, "realisations.csv")).First());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        Assert.Equal(24, summary.RootElement.GetProperty("details").GetProperty("slip").GetProperty("patches").GetInt32());
    }

    [Fact]
    public void A_step_2_config_that_chooses_its_own_weight_is_refused_for_monte_carlo()
    {
        string config = Config(_cli, monteCarlo: "    slip: lcurve.yaml");
        WriteSlipConfig(config, "lcurve.yaml", "l_curve: {count: 10}");
        var (code, _, err) = _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", _cli.PathOf("x"), "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("montecarlo.slip", err);
        Assert.Contains("set slip.weight there", err);
    }

    [Fact]
    public void Monte_carlo_shards_merged_equal_the_single_process_run_byte_for_byte()
    {
        string config = Config(_cli);
        string whole = _cli.PathOf("whole"), sharded = _cli.PathOf("sharded");
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", whole, "--no-report").Code);
        // Shards in any order, one of them resumed (it has nothing to redo).
        foreach (string s in new[] { "2/3", "0/3", "1/3" })
        {
            var (code, output, err) = _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", sharded, "--shard", s, "--no-report");
            Assert.True(code == 0, err);
            Assert.Contains("sourcemodel merge", output);
            Assert.False(File.Exists(Path.Combine(sharded, "summary.json")), "a shard must not write the results");
        }
        var (mergeCode, _, mergeErr) = _cli.Run("merge", sharded, "--no-report");
        Assert.True(mergeCode == 0, mergeErr);
        AssertSameResults(whole, sharded);
    }

    [Fact]
    public void Merging_before_every_shard_finished_says_which_realisations_are_missing()
    {
        string config = Config(_cli);
        string sharded = _cli.PathOf("sharded");
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", sharded, "--shard", "0/3", "--no-report").Code);
        var (code, _, err) = _cli.Run("merge", sharded, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("4 of 6 realisations are not done yet (e.g. 2, 3, 4, 5)", err);
        Assert.False(File.Exists(Path.Combine(sharded, "summary.json")));
    }

    [Fact]
    public void A_truncated_mcmc_state_file_gives_a_clear_error_on_resume_and_merge_not_a_crash()
    {
        string config = Config(_cli);
        string run = _cli.PathOf("damaged");
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "mcmc", "--out", run, "--no-report").Code);
        string draws = Path.Combine(run, "state", "chain_1.bin.draws");
        using (var f = File.Open(draws, FileMode.Open)) f.SetLength(f.Length - 100);
        foreach (var args in new[] { new[] { "uncertainty", config, "--method", "mcmc", "--out", run, "--resume", "--no-report" }, ["merge", run, "--no-report"] })
        {
            var (code, _, err) = _cli.Run(args);
            Assert.Equal(1, code);
            Assert.Contains("chain_1.bin.draws", err);
            Assert.Contains("truncated", err);
            Assert.DoesNotContain("   at ", err);
        }
        // Starting over works and gives the undamaged run's draws again.
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "mcmc", "--out", run, "--no-report").Code);
    }

    [Fact]
    public void A_fresh_run_replaces_only_its_own_state_files_and_keeps_a_users_files()
    {
        string config = Config(_cli);
        string run = _cli.PathOf("kept");
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", run, "--no-report").Code);
        File.WriteAllText(Path.Combine(run, "state", "thesis.tex"), "mine");
        File.WriteAllText(Path.Combine(run, "notes.txt"), "mine too");
        var (code, _, err) = _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", run, "--no-report");
        Assert.True(code == 0, err);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(run, "state", "thesis.tex")));
        Assert.Equal("mine too", File.ReadAllText(Path.Combine(run, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(run, "state", "observed_best.csv")));
        // A folder of other files is not an uncertainty run folder: refused, untouched.
        string other = _cli.PathOf("other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "data.csv"), "x");
        (code, _, err) = _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", other, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("is not a sourcemodel run folder", err);
        Assert.Equal(["data.csv"], Directory.GetFileSystemEntries(other).Select(Path.GetFileName));
    }

    [Fact]
    public void Monte_carlo_interrupted_and_resumed_equals_an_uninterrupted_run()
    {
        string config = Config(_cli);
        string whole = _cli.PathOf("whole"), interrupted = _cli.PathOf("interrupted");
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", whole, "--no-report").Code);
        // Cancel as soon as the third realisation is reported done: the kill lands during the fourth.
        using var cancel = new CancellationTokenSource();
        var log = new CancellingWriter("realisation 3/", cancel);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            UncertaintyRun.Run(config, UncertaintyMethod.MonteCarlo, interrupted, resume: false, shard: null, html: false, log, [], cancel.Token));
        int done = Directory.GetFiles(Path.Combine(interrupted, "state"), "realisation_*.csv").Length;
        Assert.InRange(done, 3, 5);
        var (code, output, err) = _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", interrupted, "--resume", "--no-report");
        Assert.True(code == 0, err);
        Assert.Contains($"{done} realisation(s) already done", output);
        AssertSameResults(whole, interrupted);
    }

    [Fact]
    public void Mcmc_writes_samples_diagnostics_and_a_posterior_around_the_truth()
    {
        string config = Config(_cli);
        string run = _cli.PathOf("mcmc");
        var (code, output, err) = _cli.Run("uncertainty", config, "--method", "mcmc", "--out", run, "--no-report");
        Assert.True(code == 0, err + output);
        // 3 chains × (3,000 − 1,000) / 4 kept draws.
        Assert.Equal(1 + 3 * 500, File.ReadAllLines(Path.Combine(run, "samples.csv")).Length);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        var details = summary.RootElement.GetProperty("details");
        // The proposal scale is steered to 23.4 % first-stage acceptance during the burn-in.
        foreach (var rate in details.GetProperty("first_stage_acceptance_rates").EnumerateArray()) Assert.InRange(rate.GetDouble(), 0.15, 0.35);
        foreach (var (name, truth) in new[] { ("fault.dip", 50.0), ("fault.slip", 1.0), ("fault.depth", 2_000.0) })
        {
            var q = Quantity(run, name);
            Assert.InRange(truth, q.GetProperty("p2_5").GetDouble(), q.GetProperty("p97_5").GetDouble());
            Assert.InRange(q.GetProperty("split_rhat").GetDouble(), 0.99, 1.1);
        }
        Assert.Contains("R̂", output);
    }

    [Fact]
    public void Mcmc_shards_merged_equal_the_single_process_run_and_resume_after_a_kill_is_identical()
    {
        string config = Config(_cli);
        string whole = _cli.PathOf("whole"), sharded = _cli.PathOf("sharded");
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "mcmc", "--out", whole, "--no-report").Code);
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "mcmc", "--out", sharded, "--shard", "1/2", "--no-report").Code);
        // Shard 0 is interrupted when the first progress line appears, then resumed.
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => UncertaintyRun.Run(config, UncertaintyMethod.Mcmc, sharded, resume: false, new Shard(0, 2), html: false,
            new CancellingWriter("MCMC iterations", cancel), [], cancel.Token));
        int saved = McmcSamplerProgress(sharded, 0);
        Assert.InRange(saved, 1, 2_999);
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "mcmc", "--out", sharded, "--shard", "0/2", "--resume", "--no-report").Code);
        var (code, _, err) = _cli.Run("merge", sharded, "--no-report");
        Assert.True(code == 0, err);
        AssertSameResults(whole, sharded);
    }

    private static int McmcSamplerProgress(string run, int chain) =>
        Inversion.Uncertainty.McmcSampler.CheckpointedIterations(Path.Combine(run, "state"), chain);

    [Fact]
    public void Bad_uncertainty_input_fails_with_the_key_or_the_reason()
    {
        string config = Config(_cli, "  mcmc_typo: 1", "typo.yaml");
        var (code, _, err) = _cli.Run("uncertainty", config, "--method", "mcmc", "--out", _cli.PathOf("a"), "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("mcmc_typo", err);

        config = Config(_cli, name: "good.yaml");
        (code, _, err) = _cli.Run("uncertainty", config, "--method", "bootstrap", "--out", _cli.PathOf("b"));
        Assert.Equal(1, code);
        Assert.Contains("expected montecarlo or mcmc", err);

        (code, _, err) = _cli.Run("uncertainty", config, "--method", "mcmc", "--out", _cli.PathOf("c"), "--shard", "3/3");
        Assert.Equal(1, code);
        Assert.Contains("0 <= i < N", err);

        (code, _, err) = _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", _cli.PathOf("d"), "--resume");
        Assert.Equal(1, code);
        Assert.Contains("nothing to resume", err);

        (code, _, err) = _cli.Run("merge", _cli.PathOf("nowhere"));
        Assert.Equal(1, code);
        Assert.Contains("no uncertainty state to merge", err);

        string burn = Config(_cli, name: "burn.yaml");
        File.WriteAllText(burn, File.ReadAllText(burn).Replace("burn_in: 1000", "burn_in: 5000"));
        (code, _, err) = _cli.Run("uncertainty", burn, "--method", "mcmc", "--out", _cli.PathOf("e"));
        Assert.Equal(1, code);
        Assert.Contains("burn-in < iterations", err);
        Assert.False(Directory.Exists(_cli.PathOf("e")), "nothing may be written for a bad config");
    }

    [Fact]
    public void A_changed_config_cannot_be_resumed_or_merged_into_the_old_state()
    {
        string config = Config(_cli);
        string sharded = _cli.PathOf("sharded");
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", sharded, "--shard", "0/3", "--no-report").Code);
        File.WriteAllText(config, File.ReadAllText(config).Replace("seed: 11", "seed: 12"));
        var (code, _, err) = _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", sharded, "--shard", "1/3", "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("belongs to another run", err);
        (code, _, err) = _cli.Run("merge", sharded);
        Assert.Equal(1, code);
        Assert.Contains("has changed since the shards ran", err);
    }

    [ExampleDatasetFact("laquila-2009-envisat-quadtree-beat")]
    public void LAquila_example_monte_carlo_and_mcmc_agree_on_the_spread_needs_shared_datasets()
    {
        // The example config with its data paths made absolute and shorter runs (20 realisations; 4 × 8,000 iterations).
        string folder = Path.Combine(SharedData.RepositoryRoot, "examples", "geometry");
        string text = File.ReadAllText(Path.Combine(folder, "laquila.yaml"))
            .Replace("../../../shared", Path.GetFullPath(Path.Combine(folder, "../../../shared")), StringComparison.Ordinal)
            .Replace("realisations: 100", "realisations: 20", StringComparison.Ordinal)
            .Replace("iterations: 40000", "iterations: 8000", StringComparison.Ordinal)
            .Replace("burn_in: 10000", "burn_in: 3000", StringComparison.Ordinal)
            .Replace("thin: 10", "thin: 2", StringComparison.Ordinal);
        string config = _cli.Write("laquila.yaml", text);
        string mc = _cli.PathOf("mc"), mcmc = _cli.PathOf("mcmc");
        var (code, _, err) = _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", mc, "--no-report");
        Assert.True(code == 0, err);
        (code, _, err) = _cli.Run("uncertainty", config, "--method", "mcmc", "--out", mcmc, "--no-report");
        Assert.True(code == 0, err);
        foreach (string name in new[] { "fault.dip", "fault.depth", "fault.strike", "fault.slip" })
        {
            var a = Quantity(mc, name);
            var b = Quantity(mcmc, name);
            double ma = a.GetProperty("mean").GetDouble(), sa = a.GetProperty("standard_deviation").GetDouble();
            double mb = b.GetProperty("mean").GetDouble(), sb = b.GetProperty("standard_deviation").GetDouble();
            // Two estimates of one Gaussian-like spread (20 realisations: ±30 % on a standard deviation).
            Assert.InRange(sa / sb, 0.5, 2.0);
            Assert.InRange(ma - mb, -2 * sb, 2 * sb);
        }
        // Between the published SW-dipping solutions (PROVENANCE.md: Atzori et al. 2009, 47°; the gCMT plane, 54.2°;
        // BEAT's example starting model, 59.5°), as our step-1 fit (54°).
        double dip = Quantity(mcmc, "fault.dip").GetProperty("mean").GetDouble();
        Assert.InRange(dip, 47, 59.5);
    }

    [ChromiumFact]
    public void The_mcmc_report_has_traces_histograms_and_the_corner_plot_and_renders_in_chromium()
    {
        string config = Config(_cli);
        string run = _cli.PathOf("mcmc");
        var (code, _, err) = _cli.Run("uncertainty", config, "--method", "mcmc", "--out", run);
        Assert.True(code == 0, err);
        var (dom, console, _) = Reports.Tests.HeadlessChromium.Render(Path.Combine(run, "report.html"), _cli.PathOf("shot.png"));
        Assert.Contains("data-rendered-ms", dom);
        Assert.Empty(console);
        foreach (string text in new[] { "trace of dip", "pairwise trade-offs", "marginal distributions", "top-edge centre east", "split R̂", "Maximum a posteriori model", "asc: data, model, residual" })
            Assert.Contains(text, dom);
    }

    /// <summary>A log that cancels a token when a line containing <paramref name="trigger"/> is written.</summary>
    private sealed class CancellingWriter(string trigger, CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.Contains(trigger, StringComparison.Ordinal)) cancel.Cancel();
        }
    }
}
