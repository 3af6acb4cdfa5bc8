using MathNet.Numerics.LinearAlgebra;
using SourceModel.Inversion.Slip;
using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Tests;

/// <summary>
/// The storage behind step 2's normal equations (issue 22): the packed data Gram matrix, the sparse roughness, their
/// weighted sum as an operator, the profile Cholesky of the roughness and the updatable factor of the active-set
/// solvers — each against MathNet's dense algebra on random matrices, to round-off.
/// </summary>
public sealed class NormalAlgebraTests
{
    private static double[] RandomColumnMajor(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows * columns).Select(_ => random.NextDouble() - 0.5).ToArray();
    }

    private static Matrix<double> Dense(ISymmetricMatrix m) => Matrix<double>.Build.Dense(m.Size, m.Size, m.At);

    /// <summary>Rows of a 2-D grid Laplacian with zero-slip edges (nx × ny nodes), the shape of the slip roughness.</summary>
    private static List<(int Column, double Value)[]> GridLaplacian(int nx, int ny)
    {
        var rows = new List<(int, double)[]>();
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                var row = new List<(int, double)> { (j * nx + i, -4) };
                if (i > 0) row.Add((j * nx + i - 1, 1));
                if (i < nx - 1) row.Add((j * nx + i + 1, 1));
                if (j > 0) row.Add(((j - 1) * nx + i, 1));
                if (j < ny - 1) row.Add(((j + 1) * nx + i, 1));
                rows.Add([.. row]);
            }
        return rows;
    }

    [Theory]
    [InlineData(37, 11)]
    [InlineData(120, 600)]   // more than one 256-column band of the native product
    public void Packed_gram_matrix_equals_the_column_dot_products_native_and_managed(int rows, int columns)
    {
        var a = RandomColumnMajor(rows, columns, 3);
        var reference = Matrix<double>.Build.Dense(rows, columns, a);
        var expected = reference.TransposeThisAndMultiply(reference);
        var packed = PackedSymmetric.Gram(a, rows, columns);
        var managed = new PackedSymmetric(columns);
        managed.GramManaged(a, rows);
        for (int i = 0; i < columns; i++)
            for (int j = 0; j < columns; j++)
            {
                Assert.Equal(expected[i, j], packed.At(i, j), 1e-12);
                Assert.Equal(expected[i, j], managed.At(i, j), 1e-12);
            }
    }

    [Fact]
    public void Packed_products_native_and_managed_equal_the_dense_product()
    {
        int n = 301;
        var a = RandomColumnMajor(50, n, 4);
        var packed = PackedSymmetric.Gram(a, 50, n);
        var x = Enumerable.Range(0, n).Select(i => Math.Sin(i)).ToArray();
        var expected = Dense(packed) * Vector<double>.Build.Dense(x);
        var y = new double[n];
        packed.Multiply(x, y);
        var z = new double[n];
        packed.MultiplyManaged(x, z);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(expected[i], y[i], 1e-11);
            Assert.Equal(expected[i], z[i], 1e-11);
        }
    }

    [Fact]
    public void Sparse_roughness_normal_is_HtH_and_its_principal_parts_and_traces_match_the_dense_ones()
    {
        int nx = 7, ny = 5, n = nx * ny;
        var rows = GridLaplacian(nx, ny);
        var h = Matrix<double>.Build.Dense(rows.Count, n);
        for (int r = 0; r < rows.Count; r++)
            foreach (var (c, v) in rows[r]) h[r, c] += v;
        var expected = h.TransposeThisAndMultiply(h);
        var sparse = SparseSymmetric.GramOfRows(rows, n);
        Assert.True(sparse.NonZeros < n * n / 2, "a grid Laplacian's normal matrix is sparse");
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) Assert.Equal(expected[i, j], sparse.At(i, j), 1e-12);

        // Principal submatrix on every third index, into rows 50 apart, scaled; and tr(S·M_FF) for a symmetric S.
        int[] index = Enumerable.Range(0, n).Where(i => i % 3 != 1).ToArray();
        int f = index.Length, stride = 50;
        var dest = new double[f * stride];
        sparse.AddPrincipal(index, 2.5, dest, stride);
        var lower = new double[f * f];
        var random = new Random(9);
        var s = Matrix<double>.Build.Dense(f, f);
        for (int k = 0; k < f; k++)
            for (int l = 0; l <= k; l++)
            {
                Assert.Equal(2.5 * expected[index[k], index[l]], dest[k * stride + l], 1e-12);
                s[k, l] = s[l, k] = lower[k * f + l] = random.NextDouble();
            }
        var sub = Matrix<double>.Build.Dense(f, f, (k, l) => expected[index[k], index[l]]);
        Assert.Equal((s * sub).Trace(), sparse.TraceProduct(index, lower), 1e-10);
        var packed = PackedSymmetric.FromFull(expected.ToRowMajorArray(), n);
        // The same entries into the upper triangle, the lower one untouched, from every storage.
        foreach (ISymmetricMatrix m in new ISymmetricMatrix[] { sparse, packed, new DenseSymmetric(expected.ToRowMajorArray(), n), new NormalMatrix(packed, sparse, 0) })
        {
            var up = new double[f * stride];
            Array.Fill(up, double.NaN);
            for (int k = 0; k < f; k++) Array.Clear(up, k * stride + k, f - k);
            m.AddPrincipal(index, 2.5, up, stride, upper: true);
            for (int k = 0; k < f; k++)
                for (int l = 0; l < f; l++)
                    if (l < k) Assert.True(double.IsNaN(up[k * stride + l]));
                    else Assert.Equal(2.5 * expected[index[k], index[l]], up[k * stride + l], 1e-12);
        }
        Assert.Equal((s * sub).Trace(), packed.TraceProduct(index, lower), 1e-10);

        var x = Enumerable.Range(0, n).Select(i => Math.Cos(i)).ToArray();
        var y = new double[n];
        new NormalMatrix(packed, sparse, 0.3).Multiply(x, y);
        var z = (expected * 1.3) * Vector<double>.Build.Dense(x);
        for (int i = 0; i < n; i++) Assert.Equal(z[i], y[i], 1e-10);
    }

    [Fact]
    public void Profile_cholesky_of_a_grid_roughness_gives_its_log_determinant_and_solves()
    {
        int nx = 9, ny = 6, n = nx * ny;
        var sparse = SparseSymmetric.GramOfRows(GridLaplacian(nx, ny), n);
        var dense = Dense(sparse);
        int[] index = Enumerable.Range(0, n).Where(i => i != 17).ToArray();   // a principal submatrix, one node dropped
        var sub = Matrix<double>.Build.Dense(index.Length, index.Length, (k, l) => dense[index[k], index[l]]);
        var factor = SkylineCholesky.TryFactor(sparse, index)!;
        Assert.NotNull(factor);
        Assert.Equal(sub.Cholesky().DeterminantLn, factor.LogDeterminant, 1e-9);
        Assert.True(factor.ProfileSize < (long)index.Length * index.Length / 2, "reverse Cuthill–McKee keeps the profile narrow");
        // ‖L⁻¹Pb‖² = bᵀA⁻¹b for any b.
        var b = Enumerable.Range(0, index.Length).Select(i => 1.0 + Math.Sin(3 * i)).ToArray();
        var y = new double[b.Length];
        factor.ForwardSolve(b, y);
        var bv = Vector<double>.Build.Dense(b);
        Assert.Equal(bv * sub.Solve(bv), y.Sum(v => v * v), 1e-9 * (bv * sub.Solve(bv)));
        // A free-edge Laplacian (rows sum to zero) is singular: no factor.
        var free = new List<(int, double)[]> { new[] { (0, -1.0), (1, 1.0) }, new[] { (0, 1.0), (1, -1.0) } };
        Assert.Null(SkylineCholesky.TryFactor(SparseSymmetric.GramOfRows(free, 2), [0, 1]));
    }

    [Fact]
    public void Updated_factor_solves_like_a_new_factorisation_through_joins_and_removals()
    {
        int n = 60;
        var a = RandomColumnMajor(90, n, 11);
        var gram = PackedSymmetric.Gram(a, 90, n);
        var matrix = new NormalMatrix(gram, SparseSymmetric.GramOfRows(GridLaplacian(10, 6), n), 0.5);
        var dense = Dense(matrix);
        var factor = new FreeSetFactor(matrix, new double[n * n], n);
        Assert.True(factor.Refactor(Enumerable.Range(0, 40).ToArray()));
        var random = new Random(2);
        for (int step = 0; step < 30; step++)
        {
            if (random.Next(2) == 0 && factor.Members.Count > 5) factor.RemoveAt(random.Next(factor.Members.Count));
            else
            {
                var outside = Enumerable.Range(0, n).Except(factor.Members).ToArray();
                Assert.True(factor.Add(outside[random.Next(outside.Length)]));
            }
            var members = factor.Members.ToArray();
            var sub = Matrix<double>.Build.Dense(members.Length, members.Length, (k, l) => dense[members[k], members[l]]);
            var r = Enumerable.Range(0, members.Length).Select(k => Math.Sin(k + step)).ToArray();
            var expected = sub.Solve(Vector<double>.Build.Dense(r));
            var z = factor.Solve(r);
            for (int k = 0; k < z.Length; k++) Assert.Equal(expected[k], z[k], 1e-9 * expected.AbsoluteMaximum());
        }
        Assert.Equal(30, factor.Updates);
        // A variable that repeats a member's column is dependent: refused, nothing changed.
        var twin = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) twin[i * n + j] = dense[i == 1 ? 0 : i, j == 1 ? 0 : j];
        var singular = new FreeSetFactor(new DenseSymmetric(twin, n), new double[n * n], n);
        Assert.True(singular.Refactor([0, 2, 3]));
        Assert.False(singular.Add(1));
        Assert.Equal([0, 2, 3], singular.Members);
    }

    [Fact]
    public void Feasible_active_set_and_pivoting_reach_the_same_exact_box_solution()
    {
        // Random bounded least squares, some of whose unconstrained optimum lies outside the box.
        for (int seed = 0; seed < 5; seed++)
        {
            int rows = 80, n = 40;
            var a = RandomColumnMajor(rows, n, 20 + seed);
            var gram = PackedSymmetric.Gram(a, rows, n);
            var random = new Random(seed);
            var b = Enumerable.Range(0, rows).Select(_ => 3 * (random.NextDouble() - 0.3)).ToArray();
            var c = Enumerable.Range(0, n).Select(j => Dot.Of(a.AsSpan(j * rows, rows), b)).ToArray();
            var lower = Enumerable.Repeat(0.0, n).ToArray();
            var upper = Enumerable.Range(0, n).Select(j => j % 4 == 0 ? 0.5 : double.PositiveInfinity).ToArray();
            double constant = b.Sum(v => v * v);
            var pivoting = BoundedLeastSquares.Solve(gram, c, lower, upper, constant);
            var feasible = FeasibleActiveSet.Solve(gram, c, lower, upper, constant);
            Assert.True(pivoting.Converged);
            Assert.True(feasible.Converged);
            Assert.Contains(feasible.X, v => v == 0);
            for (int j = 0; j < n; j++) Assert.Equal(pivoting.X[j], feasible.X[j], 1e-9);
            Assert.InRange(feasible.KktViolation, 0, 1e-9);
        }
    }
}
