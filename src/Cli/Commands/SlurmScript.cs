using System.Globalization;
using SourceModel.Cli.Infrastructure;

namespace SourceModel.Cli.Commands;

/// <summary>Resources asked of Slurm for each shard.</summary>
/// <param name="CpusPerTask">Cores per shard (each shard spreads its work over them).</param>
/// <param name="Time">Wall-time limit per shard (Slurm's format, e.g. 02:00:00), or null for the partition default.</param>
/// <param name="Partition">Partition, or null for the default.</param>
/// <param name="MemoryPerCpu">Memory per core (e.g. 2G), or null.</param>
/// <param name="Report">Whether the merge writes report.html.</param>
internal sealed record SlurmResources(int CpusPerTask, string? Time, string? Partition, string? MemoryPerCpu, bool Report = true);

/// <summary>
/// `sourcemodel slurm CONFIG.yaml --method M --shards N`: writes RUN/slurm/array.sbatch (a job array, task i running
/// shard i/N with --resume, so a requeued task continues from its checkpoints), merge.sbatch (the merge) and submit.sh
/// (submits the array, then the merge to run after every task succeeded). Slurm does the scheduling; we only describe
/// the work.
/// </summary>
internal static class SlurmScript
{
    public static void Write(string config, UncertaintyMethod method, int shards, string? outputOverride, SlurmResources resources, string? command, TextWriter log)
    {
        if (shards < 1) throw new UserError($"--shards: expected at least 1, got {shards}.");
        if (resources.CpusPerTask < 1) throw new UserError($"--cpus-per-task: expected at least 1, got {resources.CpusPerTask}.");
        var c = GeometryConfig.Load(config);
        int count = method == UncertaintyMethod.MonteCarlo ? c.Uncertainty.MonteCarlo.Realisations : c.Uncertainty.Mcmc.Chains;
        if (shards > count)
            throw new UserError($"--shards {shards}: the run has only {count} {(method == UncertaintyMethod.MonteCarlo ? "realisations" : "chains")} to share out.");
        string output = outputOverride is null ? c.Uncertainty.Output : Path.GetFullPath(outputOverride);
        c.Data.RefuseInputsInside(output, config);
        // The scripts go into the run folder the shards will write: claimed for the uncertainty run now.
        using var claim = RunFolder.Claim(output, "uncertainty", ["slurm", config], config);
        string folder = Path.Combine(output, "slurm");
        Directory.CreateDirectory(folder);
        string exe = command ?? SelfCommand();
        string name = UncertaintyRun.Name(method);
        string cfg = Quote(Path.GetFullPath(config)), outArg = Quote(output);
        string Header(string job, string log) => string.Join('\n', new[]
        {
            "#!/bin/bash",
            $"#SBATCH --job-name={job}",
            $"#SBATCH --cpus-per-task={resources.CpusPerTask.ToString(CultureInfo.InvariantCulture)}",
            $"#SBATCH --output={Quote(Path.Combine(folder, log))}",
            resources.Time is null ? null : $"#SBATCH --time={resources.Time}",
            resources.Partition is null ? null : $"#SBATCH --partition={resources.Partition}",
            resources.MemoryPerCpu is null ? null : $"#SBATCH --mem-per-cpu={resources.MemoryPerCpu}",
        }.Where(l => l is not null));
        string array = $"""
            {Header($"sourcemodel-{name}", "shard_%a.log")}
            #SBATCH --array=0-{shards - 1}
            #SBATCH --requeue
            # Written by sourcemodel slurm: shard i of {shards} runs a fixed slice of the {count} {(method == UncertaintyMethod.MonteCarlo ? "realisations" : "chains")};
            # --resume continues from the shard's checkpoints when the task is requeued.
            set -euo pipefail
            {exe} uncertainty {cfg} --method {name} --out {outArg} --shard "$SLURM_ARRAY_TASK_ID/{shards}" --resume

            """;
        string merge = $"""
            {Header($"sourcemodel-{name}-merge", "merge.log")}
            set -euo pipefail
            {exe} merge {outArg}{(resources.Report ? "" : " --no-report")}

            """;
        string submit = $"""
            #!/bin/bash
            # Submits the shards as a job array and the merge to run once all of them have succeeded.
            set -euo pipefail
            array=$(sbatch --parsable {Quote(Path.Combine(folder, "array.sbatch"))})
            sbatch --dependency=afterok:"${"{"}array%%;*{"}"}" {Quote(Path.Combine(folder, "merge.sbatch"))}

            """;
        AtomicFile.Write(Path.Combine(folder, "array.sbatch"), w => w.Write(array));
        AtomicFile.Write(Path.Combine(folder, "merge.sbatch"), w => w.Write(merge));
        AtomicFile.Write(Path.Combine(folder, "submit.sh"), w => w.Write(submit));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(folder, "submit.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        log.WriteLine($"wrote {folder}/array.sbatch ({shards} tasks), merge.sbatch and submit.sh; submit with: bash {Path.Combine(folder, "submit.sh")}");
    }

    /// <summary>How to start this very program again from a batch script.</summary>
    private static string SelfCommand()
    {
        string process = Environment.ProcessPath ?? "sourcemodel";
        string entry = typeof(SlurmScript).Assembly.Location;
        // Under `dotnet sourcemodel.dll` (or dotnet run) the process is the dotnet host: name the assembly too.
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? $"{Quote(process)} {Quote(entry)}" : Quote(process);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
