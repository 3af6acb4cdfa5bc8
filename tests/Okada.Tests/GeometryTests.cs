using FsCheck.Fluent;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Okada.Tests.Support;

namespace SourceModel.Okada.Tests;

public class GeometryTests
{
    private static readonly FaultSlip Slip = new(1, 0.5);

    [Fact]
    public void Centroid_of_a_north_striking_fault_dipping_east_lies_east_and_deeper()
    {
        // Strike 0 (north), dip 30: dips to the right of strike = east. W = 10 km: centroid 5 km down dip,
        // 5·cos30 east and 5·sin30 deeper than the top-edge centre.
        var f = new RectangularFault(1000, 2000, 3000, 20e3, 10e3, 0, 30, Slip);
        var c = f.Centroid;
        Assert.Equal(1000 + 5e3 * Math.Cos(Math.PI / 6), c.East, 1e-9);
        Assert.Equal(2000, c.North, 1e-9);
        Assert.Equal(3000 + 5e3 * 0.5, c.Depth, 1e-9);
        Assert.Equal(3000 + 10e3 * 0.5, f.BottomDepth, 1e-9);
    }

    [Fact]
    public void Centroid_conversion_round_trips_for_random_faults()
    {
        var gen = from e in Properties.Uniform(-5e4, 5e4)
                  from n in Properties.Uniform(-5e4, 5e4)
                  from top in Properties.Uniform(0, 2e4)
                  from l in Properties.Uniform(1e3, 5e4)
                  from w in Properties.Uniform(1e3, 3e4)
                  from strike in Properties.Uniform(0, 360)
                  from dip in Properties.Uniform(0, 90)
                  select new RectangularFault(e, n, top, l, w, strike, dip, Slip);
        Properties.Check(gen.ToArbitrary(), f =>
        {
            var c = f.Centroid;
            var g = RectangularFault.FromCentroid(c.East, c.North, c.Depth, f.Length, f.Width, f.Strike, f.Dip, f.Slip);
            return Math.Abs(g.East - f.East) < 1e-6 && Math.Abs(g.North - f.North) < 1e-6 && Math.Abs(g.TopDepth - f.TopDepth) < 1e-6;
        });
    }

    [Fact]
    public void Okada_frame_of_a_fault_reproduces_its_corners()
    {
        // Corners from the geometry, and from Okada's frame (x = AL, y = AW·cosδ, depth = DEPTH − AW·sinδ) mapped back.
        var f = new RectangularFault(500, -800, 2000, 12e3, 8e3, 123, 40, Slip);
        var frame = f.ToOkadaFrame(ElasticMedium.Default);
        var s = frame.Source;
        double sd = Math.Sin(f.Dip * Math.PI / 180), cd = Math.Cos(f.Dip * Math.PI / 180);
        var fromOkada = new[] { (s.Al1, s.Aw2), (s.Al2, s.Aw2), (s.Al2, s.Aw1), (s.Al1, s.Aw1) }
            .Select(p =>
            {
                var (de, dn) = FrameRotation.ToEnu(frame.Strike, p.Item1, p.Item2 * cd);
                return (East: frame.OriginEast + de, North: frame.OriginNorth + dn, Depth: s.Depth - p.Item2 * sd);
            }).ToArray();
        var corners = f.Corners();
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(corners[i].East, fromOkada[i].East, 1e-6);
            Assert.Equal(corners[i].North, fromOkada[i].North, 1e-6);
            Assert.Equal(corners[i].Depth, fromOkada[i].Depth, 1e-6);
        }
    }

    [Fact]
    public void Rake_and_components_convert_both_ways()
    {
        var s = FaultSlip.FromRake(90, 2);
        Assert.Equal(0, s.StrikeSlip, 12);
        Assert.Equal(2, s.DipSlip, 12);
        var r = FaultSlip.FromRake(-135, 3);
        Assert.Equal(-135, r.Rake, 10);
        Assert.Equal(3, r.Magnitude, 12);
        Assert.Equal(180, FaultSlip.FromRake(180, 1).Rake, 10);
    }

    [Fact]
    public void Rotating_fault_and_points_together_rotates_the_displacement()
    {
        var medium = ElasticMedium.Default;
        var gen = from strike in Properties.Uniform(0, 360)
                  from dip in Properties.Uniform(5, 90)
                  from rake in Properties.Uniform(-180, 180)
                  from theta in Properties.Uniform(-180, 180)
                  from pe in Properties.Uniform(-3e4, 3e4)
                  from pn in Properties.Uniform(-3e4, 3e4)
                  select (strike, dip, rake, theta, pe, pn);
        Properties.Check(gen.ToArbitrary(), t =>
        {
            var (strike, dip, rake, theta, pe, pn) = t;
            var f = new RectangularFault(0, 0, 1000, 15e3, 8e3, strike, dip, FaultSlip.FromRake(rake, 1.5));
            var rotated = f with { Strike = ((strike + theta) % 360 + 360) % 360 };
            // Rotating a vector by +θ clockwise (as strike increases) in east/north.
            (double E, double N) Rot(double e, double n)
            {
                var (s, c) = Math.SinCos(theta * Math.PI / 180);
                return (e * c + n * s, -e * s + n * c);
            }
            var (re, rn) = Rot(pe, pn);
            var u = SurfaceDisplacement.Compute([f], [], medium, [pe], [pn]);
            var v = SurfaceDisplacement.Compute([rotated], [], medium, [re], [rn]);
            var (ue, un) = Rot(u.East[0], u.North[0]);
            double tol = 1e-10 * 1.5;
            return Math.Abs(v.East[0] - ue) < tol && Math.Abs(v.North[0] - un) < tol && Math.Abs(v.Up[0] - u.Up[0]) < tol;
        });
    }

    [Fact]
    public void Gradient_rotation_to_enu_matches_finite_differences_of_enu_displacement()
    {
        var medium = ElasticMedium.Default;
        var f = new RectangularFault(0, 0, 1000, 15e3, 8e3, 57, 35, FaultSlip.FromRake(70, 2));
        var frame = f.ToOkadaFrame(medium);
        double pe = 4e3, pn = -6e3, h = 1.0;
        DisplacementGradient Enu(double e, double n)
        {
            var (x, y) = frame.ToLocal(e, n);
            return FrameRotation.ToEnu(frame.Strike, Okada92.Dc3d(frame.Source, x, y, 0));
        }
        var g = Enu(pe, pn);
        var fe = (Enu(pe + h, pn).ToArray()[..3], Enu(pe - h, pn).ToArray()[..3]);
        var fn = (Enu(pe, pn + h).ToArray()[..3], Enu(pe, pn - h).ToArray()[..3]);
        double[] dE = fe.Item1.Zip(fe.Item2, (a, b) => (a - b) / (2 * h)).ToArray();
        double[] dN = fn.Item1.Zip(fn.Item2, (a, b) => (a - b) / (2 * h)).ToArray();
        double scale = 2 / 8e3;
        Support.Tolerance.Close(dE[0], g.Uxx, 1e-6, scale, "∂ue/∂e");
        Support.Tolerance.Close(dE[1], g.Uyx, 1e-6, scale, "∂un/∂e");
        Support.Tolerance.Close(dE[2], g.Uzx, 1e-6, scale, "∂uu/∂e");
        Support.Tolerance.Close(dN[0], g.Uxy, 1e-6, scale, "∂ue/∂n");
        Support.Tolerance.Close(dN[1], g.Uyy, 1e-6, scale, "∂un/∂n");
        Support.Tolerance.Close(dN[2], g.Uzy, 1e-6, scale, "∂uu/∂n");
    }

    [Fact]
    public void A_thrust_uplifts_its_hanging_wall()
    {
        // Strike north, dip 30° east, pure reverse slip, buried 2 km: the hanging wall (east, above the fault) rises.
        var f = new RectangularFault(0, 0, 2000, 30e3, 15e3, 0, 30, FaultSlip.FromRake(90, 1));
        var u = SurfaceDisplacement.Compute([f], [], ElasticMedium.Default, [8e3, -8e3], [0, 0]);
        Assert.True(u.Up[0] > 0.05, $"hanging wall uplift {u.Up[0]}");
        Assert.True(u.Up[0] > Math.Abs(u.Up[1]));
    }

    [Fact]
    public void Line_of_sight_of_an_ascending_track_points_up_and_west()
    {
        var los = LosVector.FromIncidenceAndHeading(39, -10);
        Assert.True(los.East < -0.6 && los.Up > 0.7 && los.North < 0);
        Assert.Equal(1.0, Math.Sqrt(los.East * los.East + los.North * los.North + los.Up * los.Up), 12);
        Assert.Equal(Math.Cos(39 * Math.PI / 180), los.Up, 12);
        // Uplift is seen as motion toward the satellite (positive LOS).
        Assert.True(los.Project(0, 0, 0.1) > 0);
    }
}
