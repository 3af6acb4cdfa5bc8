using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SourceModel.Cli.Commands;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Cli.Tests;

/// <summary>`sourcemodel run` on a small synthetic study: what re-runs when (content hashes), what an interruption
/// leaves, the resolved configuration, and bad configurations refused by `config check` and `run` alike with one
/// message and nothing written.</summary>
public sealed class PipelineCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static readonly string[] AllSteps = ["data", "geometry", "uncertainty", "slip", "coulomb"];

    /// <summary>The normal fault of the uncertainty tests seen by two tracks; every step with a small budget.</summary>
    private string Config(string slip = "weight: 1", string coulombDepth = "10", int realisations = 4, string extra = "")
    {
        string Data(string file, LosVector los)
        {
            var e = new List<double>();
            var n = new List<double>();
            for (int j = 0; j < 12; j++)
                for (int i = 0; i < 12; i++) { e.Add(-33_000 + 6_000 * i + 17); n.Add(-33_000 + 6_000 * j + 23); }
            var f = SurfaceDisplacement.Compute([UncertaintyCommandTests.Truth], [], ElasticMedium.Default, e.ToArray(), n.ToArray());
            return _cli.Write(file, LocalLosCsv.Text(e, n, Enumerable.Range(0, e.Count).Select(k => f.Los(k, los)).ToArray(), los, 0.005));
        }
        string asc = Data("asc.csv", LosVector.FromIncidenceAndHeading(39, -12));
        string dsc = Data("dsc.csv", LosVector.FromIncidenceAndHeading(34, -168));
        return _cli.Write("study.yaml", $"""
            output: run
            datasets:
            {LocalLosCsv.Declaration("asc", asc)}
            {LocalLosCsv.Declaration("dsc", dsc)}
                noise: {"{"}model: exponential, sigma_m: 0.005, range_m: 4000{"}"}
            fit:
              asc: {"{"}nuisance: offset{"}"}
            geometry:
              sources:
                - name: fault
                  parameters: {"{"}east: 1000, north: -500, depth: [0, 5000], length: 12000, width: [3000, 12000], strike: 120, dip: [30, 70], rake: -90, slip: [0.2, 3]{"}"}
              optimiser: {"{"}method: pso, seed: 3, iterations: 40, swarm_size: 16, polish_evaluations: 400{"}"}
            uncertainty:
              method: montecarlo
              seed: 11
              montecarlo: {"{"}realisations: {realisations}{"}"}
            slip:
              fault: {"{"}size_m: [20000, 12000], patch_size_m: 4000{"}"}
              rake: [-135, -45]
              max_slip_m: 5
              {slip}
            coulomb:
              receiver: {"{"}strike: 120, dip: 50, rake: -90{"}"}
              cross_sections:
                - {"{"}start_km: [-10, -10], end_km: [10, 10], depth_km: [0, {coulombDepth}], spacing_km: 2, depth_spacing_km: 2{"}"}
              fault_plane: true
            published:
              label: the synthetic truth
              parameters: {"{"}fault.depth: 2000, fault.width: 7000, fault.dip: 50, fault.slip: 1.0{"}"}
            {extra}
            """);
    }

    private string Run => _cli.PathOf("run");

    private string StepFile(string step) => Path.Combine(Run, $"{Array.IndexOf(AllSteps, step) + 1}-{step}", "step.json");

    private (string Out, Dictionary<string, DateTime> Stamps) RunOk(params string[] extra)
    {
        var (code, output, err) = _cli.Run(["run", _cli.PathOf("study.yaml"), "--no-report", .. extra]);
        Assert.True(code == 0, err + output);
        return (output, AllSteps.ToDictionary(s => s, s => File.GetLastWriteTimeUtc(StepFile(s))));
    }

    private static string[] Ran(string output) => AllSteps.Where(s => output.Contains($"-- {s}: done", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void A_run_writes_every_step_a_resolved_config_a_log_and_the_comparison_table()
    {
        Config();
        var (output, _) = RunOk();
        Assert.Equal(AllSteps, Ran(output));
        foreach (var s in AllSteps) Assert.True(File.Exists(StepFile(s)), s);
        foreach (var f in new[] { "config.resolved.yaml", "log.txt", "pipeline.json", "comparison.csv" }) Assert.True(File.Exists(Path.Combine(Run, f)), f);
        Assert.False(File.Exists(Path.Combine(Run, "report.html")));
        // Defaults that were used are written in where the user left them out.
        string resolved = File.ReadAllText(Path.Combine(Run, "config.resolved.yaml"));
        foreach (var key in new[] { "polish: true", "boundary: free_surface", "smoothing: slip", "friction: 0.4", "poisson_ratio: 0.25", "shear_modulus: 30000000000", "nuisance: none" })
            Assert.Contains(key, resolved);
        using var pipeline = JsonDocument.Parse(File.ReadAllText(Path.Combine(Run, "pipeline.json")));
        Assert.Equal(3, pipeline.RootElement.GetProperty("seeds").GetProperty("optimiser").GetInt32());
        Assert.Equal(11, pipeline.RootElement.GetProperty("seeds").GetProperty("uncertainty").GetInt32());
        // Exact data: the published (true) values are recovered to well within the Monte Carlo spread.
        var rows = File.ReadAllLines(Path.Combine(Run, "comparison.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
        Assert.InRange(double.Parse(rows["fault.dip"][3], CultureInfo.InvariantCulture), 48, 52);
        Assert.InRange(double.Parse(rows["fault.slip"][3], CultureInfo.InvariantCulture), 0.9, 1.1);
        Assert.Equal("true", rows["fault.dip"][7]);
        Assert.Contains("-- geometry: done", File.ReadAllText(Path.Combine(Run, "log.txt")));
        Assert.Contains("top-edge depth", output);   // the table is printed too, the parameters named in words
    }

    [Fact]
    public void Re_running_an_unchanged_config_does_no_work()
    {
        Config();
        var (_, first) = RunOk();
        var pipeline = File.ReadAllBytes(Path.Combine(Run, "pipeline.json"));
        var (output, second) = RunOk();
        Assert.Empty(Ran(output));
        foreach (var s in AllSteps) Assert.Contains($"-- {s}: unchanged", output);
        Assert.Contains("nothing to do", output);
        Assert.Equal(first, second);
        Assert.Equal(pipeline, File.ReadAllBytes(Path.Combine(Run, "pipeline.json")));
    }

    [Fact]
    public void A_new_seed_reruns_geometry_and_the_steps_after_it_and_is_recorded()
    {
        Config();
        var (_, before) = RunOk();
        var (output, after) = RunOk("--seed", "5");
        Assert.Equal(["geometry", "uncertainty", "slip", "coulomb"], Ran(output));
        Assert.Equal(before["data"], after["data"]);
        using (var pipeline = JsonDocument.Parse(File.ReadAllText(Path.Combine(Run, "pipeline.json"))))
        {
            Assert.Equal(5, pipeline.RootElement.GetProperty("seeds").GetProperty("optimiser").GetInt32());
            Assert.Equal(5, pipeline.RootElement.GetProperty("seeds").GetProperty("uncertainty").GetInt32());
        }
        // The same seed again: nothing to do.
        (output, _) = RunOk("--seed", "5");
        Assert.Empty(Ran(output));
    }

    [Fact]
    public void Changing_one_steps_settings_reruns_that_step_and_the_ones_after_it_only()
    {
        Config();
        var (_, before) = RunOk();
        Config(slip: "weight: 2");
        var (output, after) = RunOk();
        Assert.Equal(["slip", "coulomb"], Ran(output));
        foreach (var s in new[] { "data", "geometry", "uncertainty" }) Assert.Equal(before[s], after[s]);

        Config(slip: "weight: 2", coulombDepth: "12");
        (output, _) = RunOk();
        Assert.Equal(["coulomb"], Ran(output));

        Config(slip: "weight: 2", coulombDepth: "12", realisations: 5);
        (output, _) = RunOk();
        Assert.Equal(["uncertainty", "slip", "coulomb"], Ran(output));

        // Comments and layout are not settings.
        File.AppendAllText(_cli.PathOf("study.yaml"), "\n# a note for later\n");
        (output, _) = RunOk();
        Assert.Empty(Ran(output));
    }

    [Fact]
    public void Changing_a_data_file_reruns_everything()
    {
        Config();
        RunOk();
        string asc = _cli.PathOf("asc.csv");
        var lines = File.ReadAllLines(asc);
        var cells = lines[5].Split(',');
        cells[2] = (double.Parse(cells[2], CultureInfo.InvariantCulture) + 0.001).ToString("R", CultureInfo.InvariantCulture);
        lines[5] = string.Join(',', cells);
        File.WriteAllLines(asc, lines);
        var (output, _) = RunOk();
        Assert.Equal(AllSteps, Ran(output));
    }

    [Fact]
    public void From_and_force_run_the_asked_steps_again()
    {
        Config();
        RunOk();
        var (output, _) = RunOk("--from", "uncertainty");
        Assert.Equal(["uncertainty", "slip", "coulomb"], Ran(output));
        (output, _) = RunOk("--force");
        Assert.Equal(AllSteps, Ran(output));
        var (code, _, err) = _cli.Run("run", _cli.PathOf("study.yaml"), "--from", "stress");
        Assert.Equal(1, code);
        Assert.Contains("expected one of data, geometry, uncertainty, slip, coulomb", err);
    }

    [Fact]
    public void A_step_that_fails_leaves_the_finished_steps_intact_and_the_next_run_continues_from_it()
    {
        // The patch size meets step 1's rectangle only at run time when the plane is extended rather than sized (a
        // size_m plane is checked before anything runs): 30 km patches on a 14 km plane fail in step 2.
        string config = Config();
        File.WriteAllText(config, File.ReadAllText(config).Replace("size_m: [20000, 12000], patch_size_m: 4000", "extend: {along_strike_m: 1000}, patch_size_m: 30000"));
        var (code, output, err) = _cli.Run("run", config, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("patch_size_m", err);
        Assert.Equal(["data", "geometry", "uncertainty"], Ran(output));
        Assert.False(Directory.Exists(Path.Combine(Run, "4-slip")));
        Assert.Empty(Directory.GetDirectories(Run, ".*"));   // no staging folder left behind
        var stamps = new[] { "data", "geometry", "uncertainty" }.Select(s => File.GetLastWriteTimeUtc(StepFile(s))).ToArray();

        Config();
        (output, _) = RunOk();
        Assert.Equal(["slip", "coulomb"], Ran(output));
        Assert.Equal(stamps, new[] { "data", "geometry", "uncertainty" }.Select(s => File.GetLastWriteTimeUtc(StepFile(s))).ToArray());
    }

    [Fact]
    public void Ctrl_c_during_a_step_keeps_the_finished_steps_and_the_finished_realisations_and_the_next_run_continues()
    {
        // A real process and a real SIGINT: the uncertainty step is made long (many realisations) so it is under way.
        string config = Config(realisations: 200);
        string cli = Path.Combine(AppContext.BaseDirectory, "sourcemodel.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "run", config, "--no-report"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        // Under way = three realisations written (the log reports only every tenth of them).
        int Written() => Directory.Exists(Run) ? Directory.GetFiles(Run, "realisation_*.csv", SearchOption.AllDirectories).Length : 0;
        while (Written() < 3 && clock.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited)
            Thread.Sleep(100);
        Assert.False(process.HasExited, output.ToString());
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(process.WaitForExit(30_000), "the run did not stop on SIGINT");
        process.WaitForExit();
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("interrupted: the finished steps stay in", output.ToString());
        Assert.True(File.Exists(StepFile("geometry")));
        Assert.False(Directory.Exists(Path.Combine(Run, "3-uncertainty")));
        int done = Written();
        Assert.True(done >= 3, $"{done} realisation(s) kept");
        var geometry = File.GetLastWriteTimeUtc(StepFile("geometry"));

        // The same command again continues the uncertainty step from the realisations the interrupted run finished.
        var (again, _) = RunOk();
        Assert.Equal(["uncertainty", "slip", "coulomb"], Ran(again));
        Assert.Contains("continuing from the interrupted run's finished work", again);
        Assert.Contains("realisation(s) already done", again);
        // The log reports about a tenth of the realisations, with the time left, not one line each.
        int lines = System.Text.RegularExpressions.Regex.Matches(again, @"realisation \d+/\d+:").Count;
        Assert.InRange(lines, 1, 11);
        Assert.Contains(" left)", again);
        Assert.Equal(geometry, File.GetLastWriteTimeUtc(StepFile("geometry")));
        Assert.Equal(1 + 200, File.ReadAllLines(Path.Combine(Run, "3-uncertainty", "realisations.csv")).Length);
    }

    [Fact]
    public void A_users_files_in_the_run_folder_survive_a_forced_rerun_and_an_input_inside_it_is_refused()
    {
        string config = Config();
        RunOk();
        File.WriteAllText(Path.Combine(Run, "1-data", "important.txt"), "my notes");
        File.WriteAllText(Path.Combine(Run, "thesis.tex"), "\\documentclass{article}");
        // What a killed writer leaves (".NAME.PID.sourcemodel.tmp", a PID that no longer runs) is cleared; a user's own
        // ".tmp" files are not, even one that looks like a temporary of some other program.
        File.WriteAllText(Path.Combine(Run, "2-geometry", ".summary.json.2147483000.sourcemodel.tmp"), "{\"half");
        File.WriteAllText(Path.Combine(Run, ".mine.tmp"), "mine");
        File.WriteAllText(Path.Combine(Run, ".backup.123.tmp"), "mine too");
        var (output, _) = RunOk("--force");
        Assert.Equal(AllSteps, Ran(output));
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(Run, "1-data", "important.txt")));
        Assert.True(File.Exists(Path.Combine(Run, "thesis.tex")));
        Assert.Contains("kept 1 file(s) sourcemodel did not write in 1-data: important.txt", output);
        Assert.Equal([Path.Combine(Run, ".backup.123.tmp"), Path.Combine(Run, ".mine.tmp")],
            Directory.GetFiles(Run, "*.tmp", SearchOption.AllDirectories).Order(StringComparer.Ordinal));

        // An input kept in the run folder would be replaced by the run that reads it: refused before anything runs.
        File.Copy(_cli.PathOf("asc.csv"), Path.Combine(Run, "1-data", "asc-input.csv"));
        File.WriteAllText(config, File.ReadAllText(config).Replace(_cli.PathOf("asc.csv"), Path.Combine(Run, "1-data", "asc-input.csv")));
        foreach (var args in new[] { new[] { "config", "check", config }, ["run", config, "--no-report"] })
        {
            var (code, _, err) = _cli.Run(args);
            Assert.Equal(1, code);
            Assert.Contains("lies inside the output folder", err);
        }
        Assert.True(File.Exists(Path.Combine(Run, "1-data", "asc-input.csv")));
    }

    [Fact]
    public void A_foreign_folder_is_refused_untouched_and_a_locked_one_names_the_process_holding_it()
    {
        string config = Config();
        Directory.CreateDirectory(Run);
        File.WriteAllText(Path.Combine(Run, "thesis.tex"), "mine");
        var (code, _, err) = _cli.Run("run", config, "--no-report");
        Assert.Equal(1, code);
        Assert.Contains("is not a sourcemodel run folder", err);
        Assert.Equal(["thesis.tex"], Directory.GetFileSystemEntries(Run).Select(Path.GetFileName));
        File.Delete(Path.Combine(Run, "thesis.tex"));

        // Another process holds the folder (here: this one, through the same lock a second `sourcemodel` would meet).
        using (Infrastructure.RunFolder.Claim(Run, "run", ["run", config]))
        {
            (code, _, err) = _cli.Run("run", config, "--no-report");
            Assert.Equal(4, code);
            Assert.Contains($"in use by PID {Environment.ProcessId} since", err);
            Assert.Contains("sourcemodel run", err);
        }
        // A lock record left by a process that was killed (the OS released its lock): taken over, said in the log.
        File.WriteAllText(Path.Combine(Run, Infrastructure.RunFolder.HolderName), "{\"pid\": 2147483000, \"since\": \"2026-01-01 00:00:00 UTC\", \"command\": \"sourcemodel run\"}");
        var (output, _) = RunOk();
        Assert.Contains("a previous run (PID 2147483000, since 2026-01-01 00:00:00 UTC) ended without finishing", output);
        Assert.False(File.Exists(Path.Combine(Run, Infrastructure.RunFolder.HolderName)));
    }

    /// <summary>A sourcemodel CSV (always positive toward the satellite) of a few points.</summary>
    private string OwnCsv()
    {
        var rows = Enumerable.Range(0, 6).Select(k => string.Create(CultureInfo.InvariantCulture,
            $"{k * 1000},{k * 500},nan,nan,0,{0.01 * k},0.6,-0.1,0.79,0,1,0"));
        return _cli.Write("own.csv", "# sourcemodel-csv 1; reference none\neast_m,north_m,lon,lat,elevation_m,value_m,unit_e,unit_n,unit_u,leaf_size_m,pixels,scatter_m\n"
                                      + string.Join('\n', rows) + "\n");
    }

    [Theory]
    [InlineData("typo", "study.yaml:", "geometry.optimiser.swarm_sise", "unknown key")]
    [InlineData("missing", "study.yaml:", "datasets[1].file", "file not found")]
    [InlineData("sign", "study.yaml:", "datasets[2].sign", "contradicts the sourcemodel-csv format")]
    [InlineData("type", "study.yaml:", "slip.max_slip_m", "expected a number")]
    [InlineData("order", "study.yaml:", "coulomb", "needs a 'slip' section")]
    [InlineData("patches", "study.yaml:", "slip.fault.patch_size_m", "24,000 patches (48,000 unknowns) need about")]
    [InlineData("patch-too-big", "study.yaml:", "slip.fault.patch_size_m", "is larger than the fault length")]
    [InlineData("weights", "study.yaml:", "slip.l_curve.count", "an L-curve of more than 1,000 weights")]
    [InlineData("draws", "study.yaml:", "uncertainty.mcmc.iterations", "kept draws (4 chains) need about")]
    public void A_bad_config_fails_in_check_and_in_run_with_one_message_naming_the_key_and_writes_nothing(string fault, string file, string key, string message)
    {
        string config = Config();
        string text = File.ReadAllText(config);
        text = fault switch
        {
            "typo" => text.Replace("swarm_size: 16", "swarm_sise: 16"),
            "missing" => text.Replace(_cli.PathOf("dsc.csv"), _cli.PathOf("dsc-gone.csv")),
            "sign" => text.Replace("fit:", $"""
                  - {"{"}name: own, file: {OwnCsv()}, format: sourcemodel-csv, sign: away_from_satellite{"}"}
                fit:
                """),
            "type" => text.Replace("max_slip_m: 5", "max_slip_m: five"),
            "order" => text.Replace("slip:\n  fault:", "slipless:\n  fault:"),
            // 20 × 12 km in 100 m patches: 24,000 patches, tens of GB of dense matrices — refused before step 1 runs.
            "patches" => text.Replace("patch_size_m: 4000", "patch_size_m: 100"),
            "patch-too-big" => text.Replace("patch_size_m: 4000", "patch_size_m: 40000"),
            "weights" => text.Replace("weight: 1", "l_curve: {count: 5000000}"),
            // Two billion iterations kept whole: terabytes of draws, refused before any chain runs.
            "draws" => text.Replace("montecarlo: {realisations: 4}", "montecarlo: {realisations: 4}\n  mcmc: {iterations: 2000000000, burn_in: 1000, thin: 1}"),
            _ => throw new ArgumentException(fault),
        };
        if (fault == "order")
        {
            // Without the slip section the coulomb section has nothing to take its sources from.
            int at = text.IndexOf("slipless:", StringComparison.Ordinal);
            int end = text.IndexOf("coulomb:", StringComparison.Ordinal);
            text = text.Remove(at, end - at);
        }
        File.WriteAllText(config, text);
        foreach (var args in new[] { new[] { "config", "check", config }, ["run", config] })
        {
            var (code, output, err) = _cli.Run(args);
            Assert.True(code == 1, $"{string.Join(' ', args)}: {output}{err}");
            var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.Contains(file, lines[0]);
            Assert.Contains(key, lines[0]);
            Assert.Contains(message, lines[0]);
            Assert.Matches(@"study\.yaml:\d+: ", lines[0]);
            Assert.DoesNotContain("   at ", err);
            Assert.False(Directory.Exists(Run), "nothing may be written for a bad config");
        }
    }

    [Fact]
    public void Config_check_accepts_a_good_config_and_names_its_steps()
    {
        string config = Config();
        var (code, output, err) = _cli.Run("config", "check", config);
        Assert.True(code == 0, err);
        Assert.Contains("steps data → geometry → uncertainty → slip → coulomb", output);
        Assert.Contains("288 observations", output);
        // Every step's run time is estimated from its size (the patch count is known: size_m and patch_size_m).
        foreach (string step in new[] { "geometry ≤", "uncertainty ≤", "slip ≈", "coulomb ≈" }) Assert.Contains(step, output);
        Assert.Contains("ns per kernel call", output);
        Assert.False(Directory.Exists(Run));
    }

    [Fact]
    public void A_run_estimated_beyond_the_time_limit_is_refused_before_anything_runs_with_the_key_to_change()
    {
        // A hundred million realisations: years of work, refused by the default limit of a week.
        string config = Config(realisations: 100_000_000);
        foreach (var args in new[] { new[] { "config", "check", config }, ["run", config, "--no-report"] })
        {
            var (code, _, err) = _cli.Run(args);
            Assert.True(code == 1, err);
            Assert.Contains("study.yaml: uncertainty.montecarlo.realisations: the run is estimated to take up to", err);
            Assert.Contains("days", err);
            Assert.Contains("SOURCEMODEL_TIME_LIMIT_HOURS", err);
            Assert.DoesNotContain("   at ", err);
            Assert.False(Directory.Exists(Run), "nothing may be written for a refused run");
        }
        // The limit is the user's: a few seconds refuses the ordinary run too, at the key of its longest step.
        config = Config();
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "sourcemodel.dll"), "config", "check", config])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["SOURCEMODEL_TIME_LIMIT_HOURS"] = "0.0000001" },
        };
        using var process = Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(1, process.ExitCode);
        Assert.Matches(@"study\.yaml: (geometry|uncertainty)\.[a-z_.]+: the run is estimated to take up to (< 1 s|[0-9.]+ (s|min)), more than the limit of < 1 s", stderr);
        Assert.False(Directory.Exists(Run));
    }

    [Fact]
    public void Config_example_is_the_jiashi_scenarios_config_and_checks_clean_beside_its_data()
    {
        var (code, output, _) = _cli.Run("config", "example");
        Assert.Equal(0, code);
        Assert.Contains("# SourceModel pipeline configuration", output);
        foreach (var section in new[] { "grids:", "geometry:", "uncertainty:", "slip:", "coulomb:", "published:" }) Assert.Contains("\n" + section, output);
        string folder = _cli.PathOf("jiashi");
        string config = JiashiExample.Prepare("jiashi", folder, TextWriter.Null);
        Assert.Equal(output.TrimEnd(), File.ReadAllText(config).TrimEnd());
        (code, output, var err) = _cli.Run("config", "check", config);
        Assert.True(code == 0, err);
        Assert.Contains("steps data → geometry → uncertainty → slip → coulomb", output);
    }
}
