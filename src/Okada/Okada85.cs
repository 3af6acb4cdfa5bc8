using SourceModel.Okada.Kernels;
using SourceModel.Okada.Simd;

namespace SourceModel.Okada;

/// <summary>
/// The free surface z = 0: displacement and its derivatives (tilt, horizontal strain) from the Okada (1985) closed
/// forms, about 2.8× faster than DC3D at z = 0 (bench/RESULTS.md) and equal to it to rounding. Arguments and outputs are DC3D's
/// (Okada's frame, x along strike). The z-derivatives, which Okada (1985) does not give, follow from the traction-free
/// surface (σxz = σyz = σzz = 0): ∂ux/∂z = −∂uz/∂x, ∂uy/∂z = −∂uz/∂y, ∂uz/∂z = −(2α − 1)(∂ux/∂x + ∂uy/∂y), with
/// 2α − 1 = λ/(λ + 2μ).
/// </summary>
/// <remarks>Reference: Okada, Y. (1985), Surface deformation due to shear and tensile faults in a half-space,
/// Bull. Seismol. Soc. Am. 75(4), 1135–1154.</remarks>
public static class Okada85
{
    /// <summary>Rectangle at surface points (x, y). A point on the trace of a surface-breaking fault is singular.</summary>
    public static void Surface(in Dc3dSource source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y, GradientField output) =>
        RectangleBatch(source, x, y, output, KernelPath.Auto, parallel: true);

    /// <summary>Point source at surface points (x, y).</summary>
    public static void Surface(in Dc3d0Source source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y, GradientField output) =>
        PointBatch(source, x, y, output, KernelPath.Auto, parallel: true);

    internal static void RectangleBatch(in Dc3dSource source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        GradientField output, KernelPath path, bool parallel)
    {
        source.Validate();
        Check(x.Span, y.Span, output);
        BatchRunner.Run(new RectangleJob(source, x, y, output), x.Length, path, parallel);
    }

    internal static void PointBatch(in Dc3d0Source source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        GradientField output, KernelPath path, bool parallel)
    {
        source.Validate();
        Check(x.Span, y.Span, output);
        BatchRunner.Run(new PointJob(source, x, y, output), x.Length, path, parallel);
    }

    private static void Check(ReadOnlySpan<double> x, ReadOnlySpan<double> y, GradientField output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (y.Length != x.Length)
            throw new ArgumentException($"x and y must have the same length (got {x.Length}, {y.Length}).", nameof(y));
        if (output.Count < x.Length)
            throw new ArgumentException($"The output holds {output.Count} points but {x.Length} were given.", nameof(output));
        ArgumentChecks.FiniteAll(x, "X");
        ArgumentChecks.FiniteAll(y, "Y");
    }

    /// <summary>Fills the z-derivatives from the traction-free conditions and stores the register.</summary>
    private static void CompleteAndStore<V>(ref Gradient12<V> u, double alpha, V singular, GradientField o, int i)
        where V : struct, ILanes<V>
    {
        u.Uxz = -u.Uzx;
        u.Uyz = -u.Uzy;
        u.Uzz = (u.Uxx + u.Uyy) * (1.0 - 2.0 * alpha);
        LaneStore.Store(u, singular, V.Broadcast(0.0), o, i);
    }

    private readonly struct RectangleJob(Dc3dSource source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        GradientField o) : ILaneJob
    {
        private readonly Dc3dSource _s = source;
        private readonly KernelConstants _k = new(source.Alpha, source.Dip);
        private readonly DislocationWeights _w = new(source.Disl1, source.Disl2, source.Disl3);

        public void Run<V>(int i) where V : struct, ILanes<V>
        {
            var u = SurfaceRectangleKernel.Evaluate<V, On>(_s, _k, _w, V.Load(x.Span, i), V.Load(y.Span, i), out var singular);
            CompleteAndStore(ref u, _s.Alpha, singular, o, i);
        }
    }

    private readonly struct PointJob(Dc3d0Source source, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        GradientField o) : ILaneJob
    {
        private readonly Dc3d0Source _s = source;
        private readonly KernelConstants _k = new(source.Alpha, source.Dip);
        private readonly DislocationWeights _w = new(source.Pot1, source.Pot2, source.Pot3, source.Pot4);

        public void Run<V>(int i) where V : struct, ILanes<V>
        {
            var u = SurfacePointKernel.Evaluate<V, On>(_s, _k, _w, V.Load(x.Span, i), V.Load(y.Span, i), out var singular);
            CompleteAndStore(ref u, _s.Alpha, singular, o, i);
        }
    }
}
