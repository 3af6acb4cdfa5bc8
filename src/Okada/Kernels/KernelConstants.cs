namespace SourceModel.Okada.Kernels;

/// <summary>
/// Medium and dip constants shared by every observation point of one call (Okada 1992, DCCON0):
/// α = (λ+μ)/(λ+2μ) and the sine and cosine of the dip.
/// </summary>
/// <remarks>
/// As in DC3D, a cosine smaller than 1e-6 in magnitude is snapped to zero and the sine to ±1, so a dip of
/// 89.99999° is treated exactly as a vertical fault and the cos δ = 0 forms of the I and K terms are used.
/// </remarks>
internal readonly struct KernelConstants
{
    /// <summary>Threshold below which DC3D treats a coordinate or cos δ as zero.</summary>
    public const double Eps = 1e-6;

    /// <summary>2π as Okada's code writes it (the rounding of this literal is part of bit-compatibility).</summary>
    public const double TwoPi = 6.283185307179586;

    public readonly double Alp1, Alp2, Alp3, Alp4, Alp5;
    public readonly double Sd, Cd, SdSd, CdCd, SdCd, S2d, C2d;

    /// <param name="alpha">(λ+μ)/(λ+2μ), in (0, 1).</param>
    /// <param name="dipDegrees">Dip in degrees.</param>
    public KernelConstants(double alpha, double dipDegrees)
    {
        Alp1 = (1.0 - alpha) / 2.0;
        Alp2 = alpha / 2.0;
        Alp3 = (1.0 - alpha) / alpha;
        Alp4 = 1.0 - alpha;
        Alp5 = alpha;

        double degreesToRadians = TwoPi / 360.0;
        double sd = Math.Sin(dipDegrees * degreesToRadians);
        double cd = Math.Cos(dipDegrees * degreesToRadians);
        if (Math.Abs(cd) < Eps)
        {
            cd = 0.0;
            if (sd > 0.0) sd = 1.0;
            if (sd < 0.0) sd = -1.0;
        }
        Sd = sd;
        Cd = cd;
        SdSd = sd * sd;
        CdCd = cd * cd;
        SdCd = sd * cd;
        S2d = 2.0 * SdCd;
        C2d = CdCd - SdSd;
    }

    /// <summary>True when the fault is treated as vertical (cos δ snapped to zero).</summary>
    public bool IsVertical => Cd == 0.0;
}
