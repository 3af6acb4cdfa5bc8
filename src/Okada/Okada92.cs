using SourceModel.Okada.Kernels;
using SourceModel.Okada.Simd;

namespace SourceModel.Okada;

/// <summary>
/// Okada (1992) DC3D and DC3D0 with Okada's arguments: displacement and its nine derivatives at any point of the
/// half-space z ≤ 0, in Okada's frame (x along strike, z up). Agrees with Okada's double-precision Fortran to
/// rounding in every branch (singular edges, negative edge extensions, vertical dips).
/// </summary>
/// <remarks>
/// Reference: Okada, Y. (1992), Internal deformation due to shear and tensile faults in a half-space,
/// Bull. Seismol. Soc. Am. 82(2), 1018–1040. Batch methods vectorise over points (Vector512 where the hardware
/// has it, else Vector256, with a scalar tail), run on all cores for large batches, and allocate nothing per point.
/// </remarks>
public static class Okada92
{
    /// <summary>DC3D at one point. A point above the surface or on a fault edge is a status, not an exception.</summary>
    /// <exception cref="ArgumentException">The source is invalid or a coordinate is not finite.</exception>
    public static DisplacementGradient Dc3d(in Dc3dSource source, double x, double y, double z)
    {
        source.Validate();
        CheckPoint(x, y, z);
        return Dc3dScalar(source, x, y, z);
    }

    /// <summary>DC3D0 (point source) at one point.</summary>
    /// <exception cref="ArgumentException">The source is invalid or a coordinate is not finite.</exception>
    public static DisplacementGradient Dc3d0(in Dc3d0Source source, double x, double y, double z)
    {
        source.Validate();
        CheckPoint(x, y, z);
        var k = new KernelConstants(source.Alpha, source.Dip);
        var w = new DislocationWeights(source.Pot1, source.Pot2, source.Pot3, source.Pot4);
        var u = Dc3d0Kernel.Evaluate(source, k, w, new ScalarLane(x), new ScalarLane(y), new ScalarLane(z),
            out var singular, out var above);
        return ToResult(u, singular, above);
    }

    /// <summary>DC3D for many points; <paramref name="output"/> must hold at least as many points.</summary>
    public static void Dc3d(in Dc3dSource source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        ReadOnlyMemory<double> z, GradientField output) =>
        Dc3dBatch(source, x, y, z, output, KernelPath.Auto, parallel: true);

    /// <summary>DC3D0 for many points.</summary>
    public static void Dc3d0(in Dc3d0Source source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        ReadOnlyMemory<double> z, GradientField output) =>
        Dc3d0Batch(source, x, y, z, output, KernelPath.Auto, parallel: true);

    /// <summary>DC3D summed over every patch of a plane grid, for many points (shared corners evaluated once).</summary>
    public static void Dc3dPlaneGrid(Dc3dPlaneGrid grid, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        ReadOnlyMemory<double> z, GradientField output) =>
        Dc3dPlaneGridBatch(grid, x, y, z, output, KernelPath.Auto, parallel: true);

    internal static void Dc3dPlaneGridBatch(Dc3dPlaneGrid grid, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        ReadOnlyMemory<double> z, GradientField output, KernelPath path, bool parallel)
    {
        ArgumentNullException.ThrowIfNull(grid);
        CheckBatch(x.Span, y.Span, z.Span, output);
        BatchRunner.Run(new PlaneGridJob(grid, x, y, z, output), x.Length, path, parallel);
    }

    internal static DisplacementGradient Dc3dScalar(in Dc3dSource s, double x, double y, double z)
    {
        var k = new KernelConstants(s.Alpha, s.Dip);
        var w = new DislocationWeights(s.Disl1, s.Disl2, s.Disl3);
        var u = Dc3dKernel.Evaluate(s, k, w, new ScalarLane(x), new ScalarLane(y), new ScalarLane(z),
            out var singular, out var above);
        return ToResult(u, singular, above);
    }

    internal static void Dc3dBatch(in Dc3dSource source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        ReadOnlyMemory<double> z, GradientField output, KernelPath path, bool parallel)
    {
        source.Validate();
        CheckBatch(x.Span, y.Span, z.Span, output);
        BatchRunner.Run(new Dc3dJob(source, x, y, z, output), x.Length, path, parallel);
    }

    internal static void Dc3d0Batch(in Dc3d0Source source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        ReadOnlyMemory<double> z, GradientField output, KernelPath path, bool parallel)
    {
        source.Validate();
        CheckBatch(x.Span, y.Span, z.Span, output);
        BatchRunner.Run(new Dc3d0Job(source, x, y, z, output), x.Length, path, parallel);
    }

    private static DisplacementGradient ToResult(in Gradient12<ScalarLane> u, ScalarLane singular, ScalarLane above)
    {
        var status = ScalarLane.Any(above) ? OkadaStatus.PositiveZ
            : ScalarLane.Any(singular) ? OkadaStatus.Singular : OkadaStatus.Normal;
        return new DisplacementGradient(u.Ux.V, u.Uy.V, u.Uz.V, u.Uxx.V, u.Uyx.V, u.Uzx.V,
            u.Uxy.V, u.Uyy.V, u.Uzy.V, u.Uxz.V, u.Uyz.V, u.Uzz.V, status);
    }

    internal static void CheckPoint(double x, double y, double z)
    {
        ArgumentChecks.Finite(x, "X");
        ArgumentChecks.Finite(y, "Y");
        ArgumentChecks.Finite(z, "Z");
    }

    internal static void CheckBatch(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, GradientField output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (y.Length != x.Length || z.Length != x.Length)
            throw new ArgumentException($"x, y and z must have the same length (got {x.Length}, {y.Length}, {z.Length}).", nameof(y));
        if (output.Count < x.Length)
            throw new ArgumentException($"The output holds {output.Count} points but {x.Length} were given.", nameof(output));
        ArgumentChecks.FiniteAll(x, "X");
        ArgumentChecks.FiniteAll(y, "Y");
        ArgumentChecks.FiniteAll(z, "Z");
    }

    private readonly struct Dc3dJob(Dc3dSource source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        ReadOnlyMemory<double> z, GradientField o) : ILaneJob
    {
        private readonly Dc3dSource _s = source;
        private readonly KernelConstants _k = new(source.Alpha, source.Dip);
        private readonly DislocationWeights _w = new(source.Disl1, source.Disl2, source.Disl3);

        public void Run<V>(int i) where V : struct, ILanes<V>
        {
            var u = Dc3dKernel.Evaluate(_s, _k, _w, V.Load(x.Span, i), V.Load(y.Span, i), V.Load(z.Span, i),
                out var singular, out var above);
            LaneStore.Store(u, singular, above, o, i);
        }
    }

    private readonly struct PlaneGridJob(Dc3dPlaneGrid grid, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        ReadOnlyMemory<double> z, GradientField o) : ILaneJob
    {
        private readonly KernelConstants _k = new(grid.Alpha, grid.Dip);

        public void Run<V>(int i) where V : struct, ILanes<V>
        {
            V px = V.Load(x.Span, i), py = V.Load(y.Span, i), pz = V.Load(z.Span, i);
            var u = PlaneGridKernel.Evaluate(grid, _k, px, py, pz, out var above, out bool nearPlane);
            V singular = V.Broadcast(0.0);
            if (nearPlane) u = PlaneGridKernel.PatchByPatch(grid, _k, px, py, pz, out singular, out above);
            LaneStore.Store(u, singular, above, o, i);
        }
    }

    private readonly struct Dc3d0Job(Dc3d0Source source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        ReadOnlyMemory<double> z, GradientField o) : ILaneJob
    {
        private readonly Dc3d0Source _s = source;
        private readonly KernelConstants _k = new(source.Alpha, source.Dip);
        private readonly DislocationWeights _w = new(source.Pot1, source.Pot2, source.Pot3, source.Pot4);

        public void Run<V>(int i) where V : struct, ILanes<V>
        {
            var u = Dc3d0Kernel.Evaluate(_s, _k, _w, V.Load(x.Span, i), V.Load(y.Span, i), V.Load(z.Span, i),
                out var singular, out var above);
            LaneStore.Store(u, singular, above, o, i);
        }
    }
}
