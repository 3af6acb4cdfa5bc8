using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Slip;

/// <summary>
/// Cholesky factorisation of a sparse symmetric positive definite matrix in profile (skyline) storage after a reverse
/// Cuthill–McKee ordering: each row keeps the entries from its first non-zero to the diagonal, where all fill-in of a
/// banded matrix falls. For the roughness HᵀH of a fault of p patches (a 2-D grid Laplacian, squared) the profile is
/// about 2p × (2 × patches down dip) entries, so factor and solves cost milliseconds where the dense factor costs seconds.
/// </summary>
internal sealed class SkylineCholesky
{
    private readonly int[] _order;     // position → index into the factored set
    private readonly int[] _first;     // first stored column of each row (factored order)
    private readonly long[] _start;    // row i's entries [first_i, i] from _start[i]
    private readonly double[] _l;

    private SkylineCholesky(int[] order, int[] first, long[] start, double[] l) => (_order, _first, _start, _l) = (order, first, start, l);

    /// <summary>Size of the factored matrix.</summary>
    public int Size => _order.Length;

    /// <summary>ln|A|.</summary>
    public double LogDeterminant { get; private init; }

    /// <summary>Stored entries of the factor.</summary>
    public long ProfileSize => _l.LongLength;

    /// <summary>The factor of the principal submatrix of <paramref name="a"/> on <paramref name="index"/> (increasing), or
    /// null when that submatrix is not positive definite.</summary>
    public static SkylineCholesky? TryFactor(SparseSymmetric a, int[] index)
    {
        int n = index.Length;
        var position = new int[a.Size];
        Array.Fill(position, -1);
        for (int k = 0; k < n; k++) position[index[k]] = k;
        // Adjacency within the set.
        var neighbours = new List<int>[n];
        for (int k = 0; k < n; k++)
        {
            neighbours[k] = [];
            foreach (var (j, _) in a.Row(index[k]))
                if (position[j] is int l and >= 0 && l != k) neighbours[k].Add(l);
        }
        var order = ReverseCuthillMcKee(neighbours);
        var rank = new int[n];
        for (int k = 0; k < n; k++) rank[order[k]] = k;
        var first = new int[n];
        var start = new long[n + 1];
        for (int i = 0; i < n; i++)
        {
            int f = i;
            foreach (int l in neighbours[order[i]]) f = Math.Min(f, rank[l]);
            first[i] = f;
            start[i + 1] = start[i] + (i - f + 1);
        }
        var l0 = new double[start[n]];
        for (int i = 0; i < n; i++)
            foreach (var (j, v) in a.Row(index[order[i]]))
                if (position[j] is int q and >= 0 && rank[q] <= i) l0[start[i] + rank[q] - first[i]] = v;
        double logDet = 0;
        for (int i = 0; i < n; i++)
        {
            var row = l0.AsSpan((int)start[i], i - first[i] + 1);
            for (int j = first[i]; j < i; j++)
            {
                int k0 = Math.Max(first[i], first[j]);
                var rowJ = l0.AsSpan((int)start[j] + (k0 - first[j]), j - k0);
                double s = row[j - first[i]] - Dot.Of(row.Slice(k0 - first[i], j - k0), rowJ);
                row[j - first[i]] = s / l0[start[j] + j - first[j]];
            }
            double diagonal = row[i - first[i]], d = diagonal - Dot.Of(row[..(i - first[i])], row[..(i - first[i])]);
            // A pivot lost to cancellation is a zero one: the matrix is singular to working precision.
            if (!(d > 1e-12 * diagonal)) return null;
            row[i - first[i]] = Math.Sqrt(d);
            logDet += Math.Log(d);
        }
        return new SkylineCholesky(order, first, start, l0) { LogDeterminant = logDet };
    }

    /// <summary>y = L⁻¹·P·b: <paramref name="b"/> in the set's order (length n), the result in factored order.</summary>
    public void ForwardSolve(ReadOnlySpan<double> b, Span<double> y)
    {
        int n = Size;
        for (int i = 0; i < n; i++) y[i] = b[_order[i]];
        for (int i = 0; i < n; i++)
        {
            int f = _first[i];
            var row = _l.AsSpan((int)_start[i], i - f + 1);
            y[i] = (y[i] - Dot.Of(row[..(i - f)], y[f..i])) / row[i - f];
        }
    }

    /// <summary>Reverse Cuthill–McKee: breadth-first from a low-degree node of each component, neighbours by increasing
    /// degree, reversed; keeps every row's first non-zero close to the diagonal.</summary>
    private static int[] ReverseCuthillMcKee(List<int>[] neighbours)
    {
        int n = neighbours.Length;
        var visited = new bool[n];
        var order = new List<int>(n);
        var byDegree = Enumerable.Range(0, n).OrderBy(k => neighbours[k].Count).ToArray();
        foreach (int root in byDegree)
        {
            if (visited[root]) continue;
            var queue = new Queue<int>();
            queue.Enqueue(root);
            visited[root] = true;
            while (queue.Count > 0)
            {
                int k = queue.Dequeue();
                order.Add(k);
                foreach (int l in neighbours[k].Where(l => !visited[l]).OrderBy(l => neighbours[l].Count))
                {
                    visited[l] = true;
                    queue.Enqueue(l);
                }
            }
        }
        order.Reverse();
        return [.. order];
    }
}
