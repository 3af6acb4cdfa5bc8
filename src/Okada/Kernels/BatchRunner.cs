using System.Runtime.CompilerServices;
using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>A kernel applied to the register of points that starts at index <c>i</c>.</summary>
internal interface ILaneJob
{
    void Run<V>(int i) where V : struct, ILanes<V>;
}

/// <summary>
/// Drives a point kernel over a batch: full registers of the chosen width, then the scalar tail; large batches
/// are cut into chunks run on all cores. Nothing is allocated per point.
/// </summary>
internal static class BatchRunner
{
    /// <summary>Points per parallel work item: large enough to amortise scheduling, small enough to balance.</summary>
    public const int ParallelChunk = 1024;

    /// <summary>One worker per core: the kernels are compute-bound, a worker more only adds switching.</summary>
    public static readonly ParallelOptions CoreBound = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    public static void Run<TJob>(TJob job, int count, KernelPath path, bool parallel)
        where TJob : struct, ILaneJob
    {
        path = KernelPaths.Resolve(path);
        if (!parallel || count <= 2 * ParallelChunk || Environment.ProcessorCount == 1)
        {
            RunRange(job, 0, count, path);
            return;
        }
        int chunks = (count + ParallelChunk - 1) / ParallelChunk;
        Parallel.For(0, chunks, CoreBound, c =>
        {
            int start = c * ParallelChunk;
            RunRange(job, start, Math.Min(count, start + ParallelChunk), path);
        });
    }

    /// <summary>Runs [start, end) on the calling thread.</summary>
    public static void RunRange<TJob>(TJob job, int start, int end, KernelPath path)
        where TJob : struct, ILaneJob
    {
        switch (KernelPaths.Resolve(path))
        {
            case KernelPath.Vector512: Range<TJob, Vector512Lanes>(job, start, end); break;
            case KernelPath.Vector256: Range<TJob, Vector256Lanes>(job, start, end); break;
            default: Range<TJob, ScalarLane>(job, start, end); break;
        }
    }

    // Full optimisation from the first call: tiered PGO otherwise makes run-to-run inlining decisions in these very
    // large kernels, and the code quality (and speed) varied by a factor of two between processes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Range<TJob, V>(TJob job, int start, int end)
        where TJob : struct, ILaneJob
        where V : struct, ILanes<V>
    {
        int i = start;
        for (; i + V.Count <= end; i += V.Count) job.Run<V>(i);
        for (; i < end; i++) job.Run<ScalarLane>(i);
    }
}
