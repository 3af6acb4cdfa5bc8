using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>A kernel applied to the register of points starting at index i.</summary>
internal interface IPointJob
{
    void Run<V>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, GradientField o, int i)
        where V : struct, ILanes<V>;
}

/// <summary>
/// Drives a point kernel over a batch: full registers of the chosen width, then the scalar tail; large batches
/// are cut into chunks run on all cores. Nothing is allocated per point.
/// </summary>
internal static class BatchRunner
{
    public static void Run<TJob>(ref TJob job, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y,
        ReadOnlyMemory<double> z, GradientField o, KernelPath path, bool parallel)
        where TJob : struct, IPointJob
    {
        int n = x.Length;
        path = KernelPaths.Resolve(path);
        int chunk = Okada92.ParallelChunk;
        if (!parallel || n <= 2 * chunk || Environment.ProcessorCount == 1)
        {
            RunRange(job, x.Span, y.Span, z.Span, o, 0, n, path);
            return;
        }
        int chunks = (n + chunk - 1) / chunk;
        TJob local = job;
        Parallel.For(0, chunks, c =>
        {
            int start = c * chunk;
            RunRange(local, x.Span, y.Span, z.Span, o, start, Math.Min(n, start + chunk), path);
        });
    }

    private static void RunRange<TJob>(in TJob job, ReadOnlySpan<double> x, ReadOnlySpan<double> y,
        ReadOnlySpan<double> z, GradientField o, int start, int end, KernelPath path)
        where TJob : struct, IPointJob
    {
        switch (path)
        {
            case KernelPath.Vector512: Range<TJob, Vector512Lanes>(job, x, y, z, o, start, end); break;
            case KernelPath.Vector256: Range<TJob, Vector256Lanes>(job, x, y, z, o, start, end); break;
            default: Range<TJob, ScalarLane>(job, x, y, z, o, start, end); break;
        }
    }

    private static void Range<TJob, V>(in TJob job, ReadOnlySpan<double> x, ReadOnlySpan<double> y,
        ReadOnlySpan<double> z, GradientField o, int start, int end)
        where TJob : struct, IPointJob
        where V : struct, ILanes<V>
    {
        int i = start;
        for (; i + V.Count <= end; i += V.Count) job.Run<V>(x, y, z, o, i);
        for (; i < end; i++) job.Run<ScalarLane>(x, y, z, o, i);
    }
}
