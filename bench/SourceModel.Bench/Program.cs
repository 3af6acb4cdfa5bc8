using BenchmarkDotNet.Running;

namespace SourceModel.Bench;

/// <summary>
/// `dotnet run -c Release --project bench/SourceModel.Bench -- [BenchmarkDotNet args]` runs the BenchmarkDotNet
/// suites; `-- throughput` runs the timed throughput report used for bench/RESULTS.md; `-- sampling` times the data
/// front end (1M-line LOS file, 5000×5000 quadtree, 2000-leaf covariance + Cholesky).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "throughput") return Throughput.Run(args.Skip(1).ToArray());
        if (args.Length > 0 && args[0] == "sampling") return SamplingTimings.Run();
        if (args.Length > 0 && args[0] == "coulomb") return CoulombTimings.Run();
        if (args.Length > 0 && args[0] == "report") return ReportTimings.Run();
        if (args.Length > 0 && args[0] == "geometry") return GeometryTimings.Run();
        if (args.Length > 0 && args[0] == "calibration") return UncertaintyCalibration.Run(args.Skip(1).ToArray());
        if (args.Length > 0 && args[0] == "reliability") return GeometryReliability.Run(args.Skip(1).ToArray());
        if (args.Length > 0 && args[0] == "slip") return SlipTimings.Run();
        if (args.Length > 0 && args[0] == "moments") return MomentCheckBench.Run(args.Skip(1).ToArray());
        if (args.Length > 0 && args[0] == "scale") return ScaleTest.Run(args.Skip(1).ToArray());
        if (args.Length > 0 && args[0] == "mcmc") return McmcTimings.Run();
        if (args.Length > 0 && args[0] == "mcmc-profile") return McmcProfile.Run();
        if (args.Length > 0 && args[0] == "montecarlo") return MonteCarloTimings.Run();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
