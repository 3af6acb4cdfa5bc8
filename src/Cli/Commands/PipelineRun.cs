using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SourceModel.Cli.Infrastructure;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>
/// `sourcemodel run CONFIG.yaml`: the configured steps in order, each into its own folder of the run folder
/// (1-data, 2-geometry, 3-uncertainty, 4-slip, 5-coulomb), then one report. A step's content hash covers its own
/// settings and the hash of the step before it (the data step's covers the declarations and every data file's bytes),
/// so an unchanged step is skipped and a changed one re-runs with every step after it. A step is built in a staging
/// folder and moved into place only when it has finished, so an interrupted run (Ctrl-C, a kill, a crash) leaves the
/// finished steps intact and the next run continues from the first unfinished one.
/// </summary>
internal static class PipelineRun
{
    /// <summary>Folder name of each step in the run folder.</summary>
    public static string FolderName(PipelineStep s) => $"{(int)s + 1}-{Name(s)}";

    /// <summary>The step's name in configs, logs and <c>--from</c>.</summary>
    public static string Name(PipelineStep s) => s.ToString().ToLowerInvariant();

    /// <summary>Parses a <c>--from</c> value.</summary>
    public static PipelineStep ParseStep(string text)
    {
        foreach (var s in Enum.GetValues<PipelineStep>())
            if (Name(s) == text) return s;
        throw new UserError($"--from '{text}': expected one of {string.Join(", ", Enum.GetValues<PipelineStep>().Select(Name))}.");
    }

    /// <summary>Checks a configuration as <c>run</c> would before writing anything: every key, type and file, the declared
    /// conventions against the files, the output folder (absent, empty or a run folder; no input inside it), and the
    /// data themselves (imported, downsampled, their noise models factored).</summary>
    public static (PipelineConfig Config, IReadOnlyList<GeodeticDataset> Data, string Estimate) Check(string path, long? seed = null, string? output = null)
    {
        var c = PipelineConfig.Load(path, seed);
        output = output is null ? c.Output : Path.GetFullPath(output);
        c.Data.RefuseInputsInside(output, path);
        RunFolder.CheckOwnership(output, "run");
        var data = c.Data.ImportAll().Select(d => d.Data).ToList();
        // A dataset without a noise model has its covariance estimated by steps 1 and its uncertainty; step 2 and
        // data-only runs need a declared one, which this check asks for before anything runs.
        bool estimated = c.Geometry is not null && !c.Steps.Contains(PipelineStep.Slip);
        FitKeys.Prepare(path, data.Where(d => d.HasNoiseModel || c.Fit[d.Name].Whitening != Inversion.Problem.WhiteningMode.Auto || !estimated), c.Fit);
        // Run time, from the sizes known now: refused with the key to change when beyond the limit.
        var estimates = RunEstimates.Pipeline(c, data);
        TimeBudget.Check(path, estimates);
        bool later = c.Steps.Contains(PipelineStep.Slip) && estimates.All(e => e.Step != "slip");
        return (c, data, RunEstimates.Describe(estimates, later));
    }

    public static void Run(string path, string? outputOverride, bool force, PipelineStep? from, bool html, TextWriter console,
        IReadOnlyList<string> command, long? seed = null)
    {
        var clock = Stopwatch.StartNew();
        var (c, _, estimate) = Check(path, seed, outputOverride);
        string output = outputOverride is null ? c.Output : Path.GetFullPath(outputOverride);
        if (from is { } f && !c.Steps.Contains(f))
            throw new UserError($"--from {Name(f)}: this configuration has no such step; its steps: {string.Join(", ", c.Steps.Select(Name))}.");
        using var runFolder = RunFolder.Claim(output, "run", command, path);
        using var logFile = new StreamWriter(Path.Combine(output, "log.txt"), append: true, new UTF8Encoding(false)) { AutoFlush = true };
        var log = new TeeWriter(console, logFile);
        log.WriteLine($"== {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC: sourcemodel {string.Join(' ', command)}");
        log.WriteLine($"{path}: steps {string.Join(" → ", c.Steps.Select(Name))}; run folder {output}");
        if (runFolder.StaleNote is { } stale) log.WriteLine(stale);
        if (estimate.Length > 0) log.WriteLine(estimate);
        void Interrupted(object? sender, ConsoleCancelEventArgs e) =>
            console.WriteLine($"interrupted: the finished steps stay in {output}; run the same command again to continue.");
        Console.CancelKeyPress += Interrupted;
        try
        {
            string previous = Sha(Version() + "|" + DataFingerprint(c));
            var records = new List<StepRecord>();
            bool anyRan = false;
            foreach (var step in c.Steps)
            {
                string hash = Sha($"{previous}|{Name(step)}|{c.Settings[step]}");
                string folder = Path.Combine(output, FolderName(step));
                bool forced = force || (from is { } start && step >= start);
                if (!forced && Completed(folder, hash))
                {
                    log.WriteLine($"-- {Name(step)}: unchanged (hash {hash[..12]}), kept {FolderName(step)}");
                    records.Add(Record(folder, step, hash, "unchanged"));
                }
                else
                {
                    log.WriteLine($"-- {Name(step)}: {(Completed(folder, hash) ? "re-running as asked" : Directory.Exists(folder) ? "inputs changed, re-running" : "running")}");
                    var stepClock = Stopwatch.StartNew();
                    Build(folder, staging =>
                    {
                        Execute(c, step, staging, output, html, log, command);
                        AtomicFile.Write(Path.Combine(staging, "step.json"), w => w.Write(JsonSerializer.Serialize(
                            new StepRecord(Name(step), hash, stepClock.Elapsed.TotalSeconds, "ran", Version()), Json)));
                    }, log, resumable: step == PipelineStep.Uncertainty);
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- {Name(step)}: done in {stepClock.Elapsed.TotalSeconds:0.0} s"));
                    records.Add(Record(folder, step, hash, "ran"));
                    anyRan = true;
                }
                previous = hash;
            }
            string reportHash = Sha($"{previous}|report|{html}|{PipelineReport.Fingerprint(c)}");
            string pipelineFile = Path.Combine(output, "pipeline.json");
            if (!anyRan && !force && File.Exists(pipelineFile) && ReadHash(pipelineFile, "report_hash") == reportHash)
            {
                log.WriteLine($"nothing to do: every step and the report are up to date in {output}");
                return;
            }
            AtomicFile.Write(Path.Combine(output, "config.resolved.yaml"), w =>
            {
                w.WriteLine($"# {Path.GetFullPath(path)} as run by sourcemodel {Version()}: every default that was used is written in.");
                w.WriteLine($"# Relative paths are relative to {Path.GetDirectoryName(Path.GetFullPath(path))}.");
                w.Write(c.Resolved());
            });
            var comparison = PipelineReport.Comparison(c, output);
            if (comparison is not null) AtomicFile.Write(Path.Combine(output, "comparison.csv"), w => PipelineReport.WriteComparison(w, comparison));
            if (html) PipelineReport.Write(Path.Combine(output, "report.html"), c, output, records, comparison, command);
            AtomicFile.Write(pipelineFile, w => w.Write(JsonSerializer.Serialize(new
            {
                software = "sourcemodel",
                version = Version(),
                config = Path.GetFullPath(path),
                seeds = Seeds(c),
                steps = records,
                report = html ? "report.html" : null,
                report_hash = reportHash,
            }, Json)));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"finished in {clock.Elapsed.TotalSeconds:0.0} s: {output}{(html ? $"{Path.DirectorySeparatorChar}report.html" : "")}"));
            if (comparison is not null) PipelineReport.Print(log, c, comparison);
        }
        finally
        {
            Console.CancelKeyPress -= Interrupted;
        }
    }

    /// <summary>What a step folder's step.json records.</summary>
    internal sealed record StepRecord(string Step, string Hash, double Seconds, string Status, string Version);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static StepRecord Record(string folder, PipelineStep step, string hash, string status)
    {
        var saved = JsonSerializer.Deserialize<StepRecord>(File.ReadAllText(Path.Combine(folder, "step.json")), Json)!;
        return saved with { Status = status, Hash = hash, Step = Name(step) };
    }

    private static bool Completed(string folder, string hash) =>
        File.Exists(Path.Combine(folder, "step.json")) && ReadHash(Path.Combine(folder, "step.json"), "hash") == hash;

    private static string? ReadHash(string file, string key)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            return doc.RootElement.TryGetProperty(key, out var v) ? v.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>The list of files a step wrote, kept in its folder so that a later run replaces exactly those.</summary>
    private const string ManifestName = ".sourcemodel-files.txt";

    /// <summary>
    /// Builds a step in a staging folder and swaps it for the old folder only when it is complete. Files in the old
    /// folder that the step did not write (not in its manifest) are moved into the new one, never deleted: a user's
    /// note kept beside a step's results survives a re-run.
    /// </summary>
    /// <param name="resumable">The step can continue from its staging folder (the uncertainty step's finished
    /// realisations): a leftover one is kept for it, and kept again when the step is interrupted.</param>
    private static void Build(string folder, Action<string> build, TextWriter log, bool resumable = false)
    {
        string parent = Path.GetDirectoryName(folder)!, name = Path.GetFileName(folder);
        string staging = Path.Combine(parent, $".{name}.partial"), old = Path.Combine(parent, $".{name}.old");
        // Our own hidden work folders, left by a killed run (the run folder is locked, so no other run is using them).
        foreach (var leftover in resumable ? [old] : new[] { staging, old })
            if (Directory.Exists(leftover)) Directory.Delete(leftover, recursive: true);
        Directory.CreateDirectory(staging);
        try { build(staging); }
        catch
        {
            if (!resumable) Directory.Delete(staging, recursive: true);
            throw;
        }
        var written = Relative(staging).ToList();
        File.WriteAllLines(Path.Combine(staging, ManifestName), written.Append(ManifestName));
        if (Directory.Exists(folder))
        {
            string manifest = Path.Combine(folder, ManifestName);
            // A folder from before manifests: what the new step also writes is ours, the rest is kept.
            var ours = File.Exists(manifest) ? File.ReadAllLines(manifest).ToHashSet(StringComparer.Ordinal) : written.Append("step.json").ToHashSet(StringComparer.Ordinal);
            var foreign = Relative(folder).Where(f => !ours.Contains(f)).ToList();
            foreach (string f in foreign)
            {
                string target = Path.Combine(staging, f);
                if (File.Exists(target)) target = Path.Combine(staging, Path.GetDirectoryName(f) ?? "", "kept-" + Path.GetFileName(f));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(folder, f), target);
            }
            if (foreign.Count > 0) log.WriteLine($"  kept {foreign.Count} file(s) sourcemodel did not write in {name}: {string.Join(", ", foreign.Take(5))}");
            Directory.Move(folder, old);
        }
        Directory.Move(staging, folder);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    /// <summary>The published section's parameters (and Mw when given) by quantity name, for the uncertainty report.</summary>
    private static IReadOnlyDictionary<string, double>? PublishedQuantities(PipelineConfig c)
    {
        if (c.Published is not { } p) return null;
        var values = new Dictionary<string, double>(p.Parameters, StringComparer.Ordinal);
        if (p.Mw is { } mw) values["mw"] = mw;
        return values;
    }

    private static IEnumerable<string> Relative(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal);

    private static void Execute(PipelineConfig c, PipelineStep step, string staging, string output, bool html, TextWriter log, IReadOnlyList<string> command)
    {
        string Folder(PipelineStep s) => Path.Combine(output, FolderName(s));
        switch (step)
        {
            case PipelineStep.Data:
                PipelineData.Write(c, staging, html, log, command);
                break;
            case PipelineStep.Geometry:
                GeometryRun.Run(c.Geometry!, staging, resume: false, html, log, command);
                break;
            case PipelineStep.Uncertainty:
                // A run killed during this step left its finished realisations (or chain checkpoints) in the staging
                // folder: continue from them when they belong to these very settings, as `uncertainty --resume` does.
                var problem = UncertaintyProblem.For(c.Geometry!) with { Published = PublishedQuantities(c) };
                var method = c.Uncertainty!.Value;
                int count = method == UncertaintyMethod.MonteCarlo ? problem.Config.Uncertainty.MonteCarlo.Realisations : problem.Config.Uncertainty.Mcmc.Chains;
                bool resume = UncertaintyState.Resumable(staging, problem.Config, UncertaintyRun.Name(method), count, problem.Config.Uncertainty.Seed);
                if (resume) log.WriteLine("  continuing from the interrupted run's finished work in " + staging);
                UncertaintyRun.Run(problem, method, staging, resume, shard: null, html, log, command);
                break;
            case PipelineStep.Slip:
                SlipRun.Run(c.Slip(Folder(PipelineStep.Geometry), staging), staging, html, log, command);
                break;
            case PipelineStep.Coulomb:
                var coulomb = c.Coulomb(SlipModelCsv.Load(Path.Combine(Folder(PipelineStep.Slip), "slip_model.csv")), staging);
                CoulombRun.Run(coulomb, html ? Path.Combine(staging, "report.html") : null, log);
                break;
        }
    }

    /// <summary>The data declarations and the bytes of every file they read.</summary>
    private static string DataFingerprint(PipelineConfig c)
    {
        var sb = new StringBuilder(c.Settings[PipelineStep.Data]);
        foreach (string file in c.Data.Files().Distinct().Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            sb.Append('|').Append(Convert.ToHexStringLower(SHA256.HashData(stream)));
        }
        return sb.ToString();
    }

    private static object Seeds(PipelineConfig c) => new
    {
        optimiser = c.Geometry?.Search.Seed,
        uncertainty = c.Uncertainty is null ? null : (long?)c.Geometry!.Uncertainty.Seed,
        uncertainty_optimiser = c.Geometry?.Uncertainty.MonteCarlo.Search?.Seed,
    };

    /// <summary>Version of the software (part of every hash: a new version re-runs the steps).</summary>
    public static string Version() => typeof(PipelineRun).Assembly.GetName().Version?.ToString() ?? "0";

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
