using System.Diagnostics;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling.Noise;

namespace SourceModel.Cli.Infrastructure;

/// <summary>
/// How fast this machine runs the kinds of work every step is made of, measured once per process in under a second:
/// one rectangular dislocation at one surface point (the vectorised kernel of the misfit and of the Green's matrices, one
/// thread), one element of a dense matrix–vector product (the whitening of a residual), and dense factorisations
/// through the linear algebra the slip solver uses (OpenBLAS when present, else managed). Each is repeated for a
/// fraction of a second and the fastest of the later repetitions kept: the runtime first runs the kernel unoptimised
/// (ten times slower) and recompiles it after about 0.3 s of calls, and a busy moment should not count.
/// </summary>
internal static class MachineSpeed
{
    private static readonly Lazy<double> call = new(MeasureCall);
    private static readonly Lazy<double> flop = new(MeasureFlop);
    private static readonly Lazy<double> element = new(MeasureMatrixElement);

    /// <summary>Seconds for one rectangle at one point on one thread (strike- and dip-slip responses together).</summary>
    public static double SecondsPerCall => call.Value;

    /// <summary>Seconds per element of a dense matrix–vector product on one thread (memory-bound).</summary>
    public static double SecondsPerMatrixElement => element.Value;

    /// <summary>Seconds per dense double-precision floating-point operation (factorisations, all cores).</summary>
    public static double SecondsPerFlop => flop.Value;

    /// <summary>"85 ns per kernel call, 9.1 GFLOP/s (OpenBLAS)": what the estimates were scaled by.</summary>
    public static string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"measured now: {SecondsPerCall * 1e9:0} ns per kernel call, {SecondsPerMatrixElement * 1e9:0.##} ns per matrix element, {1e-9 / SecondsPerFlop:0.#} GFLOP/s ({(NativeBlas.Available ? "OpenBLAS" : "managed")})");

    private static double MeasureCall()
    {
        const int n = 512;
        var rng = new Random(1);
        double[] e = new double[n], nn = new double[n], ue = new double[n], un = new double[n], uu = new double[n], ss = new double[n], ds = new double[n];
        for (int i = 0; i < n; i++)
        {
            e[i] = rng.NextDouble() * 60e3 - 30e3;
            nn[i] = rng.NextDouble() * 60e3 - 30e3;
            (ue[i], un[i], uu[i]) = (-0.6, -0.1, 0.79);
        }
        var fault = new RectangularFault(0, 0, 2e3, 20e3, 10e3, 30, 50, new FaultSlip(1, 1));
        return Best(() => SurfaceDisplacement.AddProjectedComponents(fault, ElasticMedium.Default, e, nn, ue, un, uu, ss, ds), 0.5) / n;
    }

    private static double MeasureFlop()
    {
        const int n = 400;
        var rng = new Random(2);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) a[i * n + j] = 0.01 * rng.NextDouble();
            a[i * n + i] += n;
        }
        var work = new double[a.Length];
        double seconds = Best(() =>
        {
            Array.Copy(a, work, a.Length);
            if (NativeBlas.Available) NativeBlas.Cholesky(work, n);
            else MathNet.Numerics.LinearAlgebra.Double.DenseMatrix.OfColumnMajor(n, n, work).Cholesky();
        }, 0.15);
        return seconds / (n * (double)n * n / 3);
    }

    private static double MeasureMatrixElement()
    {
        const int n = 600;
        var a = new double[n * n];
        var x = new double[n];
        var y = new double[n];
        for (int k = 0; k < a.Length; k++) a[k] = 1.0 / (1 + k % 97);
        for (int i = 0; i < n; i++) x[i] = 1.0 / (1 + i);
        return Best(() =>
        {
            for (int i = 0; i < n; i++) y[i] = Dot(a.AsSpan(i * n, n), x);
        }, 0.1) / ((double)n * n);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = System.Numerics.Vector<double>.Zero;
        int w = System.Numerics.Vector<double>.Count, k = 0;
        for (; k + w <= a.Length; k += w) sum += new System.Numerics.Vector<double>(a[k..]) * new System.Numerics.Vector<double>(b[k..]);
        double s = System.Numerics.Vector.Sum(sum);
        for (; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }

    /// <summary>The fastest of the last quarter of the repetitions of <paramref name="work"/> within
    /// <paramref name="seconds"/>, s.</summary>
    private static double Best(Action work, double seconds)
    {
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 8 || total.Elapsed.TotalSeconds < seconds)
        {
            var clock = Stopwatch.StartNew();
            work();
            times.Add(clock.Elapsed.TotalSeconds);
            if (times.Count >= 10_000) break;
        }
        return Math.Max(times.Skip(3 * times.Count / 4).Min(), 1e-12);
    }
}
