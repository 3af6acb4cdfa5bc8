using System.Diagnostics;
using SourceModel.Tests.Shared;

namespace SourceModel.Cli.Tests;

/// <summary>`sourcemodel` as a .NET tool: packed from the built command and installed from a local folder, exactly as
/// the README tells users to, then run.</summary>
public sealed class DotnetToolTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_packed_tool_installs_from_a_local_folder_and_writes_a_report()
    {
        // The configuration these tests were built in (Release in CI): pack it without rebuilding what other tests run.
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        string project = Path.Combine(SharedData.RepositoryRoot, "src", "Cli", "SourceModel.Cli.csproj");
        string packages = _cli.PathOf("packages"), tools = _cli.PathOf("tools");
        var pack = Dotnet(["pack", project, "-c", configuration, "--no-build", "-o", packages]);
        Assert.True(pack.Code == 0, pack.Output);
        Assert.Single(Directory.GetFiles(packages, "SourceModel.Cli.*.nupkg"));
        var install = Dotnet(["tool", "install", "SourceModel.Cli", "--tool-path", tools, "--add-source", packages]);
        Assert.True(install.Code == 0, install.Output);
        Assert.Contains("sourcemodel", install.Output);

        string html = _cli.PathOf("tool.html");
        var run = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "sourcemodel.exe" : "sourcemodel"), ["forward", "--example", "--html", html]);
        Assert.True(run.Code == 0, run.Output);
        Assert.Contains("Mw", run.Output);
        Assert.Contains("plotly.js v", File.ReadAllText(html));
    }

    private static (int Code, string Output) Dotnet(string[] args) => Run("dotnet", args);

    private static (int Code, string Output) Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000)) { p.Kill(true); return (-1, "timed out after 300 s\n" + stdout.Result + stderr.Result); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
