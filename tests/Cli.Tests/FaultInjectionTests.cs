using System.Diagnostics;
using System.Globalization;

namespace SourceModel.Cli.Tests;

/// <summary>
/// Fault injection on real processes: SIGKILL at random moments of Monte Carlo, MCMC and geometry runs followed by
/// --resume, two processes started at once on one folder, and a disk that fills up. Each must end with nothing lost,
/// nothing foreign deleted, and results byte-identical to an uninterrupted run.
/// </summary>
public sealed class FaultInjectionTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "sourcemodel.dll");

    private static (Process Process, System.Text.StringBuilder Err) Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var p = Process.Start(start)!;
        var err = new System.Text.StringBuilder();
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, e) => { lock (err) err.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return (p, err);
    }

    /// <summary>Runs <paramref name="args"/>, killing it after each of the given delays and starting it again with
    /// --resume (or afresh while a kill landed before anything was saved: the command then says there is nothing to
    /// resume, as it should), then lets it finish; returns how many starts were killed while running.</summary>
    private static int KillAndResume(string[] args, IEnumerable<TimeSpan> delays)
    {
        int killed = 0;
        bool resume = false;
        foreach (var delay in delays.Append(TimeSpan.FromMinutes(5)))
        {
            var (p, err) = Start(resume ? [.. args, "--resume"] : args);
            using (p)
            {
                if (!p.WaitForExit(delay))
                {
                    p.Kill(entireProcessTree: true);
                    p.WaitForExit();
                    killed++;
                    resume = true;
                    continue;
                }
                p.WaitForExit();
                string message;
                lock (err) message = err.ToString();
                if (p.ExitCode == 1 && message.Contains("nothing to resume", StringComparison.Ordinal)) { resume = false; continue; }
                Assert.True(p.ExitCode == 0, $"a run between kills failed with exit code {p.ExitCode}: {message}");
                resume = true;
            }
        }
        // Once more to the end (from what the last start saved, or afresh if it saved nothing).
        var (last, lastErr) = Start(resume ? [.. args, "--resume"] : args);
        using (last)
        {
            Assert.True(last.WaitForExit(TimeSpan.FromMinutes(5)), "the resumed run did not finish");
            last.WaitForExit();
            Assert.True(last.ExitCode == 0, lastErr.ToString());
        }
        return killed;
    }

    /// <summary>Kill delays drawn at random within the run's own duration (measured uninterrupted on this machine, so the
    /// kills land while the run is under way however fast the machine is), after the process's start-up. Each resumed
    /// start has less left to do, so each later delay is drawn from half the range of the one before.</summary>
    private static IEnumerable<TimeSpan> RandomDelays(int seed, int count, TimeSpan duration)
    {
        var rng = new Random(seed);
        var startUp = TimeSpan.FromSeconds(0.3);   // less than dotnet's own start-up, so a delay falls inside the run
        return Enumerable.Range(0, count).Select(k => startUp + duration * Math.Pow(0.5, k) * (0.1 + 0.6 * rng.NextDouble())).ToArray();
    }

    /// <summary>Runs the command in-process to the end and returns how long it took.</summary>
    private TimeSpan Timed(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var (code, _, err) = _cli.Run(args);
        Assert.True(code == 0, err);
        return clock.Elapsed;
    }

    [Theory]
    [InlineData("montecarlo", 1)]
    [InlineData("mcmc", 2)]
    public void Uncertainty_killed_at_random_moments_and_resumed_equals_an_uninterrupted_run(string method, int seed)
    {
        // Long enough (several seconds) that the kills land while it runs.
        string config = UncertaintyCommandTests.Config(_cli, name: "u.yaml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("realisations: 6", "realisations: 300").Replace("iterations: 3000", "iterations: 60000"));
        string whole = _cli.PathOf("whole"), killed = _cli.PathOf("killed");
        var duration = Timed("uncertainty", config, "--method", method, "--out", whole, "--no-report");
        File.WriteAllText(Path.Combine(_cli.Folder, "foreign.txt"), "a file beside the runs");
        int kills = KillAndResume(["uncertainty", config, "--method", method, "--out", killed, "--no-report"], RandomDelays(seed, 4, duration));
        Assert.True(kills >= 1, "no kill landed while the run was under way");
        UncertaintyCommandTests.AssertSameResults(whole, killed);
        Assert.True(File.Exists(Path.Combine(_cli.Folder, "foreign.txt")));
        Assert.Empty(Directory.GetFiles(killed, "*.tmp", SearchOption.AllDirectories));
        Console.WriteLine($"{method}: {kills} of 4 starts killed while running");
    }

    [Fact]
    public void Geometry_killed_at_random_moments_and_resumed_finds_the_uninterrupted_runs_result()
    {
        string config = UncertaintyCommandTests.Config(_cli, name: "g.yaml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("iterations: 40", "iterations: 20000").Replace("swarm_size: 16", "swarm_size: 40"));
        string whole = _cli.PathOf("g-whole"), killed = _cli.PathOf("g-killed");
        var duration = Timed("geometry", config, "--out", whole, "--no-report");
        int kills = KillAndResume(["geometry", config, "--out", killed, "--no-report"], RandomDelays(3, 3, duration));
        Assert.True(kills >= 1, "no kill landed while the search was under way");
        foreach (string file in new[] { "parameters.csv", "peaks.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(whole, file)), File.ReadAllText(Path.Combine(killed, file)));
    }

    [Fact]
    public async Task Two_processes_started_at_once_on_one_folder_never_corrupt_it()
    {
        string config = UncertaintyCommandTests.Config(_cli, name: "c.yaml");
        string whole = _cli.PathOf("c-whole"), shared = _cli.PathOf("c-shared");
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "mcmc", "--out", whole, "--no-report").Code);
        var start = new ProcessStartInfo("dotnet", ["exec", Dll, "uncertainty", config, "--method", "mcmc", "--out", shared, "--no-report"])
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var a = Process.Start(start)!;
        using var b = Process.Start(start)!;
        var ea = a.StandardError.ReadToEndAsync();
        var eb = b.StandardError.ReadToEndAsync();
        _ = a.StandardOutput.ReadToEndAsync();
        _ = b.StandardOutput.ReadToEndAsync();
        Assert.True(a.WaitForExit(TimeSpan.FromMinutes(5)) && b.WaitForExit(TimeSpan.FromMinutes(5)));
        int[] codes = [a.ExitCode, b.ExitCode];
        // Either they overlapped (one ran, the other was turned away with the holder named) or ran one after the other.
        Assert.All(codes, c => Assert.Contains(c, new[] { 0, 4 }));
        Assert.Contains(0, codes);
        foreach (var (code, err) in new[] { (a.ExitCode, await ea), (b.ExitCode, await eb) })
            if (code == 4) Assert.Contains("in use by", err);   // with the PID once the holder has written its record
        UncertaintyCommandTests.AssertSameResults(whole, shared);
        // A later --resume sees a consistent, finished state: same results, no duplicated draws.
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "mcmc", "--out", shared, "--resume", "--no-report").Code);
        UncertaintyCommandTests.AssertSameResults(whole, shared);
    }

    [TmpfsFact]
    public void A_full_disk_fails_with_an_io_error_leaving_no_partial_file_and_the_old_files_intact()
    {
        string disk = _cli.PathOf("small-disk");
        Directory.CreateDirectory(disk);
        Assert.True(TmpfsFactAttribute.Mount(disk, "1m"), "mount -t tmpfs worked in the probe but not here");
        try
        {
            File.WriteAllText(Path.Combine(disk, "keep.txt"), "kept");
            string old = Path.Combine(disk, "page.html");
            File.WriteAllText(old, "previous report");
            // A report with plotly.js inlined is ~4 MB: it cannot fit in 1 MB.
            var (code, _, err) = _cli.Run("forward", "--example", "--html", old);
            Assert.Equal(3, code);
            Assert.Contains("error:", err);
            Assert.DoesNotContain("   at ", err);
            Assert.Equal("previous report", File.ReadAllText(old));
            Assert.Equal("kept", File.ReadAllText(Path.Combine(disk, "keep.txt")));
            Assert.Empty(Directory.GetFiles(disk, "*.tmp", SearchOption.AllDirectories));
        }
        finally
        {
            TmpfsFactAttribute.Unmount(disk);
        }
    }
}

/// <summary>A fact that needs a small tmpfs of its own (a full disk on demand): runs as root where mounting is
/// permitted, else is skipped with the reason.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") { Skip = "Needs root to mount a small tmpfs (a full disk on demand)."; return; }
        string probe = Directory.CreateTempSubdirectory("sourcemodel-tmpfs-probe-").FullName;
        try
        {
            if (!Mount(probe, "64k")) Skip = "mount -t tmpfs is not permitted on this machine (container without the capability).";
            else Unmount(probe);
        }
        finally { Directory.Delete(probe); }
    }

    public static bool Mount(string folder, string size)
    {
        using var p = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder]) { RedirectStandardError = true })!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    public static void Unmount(string folder)
    {
        using var p = Process.Start("umount", [folder]);
        p.WaitForExit();
    }
}
