using System.Runtime.CompilerServices;

namespace SourceModel.Cli.Tests;

/// <summary>The test assemblies run side by side on two cores: one OpenBLAS thread each, so none starves the others
/// (or the headless browser) with spinning BLAS threads. Only rounding depends on the thread count.</summary>
internal static class OneBlasThread
{
#pragma warning disable CA2255 // a test assembly's own start-up, not a library's
    [ModuleInitializer]
    internal static void Limit() => SourceModel.Sampling.Noise.NativeBlas.LimitThreads(1);
#pragma warning restore CA2255
}
