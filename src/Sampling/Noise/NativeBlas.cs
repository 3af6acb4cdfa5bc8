using System.Runtime.InteropServices;

namespace SourceModel.Sampling.Noise;

/// <summary>
/// Optional dense kernels from the system's OpenBLAS (Debian <c>libopenblas0-pthread</c>): the Cholesky factorisation
/// (LAPACK dpotrf) and the Gram product AᵀA (BLAS dsyrk), whose register-blocked micro-kernels outrun our managed loops
/// (bench/RESULTS.md: the 1,000-patch, 20-weight L-curve takes 8.6–9.1 s with it, 26.5 s without). Used only when the library loads;
/// every caller keeps the managed path, which gives the same result to rounding. Set the environment variable
/// <c>SOURCEMODEL_BLAS=managed</c> to force the managed path (tests compare the two).
/// </summary>
/// <remarks>LAPACK is column-major: the lower triangle of our row-major matrix is, read column-major, the upper
/// triangle of the same symmetric matrix, so the calls ask for 'U' and leave our row-major L.</remarks>
public static class NativeBlas
{
    private const string Library = "libopenblas.so.0";

    private static readonly Lazy<bool> Loaded = new(() =>
        !string.Equals(Environment.GetEnvironmentVariable("SOURCEMODEL_BLAS"), "managed", StringComparison.OrdinalIgnoreCase)
        && NativeLibrary.TryLoad(Library, typeof(NativeBlas).Assembly, null, out _));

    /// <summary>True when the native library was found (and not disabled).</summary>
    public static bool Available => Loaded.Value;

    /// <summary>The library in use, for logs and benchmark records.</summary>
    public static string Description => Available ? $"OpenBLAS ({Library})" : "managed (no OpenBLAS found)";

    /// <summary>
    /// Caps OpenBLAS's own threads (no-op without it). Its idle threads spin before they sleep, so several processes
    /// that each run two BLAS threads on a two-core machine (test assemblies in parallel, a browser beside them) starve
    /// each other; one thread per process is the usual remedy there. Standalone runs keep the default (all cores).
    /// </summary>
    public static void LimitThreads(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "at least one thread.");
        if (Available) SetThreads(threads);
    }

    [DllImport(Library, EntryPoint = "openblas_set_num_threads")]
    private static extern void SetThreads(int threads);

    /// <summary>In place: the lower triangle of row-major <paramref name="a"/> (n×n) becomes L with A = L·Lᵀ.
    /// Returns 0 on success, or the 1-based index of the first non-positive pivot.</summary>
    public static int Cholesky(double[] a, int n)
    {
        byte uplo = (byte)'U';
        int lda = Math.Max(1, n);
        Potrf(ref uplo, ref n, a, ref lda, out int info, 1);
        if (info < 0) throw new InvalidOperationException($"dpotrf rejected argument {-info}.");
        return info;
    }

    /// <summary>In place: from the factor L of <see cref="Cholesky"/> (row-major lower triangle), the lower triangle of
    /// A⁻¹ (LAPACK dpotri).</summary>
    public static void InverseFromCholesky(double[] l, int n)
    {
        byte uplo = (byte)'U';
        int lda = Math.Max(1, n);
        Potri(ref uplo, ref n, l, ref lda, out int info, 1);
        if (info < 0) throw new InvalidOperationException($"dpotri rejected argument {-info}.");
        if (info > 0) throw new ArgumentException($"the factor has a zero on its diagonal (element {info}): the matrix is singular.");
    }

    /// <summary>Row-major symmetric AᵀA (both triangles) of a column-major rows×columns matrix.</summary>
    public static double[] Gram(double[] a, int rows, int columns)
    {
        var c = new double[(long)columns * columns];
        byte uplo = (byte)'U', trans = (byte)'T';
        double one = 1, zero = 0;
        int n = columns, k = rows, lda = Math.Max(1, rows), ldc = Math.Max(1, columns);
        Syrk(ref uplo, ref trans, ref n, ref k, ref one, a, ref lda, ref zero, c, ref ldc, 1, 1);
        // Column-major upper = row-major lower; mirror it.
        for (int i = 0; i < columns; i++)
            for (int j = 0; j < i; j++) c[(long)j * columns + i] = c[(long)i * columns + j];
        return c;
    }

    [DllImport(Library, EntryPoint = "dpotrf_")]
    private static extern void Potrf(ref byte uplo, ref int n, [In, Out] double[] a, ref int lda, out int info, nint uploLength);

    [DllImport(Library, EntryPoint = "dpotri_")]
    private static extern void Potri(ref byte uplo, ref int n, [In, Out] double[] a, ref int lda, out int info, nint uploLength);

    [DllImport(Library, EntryPoint = "dsyrk_")]
    private static extern void Syrk(ref byte uplo, ref byte trans, ref int n, ref int k, ref double alpha, [In] double[] a, ref int lda,
        ref double beta, [In, Out] double[] c, ref int ldc, nint uploLength, nint transLength);
}
