using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SourceModel.Cli.Infrastructure;

namespace SourceModel.Cli.Commands;

/// <summary>A deterministic slice of a run's realisations or chains: shard <see cref="Index"/> (0-based) of <see cref="Count"/>.</summary>
/// <param name="Index">This shard, 0 ≤ Index &lt; Count (Slurm's SLURM_ARRAY_TASK_ID with --array=0-(N−1)).</param>
/// <param name="Count">Number of shards.</param>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>Reads "i/N".</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && i < n)
            return new Shard(i, n);
        throw new UserError($"--shard '{text}': expected i/N with 0 <= i < N (e.g. 0/4 … 3/4).");
    }

    /// <summary>Items [First, First + Length) of <paramref name="total"/>, in contiguous blocks whose sizes differ by at most one.</summary>
    public (int First, int Length) Slice(int total)
    {
        int first = (int)((long)Index * total / Count), end = (int)((long)(Index + 1) * total / Count);
        return (first, end - first);
    }

    public override string ToString() => $"{Index}/{Count}";
}

/// <summary>
/// The working state of an uncertainty run, in RUN/state: run.json says which config (by the content hash of it and of
/// the step-2 config it names), method, count
/// and seed the state belongs to; Monte Carlo keeps one file per finished realisation (realisation_R.csv), MCMC one
/// checkpoint pair per chain (chain_K.bin, chain_K.bin.draws). Every shard, resume and merge works on the same files,
/// so a merged run is exactly the single-process run.
/// </summary>
internal sealed record UncertaintyState(string Folder, string Config, string ConfigHash, string Method, int Count, long Seed)
{
    private const string RunFile = "run.json";

    /// <summary>The state folder of a run folder.</summary>
    public static string FolderOf(string output) => Path.Combine(output, "state");

    /// <summary>The state this run works on: a fresh whole run clears it, a shard or a resumed run checks that it
    /// belongs to the same config and settings (a fresh shard clears only its own slice, later).</summary>
    public static UncertaintyState Open(string output, GeometryConfig config, string method, int count, long seed, bool resume, Shard? shard)
    {
        string folder = FolderOf(output);
        var wanted = new UncertaintyState(folder, Path.GetFullPath(config.Path), Hash(config), method, count, seed);
        var existing = Read(folder);
        // A shard may be told to resume before anything ran (a Slurm task's first start): it starts afresh.
        if (resume && existing is null && shard is null) throw new UserError($"nothing to resume: {Path.Combine(folder, RunFile)} does not exist (run without --resume first).");
        if (existing is not null && (resume || shard is not null) && !existing.SameRun(wanted))
            throw new UserError($"{Path.Combine(folder, RunFile)}: the state there belongs to another run ({existing.Describe()}; this one: {wanted.Describe()}); " +
                                $"use another --out, or delete {folder} to start afresh.");
        if (!resume && shard is null) ClearOwnFiles(folder);
        Directory.CreateDirectory(folder);
        if (existing is null || !resume && shard is null) AtomicFile.Write(Path.Combine(folder, RunFile), w => w.Write(JsonSerializer.Serialize(wanted.ToJson(), Indented)));
        return wanted;
    }

    /// <summary>Deletes what a previous run of this kind wrote in the state folder (its run record, realisations, chains,
    /// checkpoints, observed optimum) and nothing else: a user's file there is left alone.</summary>
    private static void ClearOwnFiles(string folder)
    {
        if (!Directory.Exists(folder)) return;
        // The temporary files are those AtomicFile (".NAME.PID.sourcemodel.tmp") and the chain checkpoints
        // ("chain_K.bin.tmp") leave when killed mid-write, for these names only.
        string tmp = AtomicFile.TempSuffix;
        foreach (string pattern in new[] { RunFile, "observed_best.csv", "realisation_*.csv", "chain_*.bin", "chain_*.bin.draws", "chain_*.bin.tmp",
                     $".{RunFile}.*{tmp}", $".observed_best.csv.*{tmp}", $".realisation_*.csv.*{tmp}" })
            foreach (string f in Directory.GetFiles(folder, pattern)) File.Delete(f);
    }

    /// <summary>True when <paramref name="output"/> holds the state of this very run (same config bytes, method, count
    /// and seed), so an interrupted run can continue from it.</summary>
    public static bool Resumable(string output, GeometryConfig config, string method, int count, long seed)
    {
        try
        {
            return Read(FolderOf(output)) is { } existing
                   && existing.SameRun(new UncertaintyState(FolderOf(output), Path.GetFullPath(config.Path), Hash(config), method, count, seed));
        }
        catch (UserError) { return false; }
    }

    /// <summary>The state of a run folder, for merging.</summary>
    public static UncertaintyState ForMerge(string output)
    {
        string folder = FolderOf(output);
        var state = Read(folder) ?? throw new UserError($"{output}: no uncertainty state to merge ({Path.Combine(folder, RunFile)} not found).");
        if (!File.Exists(state.Config)) throw new UserError($"{Path.Combine(folder, RunFile)}: its config {state.Config} no longer exists.");
        return state;
    }

    /// <summary>Refuses a config that changed since the state was written.</summary>
    public void CheckUnchanged(GeometryConfig config)
    {
        if (Hash(config) != ConfigHash)
            throw new UserError($"{Config} (or the step-2 config it names) has changed since the shards ran (SHA-256 differs from {Path.Combine(Folder, RunFile)}); restore it or run again.");
    }

    /// <summary>Path of realisation r's row file.</summary>
    public string RealisationFile(int r) => Path.Combine(Folder, $"realisation_{r}.csv");

    /// <summary>The observed data's step-1 optimum (parameter,value rows; Mw as <c>mw</c>), written by every Monte Carlo
    /// run before its realisations (absent in a state from an older version).</summary>
    public string ObservedBestFile => Path.Combine(Folder, "observed_best.csv");

    /// <summary>The values of <see cref="ObservedBestFile"/> by parameter name, or an empty map when there is none.</summary>
    public IReadOnlyDictionary<string, double> ObservedBest()
    {
        if (!File.Exists(ObservedBestFile)) return new Dictionary<string, double>();
        var t = CsvTable.Load(ObservedBestFile, "parameter, value");
        if (t.Column("parameter") != 0 || t.Column("value") != 1)
            throw new UserError($"{ObservedBestFile}:1: expected the columns parameter, value; the state was not written by this program (run again without --resume).");
        return t.Rows.ToDictionary(r => r.Fields[0], r => t.Number(r.Line, r.Fields, 1), StringComparer.Ordinal);
    }

    private bool SameRun(UncertaintyState o) => ConfigHash == o.ConfigHash && Method == o.Method && Count == o.Count && Seed == o.Seed;

    private string Describe() => FormattableString.Invariant($"{Path.GetFileName(Config)} sha256 {ConfigHash[..12]}…, {Method}, {Count}, seed {Seed}");

    private object ToJson() => new { config = Config, config_sha256 = ConfigHash, method = Method, count = Count, seed = Seed };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static UncertaintyState? Read(string folder)
    {
        string file = Path.Combine(folder, RunFile);
        if (!File.Exists(file)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var r = doc.RootElement;
            return new UncertaintyState(folder, r.GetProperty("config").GetString()!, r.GetProperty("config_sha256").GetString()!,
                r.GetProperty("method").GetString()!, r.GetProperty("count").GetInt32(), r.GetProperty("seed").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UserError($"{file}: not a run state written by sourcemodel ({e.Message}).");
        }
    }

    /// <summary>SHA-256 of the config's bytes, followed by those of the step-2 config it names (if any).</summary>
    private static string Hash(GeometryConfig c)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(File.ReadAllBytes(c.Path));
        if (c.Uncertainty.MonteCarlo.Slip is { } slip) sha.AppendData(File.ReadAllBytes(slip.Path));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
