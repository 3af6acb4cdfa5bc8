using System.Runtime.InteropServices;

namespace SourceModel.Sampling.Noise;

/// <summary>
/// Optional dense kernels from the system's OpenBLAS (Debian <c>libopenblas0-pthread</c>): the Cholesky factorisation
/// (LAPACK dpotrf), its inverse (dpotri), the product AᵀB (BLAS dgemm, which forms the Gram matrix AᵀA) and packed symmetric
/// products (dspmv), whose register-blocked micro-kernels outrun our managed loops
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
    public static int Cholesky(double[] a, int n) => Cholesky(a, n, n);

    /// <summary>As <see cref="Cholesky(double[], int)"/> for rows <paramref name="stride"/> ≥ n apart.</summary>
    public static int Cholesky(double[] a, int n, int stride) => Potrf(a, n, stride, (byte)'U');

    /// <summary>In place: the upper triangle of row-major <paramref name="a"/> (n×n, rows <paramref name="stride"/> apart)
    /// becomes U with A = UᵀU (dpotrf on the column-major lower triangle); the lower triangle is neither read nor written.
    /// Returns 0 on success, or the 1-based index of the first non-positive pivot.</summary>
    public static int CholeskyUpper(double[] a, int n, int stride) => Potrf(a, n, stride, (byte)'L');

    /// <summary>dpotrf on the column-major triangle <paramref name="uplo"/> ('U' or 'L') with leading dimension
    /// <paramref name="stride"/>: 0, or the 1-based index of the first non-positive pivot.</summary>
    private static int Potrf(double[] a, int n, int stride, byte uplo)
    {
        int lda = Math.Max(1, stride);
        Potrf(ref uplo, ref n, a, ref lda, out int info, 1);
        if (info < 0) throw new InvalidOperationException($"dpotrf rejected argument {-info}.");
        return info;
    }

    /// <summary>In place: from the factor L of <see cref="Cholesky(double[], int)"/> (row-major lower triangle), the lower triangle of
    /// A⁻¹ (LAPACK dpotri).</summary>
    public static void InverseFromCholesky(double[] l, int n)
    {
        byte uplo = (byte)'U';
        int lda = Math.Max(1, n);
        Potri(ref uplo, ref n, l, ref lda, out int info, 1);
        if (info < 0) throw new InvalidOperationException($"dpotri rejected argument {-info}.");
        if (info > 0) throw new ArgumentException($"the factor has a zero on its diagonal (element {info}): the matrix is singular.");
    }

    /// <summary>y = M·x for a symmetric matrix stored as its lower triangle packed row by row (entry (i, j ≤ i) at
    /// i(i+1)/2 + j), BLAS dspmv: read column-major, that is the packed upper triangle.</summary>
    public static void PackedProduct(double[] packed, int n, double[] x, double[] y)
    {
        byte uplo = (byte)'U';
        double one = 1, zero = 0;
        int inc = 1;
        Spmv(ref uplo, ref n, ref one, packed, x, ref inc, ref zero, y, ref inc, 1);
    }

    /// <summary>C = Aᵀ·B for column-major A (k×m, from element <paramref name="a0"/> of <paramref name="a"/>) and B (k×n,
    /// from element <paramref name="b0"/>), C column-major m×n from element <paramref name="c0"/> of <paramref name="c"/>
    /// (BLAS dgemm).</summary>
    public static void ProductTransposed(double[] a, long a0, double[] b, long b0, int k, int m, int n, double[] c, long c0 = 0)
    {
        if (c.LongLength - c0 < (long)m * n) throw new ArgumentException($"the product needs {(long)m * n} entries from {c0}; the array has {c.LongLength}.");
        byte ta = (byte)'T', tb = (byte)'N';
        double one = 1, zero = 0;
        int lda = Math.Max(1, k), ldb = Math.Max(1, k), ldc = Math.Max(1, m);
        Gemm(ref ta, ref tb, ref m, ref n, ref k, ref one, ref a[a0], ref lda, ref b[b0], ref ldb, ref zero, ref c[c0], ref ldc, 1, 1);
    }

    /// <summary>The eigenvalues (ascending) of a symmetric n×n matrix given by the lower triangle of row-major
    /// <paramref name="a"/> from element <paramref name="a0"/> (overwritten), LAPACK dsyevd without eigenvectors.</summary>
    public static double[] SymmetricEigenvalues(double[] a, int n, long a0 = 0)
    {
        if (a.LongLength - a0 < (long)n * n) throw new ArgumentException($"an {n}x{n} matrix needs {(long)n * n} entries from {a0}; the array has {a.LongLength}.");
        byte jobz = (byte)'N', uplo = (byte)'U';
        int lda = Math.Max(1, n), lwork = -1, liwork = -1;
        var w = new double[n];
        var query = new double[1];
        var iquery = new int[1];
        Syevd(ref jobz, ref uplo, ref n, ref a[a0], ref lda, w, query, ref lwork, iquery, ref liwork, out int info, 1, 1);
        if (info != 0) throw new InvalidOperationException($"dsyevd workspace query failed ({info}).");
        lwork = (int)query[0];
        liwork = iquery[0];
        Syevd(ref jobz, ref uplo, ref n, ref a[a0], ref lda, w, new double[lwork], ref lwork, new int[liwork], ref liwork, out info, 1, 1);
        if (info != 0) throw new ArgumentException($"dsyevd did not converge ({info}).");
        return w;
    }

    /// <summary>In place: B ← L⁻¹B for the row-major lower factor L of <see cref="Cholesky(double[], int)"/> (n×n) and a
    /// column-major n×k block B (BLAS dtrsm on the column-major upper triangle Lᵀ, transposed).</summary>
    public static void ForwardSolve(double[] l, int n, double[] b, int k)
    {
        byte side = (byte)'L', uplo = (byte)'U', trans = (byte)'T', diag = (byte)'N';
        double one = 1;
        int lda = Math.Max(1, n), ldb = Math.Max(1, n);
        Trsm(ref side, ref uplo, ref trans, ref diag, ref n, ref k, ref one, l, ref lda, b, ref ldb, 1, 1, 1, 1);
    }

    [DllImport(Library, EntryPoint = "dtrsm_")]
    private static extern void Trsm(ref byte side, ref byte uplo, ref byte transa, ref byte diag, ref int m, ref int n, ref double alpha,
        [In] double[] a, ref int lda, [In, Out] double[] b, ref int ldb, nint sideLength, nint uploLength, nint transLength, nint diagLength);

    [DllImport(Library, EntryPoint = "dsyevd_")]
    private static extern void Syevd(ref byte jobz, ref byte uplo, ref int n, ref double a, ref int lda, [Out] double[] w,
        [Out] double[] work, ref int lwork, [Out] int[] iwork, ref int liwork, out int info, nint jobzLength, nint uploLength);

    [DllImport(Library, EntryPoint = "dspmv_")]
    private static extern void Spmv(ref byte uplo, ref int n, ref double alpha, [In] double[] ap, [In] double[] x, ref int incx,
        ref double beta, [In, Out] double[] y, ref int incy, nint uploLength);

    [DllImport(Library, EntryPoint = "dgemm_")]
    private static extern void Gemm(ref byte transa, ref byte transb, ref int m, ref int n, ref int k, ref double alpha, ref double a,
        ref int lda, ref double b, ref int ldb, ref double beta, ref double c, ref int ldc, nint transaLength, nint transbLength);

    [DllImport(Library, EntryPoint = "dpotrf_")]
    private static extern void Potrf(ref byte uplo, ref int n, [In, Out] double[] a, ref int lda, out int info, nint uploLength);

    [DllImport(Library, EntryPoint = "dpotri_")]
    private static extern void Potri(ref byte uplo, ref int n, [In, Out] double[] a, ref int lda, out int info, nint uploLength);
}
