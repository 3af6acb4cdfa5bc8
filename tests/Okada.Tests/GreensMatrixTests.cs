using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Kernels;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Okada.Tests;

public class GreensMatrixTests
{
    private static readonly ElasticMedium Medium = ElasticMedium.Default;

    private static (double[] E, double[] N) Points(int n, int seed)
    {
        var rng = new Random(seed);
        var e = new double[n]; var nn = new double[n];
        for (int i = 0; i < n; i++) { e[i] = rng.NextDouble() * 80e3 - 40e3; nn[i] = rng.NextDouble() * 80e3 - 40e3; }
        return (e, nn);
    }

    private static DiscretisedFault Fault() =>
        DiscretisedFault.Rectangle(new RectangularFault(0, 0, 1000, 30e3, 15e3, 300, 35, new FaultSlip(0, 0)), 6, 3);

    [Fact]
    public void G_times_slip_equals_the_forward_model_of_the_slipped_patches()
    {
        var (e, n) = Points(37, 1);
        var fault = Fault();
        var g = GreensMatrix.Build(fault.Patches.Select(p => p.Geometry).ToArray(), Medium, e, n, null,
            [SlipComponent.StrikeSlip, SlipComponent.DipSlip, SlipComponent.Opening]);
        Assert.Equal(3 * 37, g.Rows);
        Assert.Equal(18 * 3, g.Columns);
        var rng = new Random(2);
        var slip = Enumerable.Range(0, g.Columns).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var d = new double[g.Rows];
        g.Multiply(slip, d);
        var slipped = fault.Patches.Select(p => p.Geometry with
        {
            Slip = new FaultSlip(slip[g.Column(p.Index, 0)], slip[g.Column(p.Index, 1)], slip[g.Column(p.Index, 2)]),
        }).ToArray();
        var forward = SurfaceDisplacement.Compute(slipped, [], Medium, e, n);
        for (int i = 0; i < 37; i++)
        {
            Assert.Equal(forward.East[i], d[i], 1e-12);
            Assert.Equal(forward.North[i], d[37 + i], 1e-12);
            Assert.Equal(forward.Up[i], d[74 + i], 1e-12);
        }
    }

    [Fact]
    public void A_matrix_built_into_another_of_the_same_shape_reuses_its_storage_and_equals_a_fresh_build()
    {
        var (e, n) = Points(29, 4);
        var patches = Fault().Patches.Select(p => p.Geometry).ToArray();
        SlipComponent[] components = [SlipComponent.StrikeSlip, SlipComponent.DipSlip];
        var first = GreensMatrix.Build(patches[..9], Medium, e, n, null, components);
        var fresh = GreensMatrix.Build(patches[9..], Medium, e, n, null, components);
        var reused = GreensMatrix.Build(patches[9..], Medium, e, n, null, components, first);
        Assert.Same(first.ColumnMajor, reused.ColumnMajor);
        Assert.Equal(fresh.ColumnMajor, reused.ColumnMajor);
        // Another shape (the last, shorter block of a fault) gets storage of its own.
        var shorter = GreensMatrix.Build(patches[..4], Medium, e, n, null, components, first);
        Assert.NotSame(first.ColumnMajor, shorter.ColumnMajor);
        Assert.Equal(3 * 29 * 8, shorter.ColumnMajor.Length);
    }

    [Fact]
    public void Los_rows_are_the_projection_of_the_enu_rows()
    {
        var (e, n) = Points(21, 3);
        var patches = Fault().Patches.Select(p => p.Geometry).ToArray();
        var los = (new double[21], new double[21], new double[21]);
        for (int i = 0; i < 21; i++)
        {
            var l = LosVector.FromIncidenceAndHeading(30 + i, i % 2 == 0 ? -10 : 190);
            los.Item1[i] = l.East; los.Item2[i] = l.North; los.Item3[i] = l.Up;
        }
        SlipComponent[] comps = [SlipComponent.DipSlip, SlipComponent.StrikeSlip];
        var enu = GreensMatrix.Build(patches, Medium, e, n, null, comps);
        var lg = GreensMatrix.Build(patches, Medium, e, n, los, comps);
        Assert.True(lg.IsLos);
        Assert.Equal(21, lg.Rows);
        for (int j = 0; j < lg.Columns; j++)
            for (int i = 0; i < 21; i++)
            {
                double expected = los.Item1[i] * enu[i, j] + los.Item2[i] * enu[21 + i, j] + los.Item3[i] * enu[42 + i, j];
                Assert.Equal(expected, lg[i, j], 1e-14);
            }
        // Column order follows the requested components: dip-slip first here.
        var forward = SurfaceDisplacement.Compute([patches[4] with { Slip = new FaultSlip(0, 1) }], [], Medium, e, n);
        Assert.Equal(forward.Up[5], enu[42 + 5, lg.Column(4, 0)], 1e-14);
    }

    [Fact]
    public void Every_kernel_path_and_parallel_build_give_the_same_matrix()
    {
        var (e, n) = Points(45, 4);
        var patches = Fault().Patches.Select(p => p.Geometry).ToArray();
        SlipComponent[] comps = [SlipComponent.StrikeSlip, SlipComponent.DipSlip];
        var reference = GreensMatrix.Build(patches, Medium, e, n, null, comps, KernelPath.Scalar, parallel: false);
        foreach (var path in new[] { KernelPath.Vector256, KernelPath.Vector512, KernelPath.Auto })
        {
            var other = GreensMatrix.Build(patches, Medium, e, n, null, comps, path, parallel: true);
            for (int k = 0; k < reference.ColumnMajor.Length; k++)
                Assert.True(Math.Abs(reference.ColumnMajor[k] - other.ColumnMajor[k]) <= 1e-13, $"{path} element {k}");
        }
    }

    [Fact]
    public void Mismatched_inputs_are_rejected_with_a_reason()
    {
        var patches = Fault().Patches.Select(p => p.Geometry).ToArray();
        var ex = Assert.Throws<ArgumentException>(() =>
            GreensMatrix.Build(patches, Medium, [0.0, 1.0], [0.0], null, [SlipComponent.StrikeSlip]));
        Assert.Contains("differ in length", ex.Message);
        ex = Assert.Throws<ArgumentException>(() =>
            GreensMatrix.Build(patches, Medium, [0.0], [0.0], null, [SlipComponent.StrikeSlip, SlipComponent.StrikeSlip]));
        Assert.Contains("distinct", ex.Message);
    }
}
