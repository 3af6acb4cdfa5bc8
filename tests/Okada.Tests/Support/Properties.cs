using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace SourceModel.Okada.Tests.Support;

/// <summary>FsCheck runs with a fixed seed (reproducible in CI) and a failure that throws with the counter-example.</summary>
public static class Properties
{
    public static void Check<T>(Arbitrary<T> arb, Func<T, bool> property, int maxTest = 200, ulong seed = 20261122)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(seed), FSharpOption<int>.None));
        FsCheck.Check.One(config, Prop.ForAll(arb, property));
    }

    /// <summary>Uniform doubles in [lo, hi] (FsCheck's own double generator includes NaN and infinities).</summary>
    public static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(i => lo + (hi - lo) * i / 1_000_000.0);
}

/// <summary>A random DC3D call: source and an internal observation point.</summary>
public sealed record Dc3dCase(Dc3dSource Source, double X, double Y, double Z)
{
    public override string ToString() => $"{Source} at ({X}, {Y}, {Z})";

    /// <summary>Scale of the summed corner terms: |slip| for displacements, |slip|/size for derivatives.</summary>
    public (double Displacement, double Gradient) Scale
    {
        get
        {
            var s = Source;
            double slip = new[] { s.Disl1, s.Disl2, s.Disl3 }.Select(Math.Abs).Max();
            double size = Math.Max(s.Al2 - s.Al1, s.Aw2 - s.Aw1);
            return (slip, slip / size);
        }
    }

    /// <summary>Distance of the point from the (real) fault plane and from its image: |q| for both sources.</summary>
    public double PlaneDistance
    {
        get
        {
            double sd = Math.Sin(Source.Dip * Math.PI / 180), cd = Math.Cos(Source.Dip * Math.PI / 180);
            double qReal = Y * sd - (Source.Depth + Z) * cd;
            double qImage = Y * sd - (Source.Depth - Z) * cd;
            return Math.Min(Math.Abs(qReal), Math.Abs(qImage));
        }
    }

    public static Gen<Dc3dCase> Generator(bool surface = false, double minPlaneDistance = 0.0) =>
        from alpha in Gen.Elements(2.0 / 3.0, 0.5, 0.6, 0.8)
        from dip in Gen.Frequency((4, Properties.Uniform(1, 89)), (1, Gen.Elements(0.0, 90.0, 45.0)))
        from al1 in Properties.Uniform(-15, 0)
        from length in Properties.Uniform(1, 20)
        from aw1 in Properties.Uniform(-15, -0.5)
        from width in Properties.Uniform(0.5, 15)
        from top in Properties.Uniform(0, 10)
        from d1 in Properties.Uniform(-2, 2)
        from d2 in Properties.Uniform(-2, 2)
        from d3 in Properties.Uniform(-2, 2)
        from x in Properties.Uniform(-30, 30)
        from y in Properties.Uniform(-30, 30)
        from z in surface ? Gen.Constant(0.0) : Properties.Uniform(-30, 0)
        let aw2 = aw1 + width
        let depth = top + Math.Max(aw2, 0) * Math.Sin(dip * Math.PI / 180)
        let c = new Dc3dCase(new Dc3dSource(alpha, depth, dip, al1, al1 + length, aw1, aw2, d1, d2, d3), x, y, z)
        where c.PlaneDistance >= minPlaneDistance
        select c;
}
