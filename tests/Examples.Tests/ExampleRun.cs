using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SourceModel.Examples.Tests;

/// <summary>One teaching example run exactly as its header says (<c>dotnet run examples/NN-….cs</c> from the
/// repository root): its printed <c>key = value</c> lines, and its HTML page.</summary>
internal sealed partial record ExampleRun(string Name, IReadOnlyDictionary<string, string> Values, string Output, string Html)
{
    private static readonly Dictionary<string, ExampleRun> Cache = [];
    private static readonly Lock Gate = new();

    /// <summary>Runs (once per test process) the example whose file name starts with <paramref name="number"/>.</summary>
    public static ExampleRun Of(string number)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(number, out var done)) return done;
            string root = SharedData.RepositoryRoot;
            string file = Directory.GetFiles(Path.Combine(root, "examples"), $"{number}-*.cs").Single();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in new[] { "run", Path.Combine("examples", Path.GetFileName(file)) }) start.ArgumentList.Add(a);
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var p = Process.Start(start)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException($"{file} did not finish in 5 minutes."); }
            string output = stdout.Result;
            Assert.True(p.ExitCode == 0, $"dotnet run {file} exited with {p.ExitCode}:\n{output}\n{stderr.Result}");
            var values = new Dictionary<string, string>();
            foreach (Match m in Line().Matches(output)) values[m.Groups[1].Value] = m.Groups[2].Value.Trim();
            Assert.True(values.TryGetValue("report", out string? html), $"{file} printed no 'report = …' line:\n{output}");
            var run = new ExampleRun(Path.GetFileNameWithoutExtension(file), values, output, Path.Combine(root, html));
            Cache[number] = run;
            return run;
        }
    }

    /// <summary>A printed number.</summary>
    public double this[string key] => Values.TryGetValue(key, out string? v)
        ? double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)
        : throw new KeyNotFoundException($"{Name} printed no '{key} = …' line:\n{Output}");

    [GeneratedRegex(@"^([A-Za-z0-9_.\-]+) = (.+)$", RegexOptions.Multiline)]
    private static partial Regex Line();
}
