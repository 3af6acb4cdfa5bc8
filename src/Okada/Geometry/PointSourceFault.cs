using SourceModel.Okada.Mechanics;

namespace SourceModel.Okada.Geometry;

/// <summary>
/// A point source (Okada 1992 DC3D0) in the local frame, with potencies in m³: shear potency = moment/μ
/// (= slip × area), tensile potency = opening × area, and an inflation potency (intensity/μ, Okada's POT4).
/// </summary>
/// <param name="East">Easting, metres.</param>
/// <param name="North">Northing, metres.</param>
/// <param name="Depth">Depth, metres, ≥ 0.</param>
/// <param name="Strike">Strike of the nodal plane, degrees clockwise from north.</param>
/// <param name="Dip">Dip, degrees [0, 90].</param>
/// <param name="StrikePotency">Left-lateral strike-slip potency, m³.</param>
/// <param name="DipPotency">Reverse dip-slip potency, m³.</param>
/// <param name="TensilePotency">Tensile potency, m³.</param>
/// <param name="InflationPotency">Inflation potency (Okada's POT4), m³.</param>
public sealed record PointSourceFault(double East, double North, double Depth, double Strike, double Dip,
    double StrikePotency, double DipPotency, double TensilePotency = 0.0, double InflationPotency = 0.0)
{
    /// <summary>Validates the source; throws <see cref="ArgumentException"/> naming the offending parameter.</summary>
    public PointSourceFault Validated()
    {
        ArgumentChecks.Finite(East, nameof(East)); ArgumentChecks.Finite(North, nameof(North));
        ArgumentChecks.NonNegative(Depth, nameof(Depth)); ArgumentChecks.Finite(Strike, nameof(Strike));
        ArgumentChecks.Dip(Dip, nameof(Dip));
        ArgumentChecks.Finite(StrikePotency, nameof(StrikePotency)); ArgumentChecks.Finite(DipPotency, nameof(DipPotency));
        ArgumentChecks.Finite(TensilePotency, nameof(TensilePotency)); ArgumentChecks.Finite(InflationPotency, nameof(InflationPotency));
        return this;
    }

    /// <summary>The DC3D0 arguments of this source for a medium (origin at the epicentre, x along strike).</summary>
    public Dc3d0Source ToOkada(ElasticMedium medium) =>
        new(medium.Alpha, Depth, Dip, StrikePotency, DipPotency, TensilePotency, InflationPotency);

    /// <summary>The point source equivalent to a rectangle (same centroid and orientation, potency = slip × area).</summary>
    public static PointSourceFault FromRectangle(RectangularFault f)
    {
        var c = f.Centroid;
        return new PointSourceFault(c.East, c.North, c.Depth, f.Strike, f.Dip,
            f.Slip.StrikeSlip * f.Area, f.Slip.DipSlip * f.Area, f.Slip.Opening * f.Area);
    }
}
