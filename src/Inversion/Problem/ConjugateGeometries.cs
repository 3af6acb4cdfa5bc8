using SourceModel.Inversion.Parameters;
using SourceModel.Okada.Geometry;

namespace SourceModel.Inversion.Problem;

/// <summary>
/// The geometries a rectangle's data are known to confuse with it, as full parameter vectors: the same plane dipping
/// the other way (strike + 180°, about the same centroid and about the same top edge) and the auxiliary nodal plane
/// (normal and slip vectors exchanged; length and width swapped; same centroid). A surface dislocation's far field
/// hardly separates the two nodal planes, and a steep fault's near field hardly separates its dip direction, so a
/// search must look at each.
/// </summary>
public static class ConjugateGeometries
{
    /// <summary>Alternatives to <paramref name="full"/> for every rectangle of the layout, each clamped into the bounds.
    /// The rake is the conjugate's own (the auxiliary plane's rake), which a slip-projected search ignores.</summary>
    public static List<double[]> Of(SourceLayout layout, ParameterSpace space, double[] full)
    {
        var result = new List<double[]>();
        for (int k = 0; k < layout.Templates.Count; k++)
        {
            var t = layout.Templates[k];
            if (t.Kind != SourceKind.Rectangle) continue;
            int o = layout.Offset(k);
            double east = full[o], north = full[o + 1], depth = full[o + 2], length = full[o + 3], width = full[o + 4];
            double strike = full[o + 5], dip = full[o + 6];
            double rake = t.Slip == SlipForm.RakeAndSlip ? full[o + 7] : Math.Atan2(full[o + 8], full[o + 7]) * 180 / Math.PI;
            if (!(length > 0 && width > 0 && dip is >= 0 and <= 90)) continue;
            var fault = t.Depth == DepthReference.Centroid
                ? RectangularFault.FromCentroid(east, north, depth, length, width, strike, dip, default)
                : new RectangularFault(east, north, Math.Max(depth, 0), length, width, strike, dip, default);
            var c = fault.Centroid;

            void Add(RectangularFault f, double newRake)
            {
                var v = (double[])full.Clone();
                var cc = f.Centroid;
                (v[o], v[o + 1], v[o + 2]) = t.Depth == DepthReference.Centroid ? (cc.East, cc.North, cc.Depth) : (f.East, f.North, f.TopDepth);
                (v[o + 3], v[o + 4], v[o + 5], v[o + 6]) = (f.Length, f.Width, f.Strike, f.Dip);
                if (t.Slip == SlipForm.RakeAndSlip) v[o + 7] = newRake;
                else
                {
                    double magnitude = Math.Sqrt(full[o + 7] * full[o + 7] + full[o + 8] * full[o + 8]), r = newRake * Math.PI / 180;
                    (v[o + 7], v[o + 8]) = (magnitude * Math.Cos(r), magnitude * Math.Sin(r));
                }
                result.Add(IntoBounds(space, v));
            }

            double mirrorStrike = Wrap(strike + 180);
            // Mirror about the same centroid, and about the same top edge (the surface trace of a shallow fault).
            Add(Placed(c.East, c.North, c.Depth, length, width, mirrorStrike, dip), rake);
            Add(new RectangularFault(fault.East, fault.North, fault.TopDepth, length, width, mirrorStrike, dip, default), rake);
            var (s2, d2, r2) = AuxiliaryPlane(strike, dip, rake);
            Add(Placed(c.East, c.North, c.Depth, width, length, s2, d2), r2);
        }
        return result;
    }

    /// <summary>The auxiliary nodal plane (strike, dip, rake in degrees; Aki &amp; Richards 1980, box 4.4 conventions).</summary>
    public static (double Strike, double Dip, double Rake) AuxiliaryPlane(double strike, double dip, double rake)
    {
        double f = strike * Math.PI / 180, d = dip * Math.PI / 180, l = rake * Math.PI / 180;
        // North, east, down components of the plane's normal (pointing into the hanging wall, up) and of the slip.
        double nN = -Math.Sin(d) * Math.Sin(f), nE = Math.Sin(d) * Math.Cos(f), nD = -Math.Cos(d);
        double sN = Math.Cos(l) * Math.Cos(f) + Math.Cos(d) * Math.Sin(l) * Math.Sin(f);
        double sE = Math.Cos(l) * Math.Sin(f) - Math.Cos(d) * Math.Sin(l) * Math.Cos(f);
        double sD = -Math.Sin(l) * Math.Sin(d);
        // Exchange: the slip vector is the new normal, the normal the new slip; keep the normal pointing up.
        double mN = sN, mE = sE, mD = sD, uN = nN, uE = nE, uD = nD;
        if (mD > 0) (mN, mE, mD, uN, uE, uD) = (-mN, -mE, -mD, -uN, -uE, -uD);
        double dip2 = Math.Acos(Math.Clamp(-mD, -1, 1));
        double strike2 = Math.Atan2(-mN, mE);
        double sin2 = Math.Sin(dip2);
        double along = uN * Math.Cos(strike2) + uE * Math.Sin(strike2);
        double rake2 = sin2 > 1e-12 ? Math.Atan2(-uD / sin2, along) : Math.Atan2(-(uN * -Math.Sin(strike2) + uE * Math.Cos(strike2)), along);
        return (Wrap(strike2 * 180 / Math.PI), dip2 * 180 / Math.PI, rake2 * 180 / Math.PI);
    }

    private static RectangularFault Placed(double east, double north, double centroidDepth, double length, double width, double strike, double dip)
    {
        // Keep the top at or below the surface: a centroid too shallow for the width raises it until the top is at 0.
        double half = 0.5 * width * Math.Sin(dip * Math.PI / 180);
        return RectangularFault.FromCentroid(east, north, Math.Max(centroidDepth, half), length, width, strike, dip, default);
    }

    /// <summary>A full vector with every free parameter brought inside its bounds (angles first by whole turns).</summary>
    private static double[] IntoBounds(ParameterSpace space, double[] v)
    {
        foreach (int i in space.FreeIndices)
        {
            var s = space.Specs[i];
            string p = s.Name[(s.Name.IndexOf('.') + 1)..];
            if (p is "strike" or "rake")
                for (int turn = -2; turn <= 2 && (v[i] < s.Min || v[i] > s.Max); turn++)
                {
                    double candidate = v[i] + 360 * turn;
                    if (candidate >= s.Min && candidate <= s.Max) v[i] = candidate;
                }
            v[i] = Math.Clamp(v[i], s.Min, s.Max);
        }
        return v;
    }

    private static double Wrap(double degrees)
    {
        double r = degrees % 360;
        return r < 0 ? r + 360 : r;
    }
}
