namespace SourceModel.Coulomb.Resolution;

/// <summary>A receiver fault orientation and the slip direction of interest (Aki–Richards, dip to the right of strike).</summary>
/// <param name="Strike">Degrees clockwise from north, 0–360.</param>
/// <param name="Dip">Degrees from horizontal, 0–90, down to the right of strike.</param>
/// <param name="Rake">Degrees: 0 left-lateral, 90 reverse, −90 normal, ±180 right-lateral.</param>
public readonly record struct ReceiverPlane(double Strike, double Dip, double Rake)
{
    /// <summary>Throws <see cref="ArgumentException"/> for impossible angles.</summary>
    public ReceiverPlane Validated()
    {
        if (!double.IsFinite(Strike) || Strike < -360 || Strike > 720) throw new ArgumentException($"receiver strike {Strike} is not an angle in degrees (0-360).");
        if (!double.IsFinite(Dip) || Dip < 0 || Dip > 90) throw new ArgumentException($"receiver dip {Dip} must be within 0-90 degrees.");
        if (!double.IsFinite(Rake) || Rake < -360 || Rake > 360) throw new ArgumentException($"receiver rake {Rake} must be within -360..360 degrees.");
        return this;
    }

    /// <summary>Unit vectors in east/north/up: along strike, up-dip, and the normal pointing into the hanging wall.</summary>
    public ((double E, double N, double U) Strike, (double E, double N, double U) UpDip, (double E, double N, double U) Normal) Axes()
    {
        var (sf, cf) = Math.SinCos(Strike * Math.PI / 180);
        var (sd, cd) = Math.SinCos(Dip * Math.PI / 180);
        return ((sf, cf, 0), (-cd * cf, cd * sf, sd), (sd * cf, -sd * sf, cd));
    }
}
