using FsCheck.Fluent;
using SourceModel.Okada.Mechanics;
using SourceModel.Okada.Tests.Support;

namespace SourceModel.Okada.Tests;

/// <summary>Physics that any correct half-space dislocation kernel must satisfy, checked on random sources and points.</summary>
public class Dc3dPropertyTests
{
    [Fact]
    public void Displacement_and_derivatives_are_linear_in_slip()
    {
        var gen = from c in Dc3dCase.Generator()
                  from a in Properties.Uniform(-3, 3)
                  from e1 in Properties.Uniform(-2, 2)
                  from e2 in Properties.Uniform(-2, 2)
                  from e3 in Properties.Uniform(-2, 2)
                  select (c, a, e1, e2, e3);
        Properties.Check(gen.ToArbitrary(), t =>
        {
            var (c, a, e1, e2, e3) = t;
            var s1 = c.Source;
            var s2 = s1 with { Disl1 = e1, Disl2 = e2, Disl3 = e3 };
            var sum = s1 with { Disl1 = s1.Disl1 + a * e1, Disl2 = s1.Disl2 + a * e2, Disl3 = s1.Disl3 + a * e3 };
            var u1 = Okada92.Dc3d(s1, c.X, c.Y, c.Z).ToArray();
            var u2 = Okada92.Dc3d(s2, c.X, c.Y, c.Z).ToArray();
            var us = Okada92.Dc3d(sum, c.X, c.Y, c.Z);
            var combined = u1.Zip(u2, (p, q) => p + a * q).ToArray();
            var expected = new DisplacementGradient(combined[0], combined[1], combined[2], combined[3], combined[4],
                combined[5], combined[6], combined[7], combined[8], combined[9], combined[10], combined[11], us.Status);
            var floor = c.Scale;
            return Assertions.Agree(expected, us, 1e-12, (floor.Displacement * (1 + Math.Abs(a)), floor.Gradient * (1 + Math.Abs(a))));
        });
    }

    [Fact]
    public void Sum_over_four_sub_rectangles_equals_the_whole_rectangle()
    {
        var gen = from c in Dc3dCase.Generator(minPlaneDistance: 0.05)
                  from fl in Properties.Uniform(0.1, 0.9)
                  from fw in Properties.Uniform(0.1, 0.9)
                  select (c, fl, fw);
        Properties.Check(gen.ToArbitrary(), t =>
        {
            var (c, fl, fw) = t;
            var s = c.Source;
            double al = s.Al1 + fl * (s.Al2 - s.Al1), aw = s.Aw1 + fw * (s.Aw2 - s.Aw1);
            var parts = new[]
            {
                s with { Al2 = al, Aw2 = aw }, s with { Al1 = al, Aw2 = aw },
                s with { Al2 = al, Aw1 = aw }, s with { Al1 = al, Aw1 = aw },
            };
            var whole = Okada92.Dc3d(s, c.X, c.Y, c.Z);
            var sum = new double[12];
            foreach (var p in parts)
            {
                var u = Okada92.Dc3d(p, c.X, c.Y, c.Z).ToArray();
                for (int j = 0; j < 12; j++) sum[j] += u[j];
            }
            var expected = new DisplacementGradient(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7],
                sum[8], sum[9], sum[10], sum[11], whole.Status);
            return Assertions.Agree(expected, whole, 1e-10, c.Scale);
        });
    }

    [Fact]
    public void Free_surface_is_traction_free()
    {
        var medium = ElasticMedium.Default;
        var gen = from c in Dc3dCase.Generator(surface: true, minPlaneDistance: 0.05)
                  select c with { Source = c.Source with { Alpha = medium.Alpha } };
        Properties.Check(gen.ToArbitrary(), c =>
        {
            var g = Okada92.Dc3d(c.Source, c.X, c.Y, 0.0);
            var sigma = SymmetricTensor.StressFrom(g, medium);
            double scale = Math.Max(medium.ShearModulus * c.Scale.Gradient,
                new[] { sigma.Xx, sigma.Yy, sigma.Xy }.Select(Math.Abs).Max());
            double tol = 1e-11 * scale;
            return Math.Abs(sigma.Xz) <= tol && Math.Abs(sigma.Yz) <= tol && Math.Abs(sigma.Zz) <= tol;
        });
    }

    [Fact]
    public void Derivatives_equal_central_finite_differences_of_displacement()
    {
        const double h = 1e-3;
        var gen = from c in Dc3dCase.Generator(minPlaneDistance: 1.0)
                  select c with { Z = Math.Min(c.Z, -2 * h) };
        Properties.Check(gen.ToArbitrary(), c =>
        {
            var s = c.Source;
            var g = Okada92.Dc3d(s, c.X, c.Y, c.Z);
            double[] D(double dx, double dy, double dz) => Okada92.Dc3d(s, c.X + dx, c.Y + dy, c.Z + dz).ToArray()[..3];
            double[] Fd(double[] p, double[] m) => p.Zip(m, (a, b) => (a - b) / (2 * h)).ToArray();
            var fx = Fd(D(h, 0, 0), D(-h, 0, 0));
            var fy = Fd(D(0, h, 0), D(0, -h, 0));
            var fz = Fd(D(0, 0, h), D(0, 0, -h));
            var fd = new DisplacementGradient(g.Ux, g.Uy, g.Uz, fx[0], fx[1], fx[2], fy[0], fy[1], fy[2], fz[0], fz[1], fz[2], g.Status);
            // Truncation error h²·u'''/6 with u''' ~ |s|/distance³; rounding |s|·ε/h.
            return Assertions.Agree(fd, g, 1e-5, c.Scale);
        }, maxTest: 150);
    }

    [Fact]
    public void A_shrinking_rectangle_tends_to_the_point_source_of_equal_potency()
    {
        var gen = from alpha in Gen.Elements(2.0 / 3.0, 0.55)
                  from dip in Properties.Uniform(0, 90)
                  from depth in Properties.Uniform(3, 15)
                  from x in Properties.Uniform(-20, 20)
                  from y in Properties.Uniform(-20, 20)
                  from z in Properties.Uniform(-20, 0)
                  from d1 in Properties.Uniform(-1, 1)
                  from d2 in Properties.Uniform(-1, 1)
                  from d3 in Properties.Uniform(-1, 1)
                  where Math.Sqrt(x * x + y * y + (z + depth) * (z + depth)) > 5
                  select (alpha, dip, depth, x, y, z, d1, d2, d3);
        Properties.Check(gen.ToArbitrary(), t =>
        {
            var (alpha, dip, depth, x, y, z, d1, d2, d3) = t;
            double Error(double e)
            {
                var rect = Okada92.Dc3d(new Dc3dSource(alpha, depth, dip, -e / 2, e / 2, -e / 2, e / 2, d1, d2, d3), x, y, z).ToArray();
                var point = Okada92.Dc3d0(new Dc3d0Source(alpha, depth, dip, d1 * e * e, d2 * e * e, d3 * e * e, 0), x, y, z).ToArray();
                double scale = Tolerance.Scale(point[..3]) + 1e-300;
                return rect.Zip(point).Take(3).Max(p => Math.Abs(p.First - p.Second)) / scale;
            }
            // The difference is a quadrupole term, O((e/r)²): shrinking e tenfold cuts it about a hundredfold. (Much
            // smaller rectangles stop converging: their corner terms cancel to O(e²) and rounding takes over.)
            double coarse = Error(1.0), fine = Error(0.1);
            return fine < 1e-3 && (fine < 0.03 * coarse || fine < 1e-7);
        }, maxTest: 100);
    }

    [Fact]
    public void Vertical_strike_slip_uplift_is_antisymmetric_about_the_fault_plane()
    {
        var gen = from c in Dc3dCase.Generator(surface: true, minPlaneDistance: 0.01)
                  let s = c.Source
                  select c with { Source = s with { Dip = 90, Depth = Math.Max(s.Aw2, 0) + 0.5, Disl2 = 0, Disl3 = 0 } };
        Properties.Check(gen.ToArbitrary(), c =>
        {
            var a = Okada92.Dc3d(c.Source, c.X, c.Y, 0);
            var b = Okada92.Dc3d(c.Source, c.X, -c.Y, 0);
            double tol = 1e-12 * Math.Max(c.Scale.Displacement, Math.Abs(a.Uz));
            // Mirroring across the plane y = 0 flips uz and ux (the two walls move oppositely) and keeps uy.
            return Math.Abs(a.Uz + b.Uz) <= tol && Math.Abs(a.Ux + b.Ux) <= tol && Math.Abs(a.Uy - b.Uy) <= tol;
        });
    }
}
