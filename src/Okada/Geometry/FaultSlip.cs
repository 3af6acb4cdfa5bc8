namespace SourceModel.Okada.Geometry;

/// <summary>
/// Slip on a fault as components in the fault plane plus opening, in metres.
/// </summary>
/// <param name="StrikeSlip">Along-strike slip of the hanging wall (or the left side for a vertical fault) relative to
/// the footwall, left-lateral positive (Aki–Richards rake 0), metres. Okada's DISL1.</param>
/// <param name="DipSlip">Up-dip slip of the hanging wall, reverse/thrust positive (rake 90), metres. Okada's DISL2.</param>
/// <param name="Opening">Tensile opening, positive apart, metres. Okada's DISL3.</param>
public readonly record struct FaultSlip(double StrikeSlip, double DipSlip, double Opening = 0.0)
{
    /// <summary>Slip from an Aki–Richards rake (degrees: 0 left-lateral, 90 reverse, −90 normal, ±180 right-lateral) and a magnitude in metres.</summary>
    public static FaultSlip FromRake(double rakeDegrees, double magnitude, double opening = 0.0)
    {
        ArgumentChecks.Finite(rakeDegrees, "rake");
        ArgumentChecks.Finite(magnitude, "slip");
        ArgumentChecks.Finite(opening, "opening");
        double r = rakeDegrees * Math.PI / 180.0;
        return new FaultSlip(magnitude * Math.Cos(r), magnitude * Math.Sin(r), opening);
    }

    /// <summary>Rake in degrees, (−180, 180]; 0 when there is no shear slip.</summary>
    public double Rake => StrikeSlip == 0 && DipSlip == 0 ? 0.0 : Math.Atan2(DipSlip, StrikeSlip) * 180.0 / Math.PI;

    /// <summary>Magnitude of the shear slip, metres.</summary>
    public double Magnitude => Math.Sqrt(StrikeSlip * StrikeSlip + DipSlip * DipSlip);
}
