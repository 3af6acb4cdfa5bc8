using System.Diagnostics;
using System.Globalization;
using SourceModel.Cli.Commands;
using SourceModel.Cli.Infrastructure;

namespace SourceModel.Cli.Tests;

/// <summary>
/// A mutation fuzz pass over every configuration the command reads and the CSV inputs it parses itself: each seed file
/// is mutated many times (characters deleted, doubled or replaced, lines dropped or repeated, numbers replaced by
/// junk, huge, negative or non-finite values, brackets unbalanced, the file cut short) and loaded as the command would.
/// Every outcome must be a success or one of the errors the command reports as a line (file, line or key, what was
/// expected); anything else (an unhandled exception, a crash) fails, with the mutated text to reproduce it.
/// (The data readers of src/Sampling and the .inp reader of src/Coulomb have their own FsCheck mutation tests.)
/// </summary>
public sealed class ConfigFuzzTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Mutations per seed file, and the time bound of one seed's pass.</summary>
    private const int Mutations = 3000;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    /// <summary>The errors <see cref="Program"/> turns into one line and a non-zero exit.</summary>
    private static bool Reported(Exception e) => e is UserError or ArgumentException or FolderInUseException or InvalidDataException
        or IOException or UnauthorizedAccessException or Sampling.Import.DataFormatException or Coulomb.Inp.InpFormatException;

    private static string Mutate(string text, Random rng)
    {
        var lines = text.Split('\n').ToList();
        string[] junk = ["x", "", "-1", "0", "1e308", "-1e308", "nan", "inf", "[", "]", "{", "}", ":", "- ", "\"", "1e-320", "99999999999999999999", "[1, 2, 3]", "{a: 1}"];
        switch (rng.Next(8))
        {
            case 0 when text.Length > 0:
                return text.Remove(rng.Next(text.Length), 1);
            case 1 when text.Length > 0:
                int at = rng.Next(text.Length);
                return text.Insert(at, text[at].ToString());
            case 2 when lines.Count > 1:
                lines.RemoveAt(rng.Next(lines.Count));
                return string.Join('\n', lines);
            case 3 when lines.Count > 0:
                int k = rng.Next(lines.Count);
                lines.Insert(k, lines[k]);
                return string.Join('\n', lines);
            case 4:
                var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"-?\d+(\.\d+)?(e-?\d+)?");
                if (numbers.Count == 0) goto default;
                var m = numbers[rng.Next(numbers.Count)];
                return text[..m.Index] + junk[rng.Next(junk.Length)] + text[(m.Index + m.Length)..];
            case 5:
                return text[..rng.Next(text.Length + 1)];
            case 6 when text.Length > 0:
                int p = rng.Next(text.Length);
                return text[..p] + junk[rng.Next(junk.Length)] + text[(p + 1)..];
            default:
                int q = rng.Next(text.Length + 1);
                return text[..q] + "\n" + junk[rng.Next(junk.Length)] + text[q..];
        }
    }

    /// <summary>Mutates <paramref name="seed"/> (written to <paramref name="file"/>) and runs <paramref name="load"/> on
    /// each variant; returns how many variants were accepted and how many reported as errors.</summary>
    private (int Accepted, int Reported) Fuzz(string file, string seed, int rngSeed, Action load)
    {
        var rng = new Random(rngSeed);
        int accepted = 0, reported = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Mutations && clock.Elapsed < Budget; i++)
        {
            string text = seed;
            for (int n = rng.Next(1, 4); n > 0; n--) text = Mutate(text, rng);
            File.WriteAllText(file, text);
            try { load(); accepted++; }
            catch (Exception e) when (Reported(e)) { reported++; }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i} of {Path.GetFileName(file)} gave an unhandled {e.GetType().Name}: {e.Message}\n--- input ---\n{text}\n--- trace ---\n{e}");
            }
        }
        File.WriteAllText(file, seed);
        Assert.True(reported > 0, "no mutation was reported as an error: the fuzz pass did not reach the checks");
        return (accepted, reported);
    }

    [Fact]
    public void Geometry_and_uncertainty_configs_and_their_data_files_survive_mutation()
    {
        string config = UncertaintyCommandTests.Config(_cli, name: "g.yaml");
        var r = Fuzz(config, File.ReadAllText(config), 1, () => GeometryConfig.Load(config).Data.ImportAll());
        string data = _cli.PathOf("asc.csv");
        Fuzz(data, File.ReadAllText(data), 2, () => GeometryConfig.Load(config).Data.ImportAll());
        Console.WriteLine($"geometry config: {r.Accepted} accepted, {r.Reported} reported");
    }

    [Fact]
    public void The_pipeline_config_survives_mutation()
    {
        string config = _cli.PathOf("jiashi.yaml");
        Directory.CreateDirectory(_cli.PathOf("data"));
        Fuzz(config, JiashiExample.Config, 3, () => PipelineConfig.Load(config));
    }

    [Fact]
    public void Coulomb_forward_and_raw_okada_inputs_survive_mutation()
    {
        _cli.Write("slip.csv", "east_m,north_m,top_depth_m,length_m,width_m,strike_deg,dip_deg,strike_slip_m,dip_slip_m\n0,0,2000,20000,10000,90,40,0,2\n");
        string coulomb = _cli.Write("c.yaml", "sources: {slip_model: slip.csv}\nreceiver: {strike: 90, dip: 40, rake: 90}\nfriction: 0.4\n" +
            "grids: [{east_km: [-30, 30], north_km: [-30, 30], spacing_km: 5, depths_km: [8]}]\n" +
            "cross_sections: [{start_km: [0, 25], end_km: [0, -25], spacing_km: 5, depth_km: [0, 20], depth_spacing_km: 5}]\ncolour_limit_bar: 2\noutput: out\n");
        Fuzz(coulomb, File.ReadAllText(coulomb), 4, () => CoulombConfig.Load(coulomb));
        Fuzz(_cli.PathOf("slip.csv"), File.ReadAllText(_cli.PathOf("slip.csv")), 5, () => CoulombConfig.Load(coulomb));
        string faults = _cli.Write("f.yaml", "medium: {shear_modulus: 3e10, poisson: 0.25}\nfaults:\n  - {east: 0, north: 0, top_depth: 1000, length: 20000, width: 10000, strike: 30, dip: 60, rake: 90, slip: 1.5}\n" +
            "point_sources:\n  - {east: 5000, north: 0, depth: 3000, strike: 0, dip: 90, strike_potency: 1e6}\n");
        Fuzz(faults, File.ReadAllText(faults), 6, () => ForwardModel.Load(faults));
        string calls = _cli.Write("calls.csv", "ALPHA,X,Y,Z,DEPTH,DIP,AL1,AL2,AW1,AW2,DISL1,DISL2,DISL3,id\n0.6667,1,2,-1,10,70,-5,5,-3,3,1,0,0,a\n0.6667,-3,2.5,0,4,30,-2,2,-1,1,0,1,0,b\n");
        Fuzz(calls, File.ReadAllText(calls), 7, () => RawOkadaCalls.Run(calls, _cli.PathOf("calls-out.csv"), pointSource: false, TextWriter.Null));
    }
}
