using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Inversion.Scenarios;

/// <summary>How far a recovered rectangle is from the truth, in the quantities a seismologist reads.</summary>
/// <param name="Strike">|Δstrike|, degrees (modulo 360).</param>
/// <param name="Dip">|Δdip|, degrees.</param>
/// <param name="Rake">|Δrake|, degrees (modulo 360).</param>
/// <param name="MomentMagnitude">|ΔMw|.</param>
/// <param name="TopCentre">Distance between the top-edge centres (3-D), m.</param>
public readonly record struct RecoveryError(double Strike, double Dip, double Rake, double MomentMagnitude, double TopCentre)
{
    /// <summary>The error of <paramref name="found"/> relative to <paramref name="truth"/>.</summary>
    public static RecoveryError Of(RectangularFault truth, RectangularFault found, ElasticMedium? medium = null)
    {
        var m = medium ?? ElasticMedium.Default;
        static double Angle(double a, double b)
        {
            double d = Math.Abs(a - b) % 360;
            return d > 180 ? 360 - d : d;
        }
        double mw(RectangularFault f) => Problem.SourceSet.MomentMagnitude(f.Moment(m));
        double de = found.East - truth.East, dn = found.North - truth.North, dz = found.TopDepth - truth.TopDepth;
        return new RecoveryError(Angle(found.Strike, truth.Strike), Math.Abs(found.Dip - truth.Dip), Angle(found.Slip.Rake, truth.Slip.Rake),
            Math.Abs(mw(found) - mw(truth)), Math.Sqrt(de * de + dn * dn + dz * dz));
    }

    /// <summary>Within the bands of issue 19: strike and dip ±5°, rake ±10°, Mw ±0.05, top-edge centre ±1.5 km.</summary>
    public bool WithinBands => Strike <= 5 && Dip <= 5 && Rake <= 10 && MomentMagnitude <= 0.05 && TopCentre <= 1_500;

    /// <summary>The quantities outside their band, for tables (empty when within).</summary>
    public string Misses()
    {
        var parts = new List<string>();
        if (Strike > 5) parts.Add(FormattableString.Invariant($"strike {Strike:F1}°"));
        if (Dip > 5) parts.Add(FormattableString.Invariant($"dip {Dip:F1}°"));
        if (Rake > 10) parts.Add(FormattableString.Invariant($"rake {Rake:F1}°"));
        if (MomentMagnitude > 0.05) parts.Add(FormattableString.Invariant($"Mw {MomentMagnitude:F2}"));
        if (TopCentre > 1_500) parts.Add(FormattableString.Invariant($"top {TopCentre / 1000:F1} km"));
        return string.Join(", ", parts);
    }
}
