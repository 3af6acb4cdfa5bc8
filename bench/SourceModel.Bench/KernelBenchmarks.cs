using BenchmarkDotNet.Attributes;
using SourceModel.Okada;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Kernels;

namespace SourceModel.Bench;

/// <summary>Per-evaluation cost of the kernels on one core (OperationsPerInvoke = number of points).</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private double[] _e = [], _n = [], _x = [], _y = [], _z = [];
    private SurfaceField _field = null!;
    private GradientField _out = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_e, _n) = Workloads.SurfacePoints(Workloads.Points);
        (_x, _y, _z) = Workloads.InternalPoints(Workloads.Points);
        _field = new SurfaceField(Workloads.Points);
        _out = new GradientField(Workloads.Points);
    }

    [Benchmark(OperationsPerInvoke = Workloads.Points)]
    public void SurfaceRectangle() =>
        SurfaceDisplacement.Add(Workloads.Fault, Workloads.Medium, _e, _n, _field, KernelPath.Auto, parallel: false);

    [Benchmark(OperationsPerInvoke = Workloads.Points)]
    public void SurfacePoint() =>
        SurfaceDisplacement.Add(Workloads.PointSource, Workloads.Medium, _e, _n, _field, KernelPath.Auto, parallel: false);

    [Benchmark(OperationsPerInvoke = Workloads.Points)]
    public void Dc3dFullTwoComponents() =>
        Okada92.Dc3dBatch(Workloads.Dc3d(2), _x, _y, _z, _out, KernelPath.Auto, parallel: false);

    [Benchmark(OperationsPerInvoke = Workloads.Points)]
    public void Dc3dFullThreeComponents() =>
        Okada92.Dc3dBatch(Workloads.Dc3d(3), _x, _y, _z, _out, KernelPath.Auto, parallel: false);
}

/// <summary>The Green's matrix target: 2,000 LOS points × 1,000 patches × 2 components, all cores.</summary>
[MemoryDiagnoser]
public class GreensMatrixBenchmarks
{
    private (Okada.Geometry.RectangularFault[] Patches, double[] East, double[] North, (double[], double[], double[]) Los) _w;

    [GlobalSetup]
    public void Setup() => _w = Workloads.Greens();

    [Benchmark]
    public GreensMatrix Build() => GreensMatrix.Build(_w.Patches, Workloads.Medium, _w.East, _w.North, _w.Los,
        [SlipComponent.StrikeSlip, SlipComponent.DipSlip]);
}
