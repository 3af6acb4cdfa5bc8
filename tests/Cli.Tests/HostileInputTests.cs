using System.Diagnostics;
using System.Globalization;

namespace SourceModel.Cli.Tests;

/// <summary>The hostile-input probes of issue 21 that used to crash, hang or write numbers that are not numbers: each
/// now gives one clear line and a non-zero exit, or a status that says what happened.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_config_nested_forty_thousand_deep_is_refused_with_its_line_not_a_stack_overflow()
    {
        string deep = _cli.Write("deep.yaml", "output: run\ndatasets: " + new string('[', 40_000) + new string(']', 40_000) + "\n");
        foreach (var args in new[] { new[] { "config", "check", deep }, ["run", deep] })
        {
            var (code, _, err) = _cli.Run(args);
            Assert.Equal(1, code);
            Assert.Contains("deep.yaml:2: nested deeper than a configuration can be", err);
        }
        string indented = _cli.Write("indented.yaml", "a:\n" + string.Concat(Enumerable.Range(1, 2000).Select(k => new string(' ', k) + "b:\n")));
        var (c2, _, e2) = _cli.Run("config", "check", indented);
        Assert.Equal(1, c2);
        Assert.Contains("nested deeper than a configuration can be", e2);
    }

    [Fact]
    public void A_noise_model_on_a_dataset_too_big_for_a_dense_covariance_is_refused_before_it_is_built()
    {
        // 60,000 points: a 60,000² covariance with its factor is 86 GB. Built, it would exhaust the machine.
        var los = Okada.Forward.LosVector.FromIncidenceAndHeading(39, -12);
        var e = Enumerable.Range(0, 60_000).Select(k => 100.0 * (k % 300)).ToList();
        var n = Enumerable.Range(0, 60_000).Select(k => 100.0 * (k / 300)).ToList();
        string data = _cli.Write("dense.csv", LocalLosCsv.Text(e, n, new double[e.Count], los, 0.005));
        string config = _cli.Write("study.yaml", $"""
            output: run
            datasets:
            {LocalLosCsv.Declaration("asc", data)}
                noise: {"{"}model: exponential, sigma_m: 0.005, range_m: 4000{"}"}
            """);
        var (code, _, err) = _cli.Run("config", "check", config);
        Assert.Equal(1, code);
        Assert.Contains("study.yaml: dataset 'asc': its noise covariance is a dense 60,000 × 60,000 matrix needing about 80.5 GB", err);
        Assert.Contains("downsample it", err);
        Assert.False(Directory.Exists(_cli.PathOf("run")));
    }

    [Fact]
    public void A_dataset_naming_a_device_or_a_named_pipe_is_refused_without_reading_it()
    {
        string fifo = _cli.PathOf("pipe.csv");
        using (var mk = Process.Start("mkfifo", [fifo])) mk.WaitForExit();
        Assert.True(File.Exists(fifo));
        foreach (string special in new[] { "/dev/urandom", fifo })
        {
            string config = _cli.Write("study.yaml", $"""
                output: run
                datasets:
                {LocalLosCsv.Declaration("asc", special)}
                """);
            var clock = Stopwatch.StartNew();
            var (code, _, err) = _cli.Run("config", "check", config);
            Assert.Equal(1, code);
            Assert.Contains($"{special}: is empty or not a regular file (a device or a named pipe has no size)", err);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "refused without blocking on the pipe");
        }
        var (c2, _, e2) = _cli.Run("okada", "dc3d", "--in", "/dev/urandom", "--out", _cli.PathOf("o.csv"));
        Assert.Equal(1, c2);
        Assert.Contains("not a regular file", e2);
        Assert.False(File.Exists(_cli.PathOf("o.csv")));
    }

    [Fact]
    public void Raw_okada_calls_beyond_floating_point_range_are_refused_or_flagged_never_iret_zero()
    {
        const string header = "ALPHA,X,Y,Z,DEPTH,DIP,AL1,AL2,AW1,AW2,DISL1,DISL2,DISL3";
        string far = _cli.Write("far.csv", header + "\n0.6667,1e154,0,0,10,70,-5,5,-3,3,1,0,0\n");
        var (code, _, err) = _cli.Run("okada", "dc3d", "--in", far, "--out", _cli.PathOf("far-out.csv"));
        Assert.Equal(1, code);
        Assert.Contains("far.csv:2: column X: |1E+154| is beyond the kernel's range (at most 1e50", err);
        Assert.False(File.Exists(_cli.PathOf("far-out.csv")));
        foreach (string column in new[] { "DEPTH", "AL2", "Z" })
        {
            string[] v = ["0.6667", "1", "2", "-1", "10", "70", "-5", "5", "-3", "3", "1", "0", "0"];
            v[Array.IndexOf(header.Split(','), column)] = column == "Z" ? "-1e300" : "1e300";
            (code, _, err) = _cli.Run("okada", "dc3d", "--in", _cli.Write("big.csv", header + "\n" + string.Join(',', v) + "\n"), "--out", _cli.PathOf("big-out.csv"));
            Assert.Equal(1, code);
            Assert.Contains($"column {column}:", err);
        }
        // Within range but a slip that overflows: the call is made and flagged (IRET 3), never IRET 0 with NaN.
        string huge = _cli.Write("huge.csv", header + "\n0.6667,1,2,-1,10,70,-5,5,-3,3,1e308,1e308,0\n0.6667,1,2,-1,10,70,-5,5,-3,3,1,0,0\n");
        (code, var output, err) = _cli.Run("okada", "dc3d", "--in", huge, "--out", _cli.PathOf("huge-out.csv"));
        Assert.True(code == 0, err);
        var rows = File.ReadAllLines(_cli.PathOf("huge-out.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Contains(rows[0][..^1], v => !double.IsFinite(double.Parse(v, CultureInfo.InvariantCulture)));
        Assert.Equal("3", rows[0][^1]);
        Assert.Equal("0", rows[1][^1]);
        Assert.Contains("1 call(s) gave results that are not finite numbers", output);
    }

    [Fact]
    public void A_forward_source_beyond_the_physical_range_is_refused_with_the_allowed_range()
    {
        string faults = _cli.Write("faults.yaml", "faults:\n  - {east: 0, north: 0, top_depth: 1000, length: 1e300, width: 10000, strike: 30, dip: 60, rake: 90, slip: 1.5}\n");
        var (code, _, err) = _cli.Run("forward", "--faults", faults, "--grid", "-1000,1000,-1000,1000,1000", "--out", _cli.PathOf("f.csv"));
        Assert.Equal(1, code);
        Assert.Contains("length: 1E+300 m is beyond the physical range (|value| at most 1e7 m)", err);
        Assert.False(File.Exists(_cli.PathOf("f.csv")));
        File.WriteAllText(faults, "faults:\n  - {east: 0, north: 0, top_depth: 1000, length: 10000, width: 10000, strike: 30, dip: 60, rake: 90, slip: 1e200}\n");
        (code, _, err) = _cli.Run("forward", "--faults", faults, "--grid", "-1000,1000,-1000,1000,1000", "--out", _cli.PathOf("f.csv"));
        Assert.Equal(1, code);
        Assert.Contains("beyond the physical range (at most 1,000 m)", err);
    }
}
