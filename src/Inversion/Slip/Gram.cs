using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Slip;

/// <summary>
/// AᵀA and Aᵀb of a column-major matrix, the normal equations of a least-squares problem. Blocked so that each column
/// of A streams from memory once per block of 32 columns (kept in L2) instead of once per column; blocks run in
/// parallel.
/// </summary>
internal static class Gram
{
    private const int Block = 32;

    /// <summary>Row-major symmetric AᵀA (both triangles filled) of a column-major <paramref name="rows"/>×<paramref name="columns"/> matrix.</summary>
    public static double[] Of(double[] a, int rows, int columns)
    {
        if (NativeBlas.Available) return NativeBlas.Gram(a, rows, columns);
        return OfManaged(a, rows, columns);
    }

    /// <summary>The managed product (used without OpenBLAS, and by tests to compare the two).</summary>
    internal static double[] OfManaged(double[] a, int rows, int columns)
    {
        var g = new double[(long)columns * columns];
        int blocks = (columns + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            int i0 = b * Block, i1 = Math.Min(columns, i0 + Block);
            for (int j = 0; j < i1; j++)
            {
                var cj = a.AsSpan(j * rows, rows);
                int i = Math.Max(i0, j);
                for (; i + 4 <= i1; i += 4)
                {
                    Dot.Four(cj, a.AsSpan(i * rows, rows), a.AsSpan((i + 1) * rows, rows), a.AsSpan((i + 2) * rows, rows),
                        a.AsSpan((i + 3) * rows, rows), out double s0, out double s1, out double s2, out double s3);
                    g[(long)i * columns + j] = s0; g[(long)(i + 1) * columns + j] = s1;
                    g[(long)(i + 2) * columns + j] = s2; g[(long)(i + 3) * columns + j] = s3;
                }
                for (; i < i1; i++) g[(long)i * columns + j] = Dot.Of(cj, a.AsSpan(i * rows, rows));
            }
        });
        for (int i = 0; i < columns; i++)
            for (int j = 0; j < i; j++) g[(long)j * columns + i] = g[(long)i * columns + j];
        return g;
    }

    /// <summary>Aᵀb.</summary>
    public static double[] Times(double[] a, int rows, int columns, ReadOnlySpan<double> b)
    {
        var r = new double[columns];
        for (int j = 0; j < columns; j++) r[j] = Dot.Of(a.AsSpan(j * rows, rows), b);
        return r;
    }

    /// <summary>y = M·x − c (c null: y = M·x) for a row-major square matrix, rows split over the cores: the product
    /// every bounded solver repeats (gradients, line searches, power iteration).</summary>
    public static void Multiply(double[] m, int n, ReadOnlySpan<double> x, Span<double> y, double[]? c = null)
    {
        var input = x.ToArray();
        var output = new double[n];
        int workers = Math.Min(Environment.ProcessorCount, Math.Max(1, n / 64)), per = (n + workers - 1) / workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            for (int i = w * per; i < Math.Min(n, (w + 1) * per); i++)
                output[i] = Dot.Of(m.AsSpan((int)((long)i * n), n), input) - (c?[i] ?? 0);
        });
        output.CopyTo(y);
    }
}
