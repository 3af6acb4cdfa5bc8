using FsCheck.Fluent;
using SourceModel.Okada.Kernels;
using SourceModel.Okada.Simd;
using SourceModel.Okada.Tests.Support;

namespace SourceModel.Okada.Tests;

/// <summary>The free-surface fast path (Okada 1985 forms) agrees with DC3D/DC3D0 at z = 0.</summary>
public class SurfacePathTests
{
    public static TheoryData<int> Paths => new() { (int)KernelPath.Scalar, (int)KernelPath.Vector256, (int)KernelPath.Vector512 };

    // Near-vertical dips amplify rounding by 1/cos²δ in DC3D's I3, I4 (see Dc3dFortranReferenceTests).
    private static double Conditioning(double dip)
    {
        double cd = Math.Abs(new KernelConstants(2.0 / 3.0, dip).Cd);
        return cd == 0 ? 1 : Math.Max(1, 1 / (cd * cd));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Rectangle_surface_displacement_tilt_and_strain_equal_dc3d_at_z_0(int pathValue)
    {
        var path = (KernelPath)pathValue;
        Properties.Check(Dc3dCase.Generator(surface: true).ToArbitrary(), c =>
        {
            var o = new GradientField(1);
            Okada85.RectangleBatch(c.Source, new[] { c.X }, new[] { c.Y }, o, path, parallel: false);
            // All twelve components, the z-derivatives from the traction-free conditions included.
            return Assertions.Agree(Okada92.Dc3d(c.Source, c.X, c.Y, 0), o[0], 1e-12 * Conditioning(c.Source.Dip), c.Scale);
        }, maxTest: 300);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Point_source_surface_displacement_tilt_and_strain_equal_dc3d0_at_z_0(int pathValue)
    {
        var path = (KernelPath)pathValue;
        var gen = from alpha in Gen.Elements(2.0 / 3.0, 0.55, 0.8)
                  from dip in Properties.Uniform(0, 90)
                  from depth in Properties.Uniform(0.5, 20)
                  from x in Properties.Uniform(-30, 30)
                  from y in Properties.Uniform(-30, 30)
                  from p in Gen.ArrayOf(Properties.Uniform(-2, 2), 4)
                  select (alpha, dip, depth, x, y, p);
        Properties.Check(gen.ToArbitrary(), t =>
        {
            var (alpha, dip, depth, x, y, p) = t;
            var s = new Dc3d0Source(alpha, depth, dip, p[0], p[1], p[2], p[3]);
            var o = new GradientField(1);
            Okada85.PointBatch(s, new[] { x }, new[] { y }, o, path, parallel: false);
            double scale = p.Select(Math.Abs).Max() / (depth * depth);
            return Assertions.Agree(Okada92.Dc3d0(s, x, y, 0), o[0], 1e-12, (scale, scale / depth));
        }, maxTest: 300);
    }

    [Fact]
    public void A_point_on_the_trace_of_a_surface_breaking_fault_is_singular()
    {
        var s = new Dc3dSource(2.0 / 3.0, 0, 90, -5, 5, -5, 0, 1, 0, 0);  // vertical, top edge at the surface along y = 0
        var o = new GradientField(2);
        Okada85.Surface(s, new[] { 1.0, 1.0 }, new[] { 0.0, 2.0 }, o);
        Assert.Equal(OkadaStatus.Singular, o.Status[0]);
        Assert.All(o[0].ToArray(), v => Assert.Equal(0.0, v));
        Assert.Equal(OkadaStatus.Normal, o.Status[1]);
    }


    [Theory]
    [MemberData(nameof(Paths))]
    public void Displacement_hot_path_unit_responses_agree_with_dc3d_at_z_0(int pathValue)
    {
        var path = (KernelPath)pathValue;
        Properties.Check(Dc3dCase.Generator(surface: true).ToArbitrary(), c =>
        {
            var s = c.Source;
            var k = new KernelConstants(s.Alpha, s.Dip);
            double[] unit = path switch
            {
                KernelPath.Scalar => Unit<ScalarLane>(s, k, c.X, c.Y),
                KernelPath.Vector256 => Unit<Vector256Lanes>(s, k, c.X, c.Y),
                _ => Unit<Vector512Lanes>(s, k, c.X, c.Y),
            };
            for (int comp = 0; comp < 3; comp++)
            {
                var one = s with { Disl1 = comp == 0 ? 1 : 0, Disl2 = comp == 1 ? 1 : 0, Disl3 = comp == 2 ? 1 : 0 };
                var full = Okada92.Dc3d(one, c.X, c.Y, 0);
                double scale = Math.Max(1.0, Support.Tolerance.Scale([full.Ux, full.Uy, full.Uz]));
                // Near-vertical dips amplify rounding by 1/cos²δ in DC3D's I3, I4 (see Dc3dFortranReferenceTests).
                double cd = Math.Abs(k.Cd);
                double rel = 1e-13 * (cd == 0 ? 1 : Math.Max(1, 1 / (cd * cd)));
                if (Math.Abs(full.Ux - unit[3 * comp]) > rel * scale || Math.Abs(full.Uy - unit[3 * comp + 1]) > rel * scale
                    || Math.Abs(full.Uz - unit[3 * comp + 2]) > rel * scale)
                    return false;
            }
            return true;
        }, maxTest: 400);
    }

    private static double[] Unit<V>(Dc3dSource s, KernelConstants k, double x, double y) where V : struct, ILanes<V>
    {
        SurfaceDisplacementKernel.Evaluate<V, On>(s, k, V.Broadcast(x), V.Broadcast(y), out var a, out var b, out var t, out _);
        return [V.Lane(a.X, 0), V.Lane(a.Y, 0), V.Lane(a.Z, 0), V.Lane(b.X, 0), V.Lane(b.Y, 0), V.Lane(b.Z, 0),
            V.Lane(t.X, 0), V.Lane(t.Y, 0), V.Lane(t.Z, 0)];
    }
}
