using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using SourceModel.Okada;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Kernels;

namespace SourceModel.Bench;

/// <summary>
/// Timed throughput of the kernels, as reported in bench/RESULTS.md: each workload is first run for at least two
/// seconds (so the JIT's tiered code, including the thread-pool path, has settled), then timed 9 times; the median
/// is reported.
/// </summary>
public static class Throughput
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"# SourceModel throughput, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}, Vector512 accelerated: {Vector512.IsHardwareAccelerated}, Vector256: {Vector256.IsHardwareAccelerated}");
        Console.WriteLine();
        Console.WriteLine("| workload | path | threads | M evaluations/s | per core |");
        Console.WriteLine("|---|---|---|---|---|");

        var (e, n) = Workloads.SurfacePoints(Workloads.Points);
        var (x, y, z) = Workloads.InternalPoints(Workloads.Points);
        var medium = Workloads.Medium;

        double Rate(Action a, int evaluations) => evaluations / Median(a) / 1e6;
        void Row(string name, string path, int threads, double rate) =>
            Console.WriteLine(string.Create(inv, $"| {name} | {path} | {threads} | {rate:F2} | {rate / threads:F2} |"));

        foreach (var (path, label) in new[] { (KernelPath.Auto, "auto"), (KernelPath.Scalar, "scalar") })
        {
            var field = new SurfaceField(e.Length);
            double serial = Rate(() => SurfaceDisplacement.Add(Workloads.Fault, medium, e, n, field, path, parallel: false), e.Length);
            Row("surface displacement, rectangle (Okada 1985)", label, 1, serial);
            double pointRate = Rate(() => SurfaceDisplacement.Add(Workloads.PointSource, medium, e, n, field, path, parallel: false), e.Length);
            Row("surface displacement, point source", label, 1, pointRate);
            if (path == KernelPath.Auto)
            {
                double par = Rate(() => SurfaceDisplacement.Add(Workloads.Fault, medium, e, n, field, path, parallel: true), e.Length);
                Row("surface displacement, rectangle (Okada 1985)", label, Environment.ProcessorCount, par);
                Console.WriteLine(string.Create(inv, $"|   parallel efficiency | | | {100 * par / (serial * Environment.ProcessorCount):F0} % | |"));
            }
        }

        var output = new GradientField(x.Length);
        foreach (var comps in new[] { 1, 2, 3 })
        {
            var s = Workloads.Dc3d(comps);
            double serial = Rate(() => Okada92.Dc3dBatch(s, x, y, z, output, KernelPath.Auto, parallel: false), x.Length);
            Row($"DC3D full (u + 9 derivatives, internal), {comps} slip component(s)", "auto", 1, serial);
            if (comps == 2)
            {
                double par = Rate(() => Okada92.Dc3dBatch(s, x, y, z, output, KernelPath.Auto, parallel: true), x.Length);
                Row($"DC3D full, {comps} slip components", "auto", Environment.ProcessorCount, par);
                Console.WriteLine(string.Create(inv, $"|   parallel efficiency | | | {100 * par / (serial * Environment.ProcessorCount):F0} % | |"));
                double scalar = Rate(() => Okada92.Dc3dBatch(s, x, y, z, output, KernelPath.Scalar, parallel: false), x.Length);
                Row($"DC3D full, {comps} slip components", "scalar", 1, scalar);
            }
        }
        var atSurface = new GradientField(x.Length);
        var s2 = Workloads.Dc3d(2);
        Row("surface u + tilt/strain (Okada85), 2 slip components", "auto", 1,
            Rate(() => Okada85.RectangleBatch(s2, x, y, atSurface, KernelPath.Auto, parallel: false), x.Length));
        var zeros = new double[x.Length];
        Row("DC3D full at z = 0 (same output), 2 slip components", "auto", 1,
            Rate(() => Okada92.Dc3dBatch(s2, x, y, zeros, atSurface, KernelPath.Auto, parallel: false), x.Length));
        var p0 = new Dc3d0Source(2.0 / 3.0, 10e3, 60, 1, 0.5, 0, 0);
        Row("DC3D0 full (internal), 2 potencies", "auto", 1, Rate(() => Okada92.Dc3d0Batch(p0, x, y, z, output, KernelPath.Auto, parallel: false), x.Length));

        var (patches, ge, gn, los) = Workloads.Greens();
        SlipComponent[] components = [SlipComponent.StrikeSlip, SlipComponent.DipSlip];
        GreensMatrix.Build(patches, medium, ge, gn, los, components);  // warm-up
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var times = new List<double>();
        GreensMatrix? g = null;
        for (int rep = 0; rep < 5; rep++)
        {
            var sw = Stopwatch.StartNew();
            g = GreensMatrix.Build(patches, medium, ge, gn, los, components);
            times.Add(sw.Elapsed.TotalSeconds);
        }
        long allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 5;
        long matrixBytes = (long)g!.Rows * g.Columns * sizeof(double);
        times.Sort();
        Console.WriteLine();
        Console.WriteLine(string.Create(inv,
            $"Green's matrix, 2,000 LOS points × 1,000 patches × 2 components ({g.Rows} × {g.Columns}): median {times[2]:F3} s wall on {Environment.ProcessorCount} cores " +
            $"({2000.0 * 1000 / times[2] / 1e6 / Environment.ProcessorCount:F2} M patch-point pairs/s per core); allocated per build {allocated / 1e6:F1} MB = {(double)allocated / matrixBytes:F2} × the matrix ({matrixBytes / 1e6:F1} MB)."));
        return 0;
    }

    private static double Median(Action a)
    {
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 30 || warm.Elapsed.TotalSeconds < 2; i++) a();
        var t = new double[9];
        for (int i = 0; i < t.Length; i++)
        {
            var sw = Stopwatch.StartNew();
            a();
            t[i] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(t);
        return t[4];
    }
}
