using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using SourceModel.Coulomb.Resolution;
using SourceModel.Coulomb.Stress;
using SourceModel.Okada;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Tests;

/// <summary>Physics the stress change must obey, on random faults and points (FsCheck, fixed seed).</summary>
public sealed class StressPropertyTests
{
    private static readonly ElasticMedium Medium = ElasticMedium.FromYoung(8e10, 0.25);

    private static Gen<double> Uniform(double lo, double hi) => Gen.Choose(0, 1_000_000).Select(i => lo + (hi - lo) * i / 1_000_000.0);

    private static Gen<RectangularFault> Faults() =>
        from e in Uniform(-5e3, 5e3)
        from n in Uniform(-5e3, 5e3)
        from top in Uniform(0, 8e3)
        from len in Uniform(2e3, 20e3)
        from wid in Uniform(2e3, 15e3)
        from strike in Uniform(0, 360)
        from dip in Uniform(5, 90)
        from rake in Uniform(-180, 180)
        from slip in Uniform(0.1, 3)
        select new RectangularFault(e, n, top, len, wid, strike, dip, FaultSlip.FromRake(rake, slip));

    private static Gen<(double E, double N, double Depth)> Points(double maxDepth) =>
        from e in Uniform(-30e3, 30e3)
        from n in Uniform(-30e3, 30e3)
        from d in Uniform(0, maxDepth)
        select (e, n, d);

    private static void Check<T>(Gen<T> gen, Func<T, bool> property, int count = 300) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(20261122UL), FSharpOption<int>.None)), Prop.ForAll(gen.ToArbitrary(), property));

    private static SymmetricTensor At(RectangularFault f, (double E, double N, double Depth) p)
    {
        var field = HalfSpaceStress.Compute([f], Medium, [p.E], [p.N], [p.Depth]);
        return field[0];
    }

    private static double Scale(SymmetricTensor s) =>
        new[] { s.Xx, s.Yy, s.Zz, s.Xy, s.Xz, s.Yz }.Max(Math.Abs);

    [Fact]
    public void Stress_is_the_symmetric_tensor_hookes_law_gives_for_the_rotated_dc3d_gradient()
    {
        // An independent path: DC3D at the point, FrameRotation.ToEnu, SymmetricTensor.StressFrom (Okada library).
        Check(Faults().Zip(Points(20e3)), c =>
        {
            var (f, p) = c;
            var frame = f.ToOkadaFrame(Medium);
            var (x, y) = frame.ToLocal(p.E, p.N);
            var g = Okada92.Dc3d(frame.Source, x, y, -p.Depth);
            if (g.Status != OkadaStatus.Normal) return true;
            var expected = SymmetricTensor.StressFrom(FrameRotation.ToEnu(frame.Strike, g), Medium);
            var s = At(f, p);
            double scale = Math.Max(Scale(expected), 1.0);
            // Symmetric by construction (σ_ij = σ_ji is one stored number); equal to the independent path to rounding.
            return Math.Abs(s.Xx - expected.Xx) < 1e-9 * scale && Math.Abs(s.Yy - expected.Yy) < 1e-9 * scale
                && Math.Abs(s.Zz - expected.Zz) < 1e-9 * scale && Math.Abs(s.Xy - expected.Xy) < 1e-9 * scale
                && Math.Abs(s.Xz - expected.Xz) < 1e-9 * scale && Math.Abs(s.Yz - expected.Yz) < 1e-9 * scale
                && s[0, 1] == s[1, 0] && s[0, 2] == s[2, 0] && s[1, 2] == s[2, 1];
        });
    }

    [Fact]
    public void The_free_surface_is_traction_free()
    {
        Check(Faults().Zip(Points(0)), c =>
        {
            var s = At(c.Item1, c.Item2);
            double scale = Math.Max(Scale(s), 1.0);
            return Math.Abs(s.Zz) < 1e-9 * scale && Math.Abs(s.Xz) < 1e-9 * scale && Math.Abs(s.Yz) < 1e-9 * scale;
        });
    }

    [Fact]
    public void The_trace_of_the_stress_change_is_3K_times_the_divergence_of_displacement()
    {
        // div u from centred finite differences of DC3D displacements (independent of the gradient rotation and Hooke).
        Check(Faults().Zip(Points(20e3)), c =>
        {
            var (f, p) = c;
            var frame = f.ToOkadaFrame(Medium);
            double h = 0.5;
            double U(double de, double dn, double dz, int axis)
            {
                var (x, y) = frame.ToLocal(p.E + de, p.N + dn);
                var u = Okada92.Dc3d(frame.Source, x, y, -(p.Depth) + dz);
                var (ue, un) = FrameRotation.ToEnu(frame.Strike, u.Ux, u.Uy);
                return axis == 0 ? ue : axis == 1 ? un : u.Uz;
            }
            if (p.Depth < 2 * h) return true;
            var centre = Okada92.Dc3d(frame.Source, frame.ToLocal(p.E, p.N).X, frame.ToLocal(p.E, p.N).Y, -p.Depth);
            if (centre.Status != OkadaStatus.Normal) return true;
            double div = (U(h, 0, 0, 0) - U(-h, 0, 0, 0)) / (2 * h) + (U(0, h, 0, 1) - U(0, -h, 0, 1)) / (2 * h)
                         + (U(0, 0, h, 2) - U(0, 0, -h, 2)) / (2 * h);
            var s = At(f, p);
            double k3 = 3 * Medium.Lambda + 2 * Medium.ShearModulus;
            double scale = Math.Max(Scale(s), 1e3);
            return Math.Abs(s.Trace - k3 * div) < 2e-4 * scale;
        }, count: 150);
    }

    [Fact]
    public void Coulomb_stress_is_linear_in_slip()
    {
        var receivers = from strike in Uniform(0, 360) from dip in Uniform(1, 90) from rake in Uniform(-180, 180) select new ReceiverPlane(strike, dip, rake);
        Check(Faults().Zip(Points(20e3)).Zip(receivers), c =>
        {
            var ((f, p), plane) = c;
            var doubled = f with { Slip = new FaultSlip(2 * f.Slip.StrikeSlip, 2 * f.Slip.DipSlip) };
            var other = f with { Slip = new FaultSlip(0.7, -0.3) };
            var both = f with { Slip = new FaultSlip(f.Slip.StrikeSlip + 0.7, f.Slip.DipSlip - 0.3) };
            double one = CoulombStress.Resolve(At(f, p), plane).Coulomb;
            double two = CoulombStress.Resolve(At(doubled, p), plane).Coulomb;
            double sum = CoulombStress.Resolve(At(other, p), plane).Coulomb + one;
            double combined = CoulombStress.Resolve(At(both, p), plane).Coulomb;
            double scale = Math.Max(Scale(At(f, p)) + Scale(At(other, p)), 1.0);
            return Math.Abs(two - 2 * one) < 1e-10 * scale && Math.Abs(combined - sum) < 1e-10 * scale;
        }, count: 150);
    }

    [Fact]
    public void Rotating_source_point_and_receiver_together_leaves_the_resolved_stress_unchanged()
    {
        var rotations = Uniform(0, 360);
        var receivers = from strike in Uniform(0, 360) from dip in Uniform(1, 90) from rake in Uniform(-180, 180) select new ReceiverPlane(strike, dip, rake);
        Check(Faults().Zip(Points(20e3)).Zip(receivers.Zip(rotations)), c =>
        {
            var ((f, p), (plane, theta)) = c;
            var (s, co) = Math.SinCos(theta * Math.PI / 180);
            // Rotating the map clockwise by θ: (e, n) → (e cos θ − n sin θ ... ) keeps azimuths + θ.
            (double E, double N) Rot(double e, double n) => (e * co + n * s, -e * s + n * co);
            var (fe, fn) = Rot(f.East, f.North);
            var (pe, pn) = Rot(p.E, p.N);
            var rf = f with { East = fe, North = fn, Strike = (f.Strike + theta) % 360 };
            var a = CoulombStress.Resolve(At(f, p), plane);
            var b = CoulombStress.Resolve(At(rf, (pe, pn, p.Depth)), plane with { Strike = (plane.Strike + theta) % 360 });
            double scale = Math.Max(Scale(At(f, p)), 1.0);
            return Math.Abs(a.ShearStrike - b.ShearStrike) < 1e-8 * scale && Math.Abs(a.ShearDip - b.ShearDip) < 1e-8 * scale
                   && Math.Abs(a.Normal - b.Normal) < 1e-8 * scale;
        }, count: 150);
    }

    [Fact]
    public void The_optimal_rake_is_at_least_as_loaded_as_any_other_rake()
    {
        var r = new ResolvedStress(1.3e5, -0.4e5, -2e5, 45, 0.4);
        var (rake, best) = r.Optimal;
        for (double k = -180; k <= 180; k += 0.5) Assert.True(r.CoulombAt(k) <= best + 1e-6);
        Assert.Equal(best, r.CoulombAt(rake), 6);
        var grid = r.OptimalOnGrid();
        Assert.InRange(grid.Rake, rake - 0.05, rake + 0.05);
    }

    [Fact]
    public void A_point_on_a_source_edge_reports_singular_not_a_number_and_points_above_the_surface_are_refused()
    {
        var f = new RectangularFault(0, 0, 5000, 10000, 8000, 0, 90, new FaultSlip(1, 0));
        // The top edge runs north from (0, -5000) to (0, 5000) at 5 km depth.
        var field = HalfSpaceStress.Compute([f], Medium, [0, 3000], [2000, 0], [5000, 5000]);
        Assert.Equal(OkadaStatus.Singular, field.Status[0]);
        Assert.True(double.IsNaN(field.Ee[0]));
        Assert.Equal(OkadaStatus.Normal, field.Status[1]);
        Assert.Contains("above the surface", Assert.Throws<ArgumentException>(() => HalfSpaceStress.Compute([f], Medium, [0], [0], [-1])).Message);
        Assert.Throws<ArgumentException>(() => CoulombStress.Resolve(field[1], new ReceiverPlane(0, 95, 0)));
        Assert.Throws<ArgumentException>(() => CoulombStress.Resolve(field[1], new ReceiverPlane(0, 45, 0), friction: 1.5));
    }
}
