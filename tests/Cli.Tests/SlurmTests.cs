using System.Diagnostics;
using SourceModel.Tests.Shared;

namespace SourceModel.Cli.Tests;

/// <summary>
/// A single-node Slurm cluster on this machine (tests/Cli.Tests/Slurm/single-node-cluster.sh), started once per test
/// process when a <see cref="SlurmFactAttribute"/> test is discovered and stopped when the process exits.
/// </summary>
internal static class LocalSlurm
{
    private static readonly Lazy<(string? Conf, string? Failure)> Cluster = new(Start);

    /// <summary>slurm.conf of the running cluster, or null.</summary>
    public static string? Conf => Cluster.Value.Conf;

    /// <summary>Why the cluster could not start, or null.</summary>
    public static string? Failure => Cluster.Value.Failure;

    private static (string?, string?) Start()
    {
        string script = Path.Combine(SharedData.RepositoryRoot, "tests", "Cli.Tests", "Slurm", "single-node-cluster.sh");
        string folder = Directory.CreateTempSubdirectory("sourcemodel-slurm-").FullName;
        var (code, output, error) = Bash(script, "start", folder);
        if (code != 0) return (null, $"a local Slurm cluster could not start: {error.Trim()} (.ci/run installs slurm-wlm and munge)");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Bash(script, "stop", folder);
        return (output.Trim(), null);
    }

    public static (int Code, string Out, string Err) Bash(string script, params string[] args) => Run("bash", [script, .. args], null);

    /// <summary>Runs a program with SLURM_CONF set to the cluster's config (when given).</summary>
    public static (int Code, string Out, string Err) Run(string program, IEnumerable<string> args, string? conf)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (conf is not null) start.Environment["SLURM_CONF"] = conf;
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); return (-1, stdout.Result, "timed out after 120 s"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A fact that needs the local Slurm cluster; skipped with the reason when it cannot start.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (LocalSlurm.Failure is { } reason) Skip = reason;
    }
}

/// <summary>`sourcemodel slurm`: the job array of shards and the dependent merge, run by a real Slurm.</summary>
public sealed class SlurmTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [SlurmFact]
    public void Shards_run_as_a_Slurm_job_array_and_the_dependent_merge_equal_a_single_process_run()
    {
        string config = UncertaintyCommandTests.Config(_cli);
        string whole = _cli.PathOf("whole"), cluster = _cli.PathOf("cluster");
        Assert.Equal(0, _cli.Run("uncertainty", config, "--method", "montecarlo", "--out", whole).Code);

        string self = $"dotnet '{Path.Combine(AppContext.BaseDirectory, "sourcemodel.dll")}'";
        var (code, output, err) = _cli.Run(["slurm", config, "--method", "montecarlo", "--shards", "3", "--out", cluster, "--cpus-per-task", "1", "--command", self]);
        Assert.True(code == 0, err);
        string array = File.ReadAllText(Path.Combine(cluster, "slurm", "array.sbatch"));
        Assert.Contains("#SBATCH --array=0-2", array);
        Assert.Contains("--shard \"$SLURM_ARRAY_TASK_ID/3\" --resume", array);
        Assert.Contains("submit.sh", output);

        // submit.sh prints the merge job's id last ("Submitted batch job N"); wait until Slurm no longer lists it.
        var submit = LocalSlurm.Run("bash", [Path.Combine(cluster, "slurm", "submit.sh")], LocalSlurm.Conf);
        Assert.True(submit.Code == 0, submit.Err + submit.Out);
        string mergeJob = submit.Out.Trim().Split(' ').Last();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            var queue = LocalSlurm.Run("squeue", ["-h", "-o", "%i %T"], LocalSlurm.Conf);
            if (queue.Code == 0 && queue.Out.Trim().Length == 0) break;
            Thread.Sleep(1000);
        }
        string Logs() => string.Join("\n", Directory.GetFiles(Path.Combine(cluster, "slurm"), "*.log").Select(f => $"--- {f}\n{File.ReadAllText(f)}"));
        Assert.True(File.Exists(Path.Combine(cluster, "summary.json")), $"merge job {mergeJob} wrote no results after {clock.Elapsed.TotalSeconds:0} s\n{Logs()}");
        Assert.True(File.Exists(Path.Combine(cluster, "report.html")));
        for (int shard = 0; shard < 3; shard++) Assert.Contains($"shard {shard}/3 finished", File.ReadAllText(Path.Combine(cluster, "slurm", $"shard_{shard}.log")));
        foreach (string file in new[] { "realisations.csv", "statistics.csv", "correlation.csv", "summary.json" })
            Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(cluster, file))),
                $"{file} differs between the single-process run and the Slurm run\n{Logs()}");
    }
}
