using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>Which instantiation of the kernels a driver runs (tests force each one; <see cref="Auto"/> picks the widest accelerated).</summary>
internal enum KernelPath
{
    Auto,
    Scalar,
    Vector256,
    Vector512,
}

internal static class KernelPaths
{
    /// <summary>The path <see cref="KernelPath.Auto"/> resolves to on this machine.</summary>
    public static KernelPath Resolve(KernelPath path) => path switch
    {
        KernelPath.Auto when Vector512Lanes.IsHardwareAccelerated => KernelPath.Vector512,
        KernelPath.Auto when Vector256Lanes.IsHardwareAccelerated => KernelPath.Vector256,
        KernelPath.Auto => KernelPath.Scalar,
        _ => path,
    };
}
