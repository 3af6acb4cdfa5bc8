using FsCheck.Fluent;
using SourceModel.Okada.Kernels;
using SourceModel.Okada.Simd;
using SourceModel.Okada.Tests.Support;

namespace SourceModel.Okada.Tests;

/// <summary>The free-surface fast path (Okada 1985 forms) agrees with DC3D/DC3D0 at z = 0.</summary>
public class SurfacePathTests
{
    private static DisplacementGradient Surface(Dc3dSource s, double x, double y)
    {
        var k = new KernelConstants(s.Alpha, s.Dip);
        var w = new DislocationWeights(s.Disl1, s.Disl2, s.Disl3);
        var u = SurfaceRectangleKernel.Evaluate<ScalarLane, On>(s, k, w, new ScalarLane(x), new ScalarLane(y), out var singular);
        return new DisplacementGradient(u.Ux.V, u.Uy.V, u.Uz.V, u.Uxx.V, u.Uyx.V, u.Uzx.V, u.Uxy.V, u.Uyy.V, u.Uzy.V, 0, 0, 0,
            ScalarLane.Any(singular) ? OkadaStatus.Singular : OkadaStatus.Normal);
    }

    [Fact]
    public void Rectangle_surface_displacement_and_tilt_strain_agree_with_dc3d_at_z_0()
    {
        Properties.Check(Dc3dCase.Generator(surface: true).ToArbitrary(), c =>
        {
            var full = Okada92.Dc3d(c.Source, c.X, c.Y, 0);
            var fast = Surface(c.Source, c.X, c.Y);
            // Compare displacement and the x, y derivatives; the fast path does not give z-derivatives.
            var expected = full with { Uxz = 0, Uyz = 0, Uzz = 0 };
            return Assertions.Agree(expected, fast, 1e-12, c.Scale);
        }, maxTest: 400);
    }

    [Fact]
    public void Point_source_surface_displacement_agrees_with_dc3d0_at_z_0()
    {
        var gen = from dip in Properties.Uniform(0, 90)
                  from depth in Properties.Uniform(0.5, 20)
                  from x in Properties.Uniform(-30, 30)
                  from y in Properties.Uniform(-30, 30)
                  from p in Gen.ArrayOf(Properties.Uniform(-2, 2), 4)
                  select (dip, depth, x, y, p);
        Properties.Check(gen.ToArbitrary(), t =>
        {
            var (dip, depth, x, y, p) = t;
            var s = new Dc3d0Source(2.0 / 3.0, depth, dip, p[0], p[1], p[2], p[3]);
            var full = Okada92.Dc3d0(s, x, y, 0);
            var k = new KernelConstants(s.Alpha, s.Dip);
            var w = new DislocationWeights(p[0], p[1], p[2], p[3]);
            var u = SurfacePointKernel.Evaluate<ScalarLane, On>(s, k, w, new ScalarLane(x), new ScalarLane(y), out _);
            var fast = new DisplacementGradient(u.Ux.V, u.Uy.V, u.Uz.V, u.Uxx.V, u.Uyx.V, u.Uzx.V, u.Uxy.V, u.Uyy.V, u.Uzy.V, 0, 0, 0, OkadaStatus.Normal);
            double scale = p.Select(Math.Abs).Max() / (depth * depth);
            return Assertions.Agree(full with { Uxz = 0, Uyz = 0, Uzz = 0 }, fast, 1e-12, (scale, scale / depth));
        }, maxTest: 400);
    }

    public static TheoryData<int> Paths => new() { (int)KernelPath.Scalar, (int)KernelPath.Vector256, (int)KernelPath.Vector512 };

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
