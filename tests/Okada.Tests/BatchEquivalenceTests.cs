using SourceModel.Okada.Kernels;
using SourceModel.Okada.Simd;
using SourceModel.Okada.Tests.Support;

namespace SourceModel.Okada.Tests;

/// <summary>
/// The vectorised drivers equal the scalar path for every batch length 0..256 (full registers, tails, and the
/// parallel chunking), including singular and above-surface points mixed in.
/// </summary>
public class BatchEquivalenceTests
{
    private static (double[] X, double[] Y, double[] Z) Points(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n]; var y = new double[n]; var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble() * 40 - 20;
            y[i] = rng.NextDouble() * 40 - 20;
            z[i] = (i % 17) switch { 0 => 0.0, 1 => 0.5, _ => -rng.NextDouble() * 25 };
            if (i % 23 == 5) { x[i] = -5; y[i] = 0; z[i] = -8; }  // on the deep strike-start corner: singular
        }
        return (x, y, z);
    }

    public static TheoryData<int> Paths => new() { (int)KernelPath.Vector256, (int)KernelPath.Vector512 };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Dc3d_vector_path_equals_scalar_path_for_every_batch_length_0_to_256(int pathValue)
    {
        var path = (KernelPath)pathValue;
        var source = new Dc3dSource(0.6, 8, 60, -5, 5, 0, 6, 1.2, -0.7, 0.3);
        var (x, y, z) = Points(256, 1);
        for (int n = 0; n <= 256; n++)
        {
            var scalar = new GradientField(n);
            var vector = new GradientField(n);
            Okada92.Dc3dBatch(source, x.AsMemory(0, n), y.AsMemory(0, n), z.AsMemory(0, n), scalar, KernelPath.Scalar, parallel: false);
            Okada92.Dc3dBatch(source, x.AsMemory(0, n), y.AsMemory(0, n), z.AsMemory(0, n), vector, path, parallel: false);
            for (int i = 0; i < n; i++)
                Assert.True(Assertions.Agree(scalar[i], vector[i], 1e-12, (1.2, 0.12)), $"n = {n}, point {i}: {scalar[i]} vs {vector[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Dc3d0_vector_path_equals_scalar_path_for_every_batch_length_0_to_256(int pathValue)
    {
        var path = (KernelPath)pathValue;
        var source = new Dc3d0Source(2.0 / 3.0, 8, 35, 1.5, 0.4, -0.2, 0.8);
        var (x, y, z) = Points(256, 2);
        for (int n = 0; n <= 256; n++)
        {
            var scalar = new GradientField(n);
            var vector = new GradientField(n);
            Okada92.Dc3d0Batch(source, x.AsMemory(0, n), y.AsMemory(0, n), z.AsMemory(0, n), scalar, KernelPath.Scalar, parallel: false);
            Okada92.Dc3d0Batch(source, x.AsMemory(0, n), y.AsMemory(0, n), z.AsMemory(0, n), vector, path, parallel: false);
            for (int i = 0; i < n; i++)
                Assert.True(Assertions.Agree(scalar[i], vector[i], 1e-12, (1.5 / 64, 1.5 / 512)), $"n = {n}, point {i}");
        }
    }

    [Fact]
    public void Parallel_batches_equal_serial_batches()
    {
        var source = new Dc3dSource(0.6, 8, 60, -5, 5, 0, 6, 1.2, -0.7, 0.3);
        var (x, y, z) = Points(5000, 3);
        var serial = new GradientField(5000);
        var parallel = new GradientField(5000);
        Okada92.Dc3dBatch(source, x, y, z, serial, KernelPath.Auto, parallel: false);
        Okada92.Dc3dBatch(source, x, y, z, parallel, KernelPath.Auto, parallel: true);
        for (int i = 0; i < 5000; i++) Assert.Equal(serial[i], parallel[i]);
    }

    [Fact]
    public void Batch_reports_singular_and_above_surface_points_as_status()
    {
        var source = new Dc3dSource(0.6, 8, 60, -5, 5, 0, 6, 1, 0, 0);
        var o = new GradientField(3);
        Okada92.Dc3d(source, new[] { 1.0, -5.0, 0.0 }, new[] { 2.0, 0.0, 0.0 }, new[] { -1.0, -8.0, 0.1 }, o);
        Assert.Equal([OkadaStatus.Normal, OkadaStatus.Singular, OkadaStatus.PositiveZ], o.Status);
        Assert.All(o[1].ToArray().Concat(o[2].ToArray()), v => Assert.Equal(0.0, v));
    }
}
