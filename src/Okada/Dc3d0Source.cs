namespace SourceModel.Okada;

/// <summary>
/// The source arguments of one DC3D0 call (point source at (0, 0, −<see cref="Depth"/>) in Okada's frame).
/// Potencies follow Okada's definitions: moment/μ for the double couples, intensity/λ for the isotropic part
/// (POT3) and intensity/μ for the linear dipole (POT4); outputs are potency / length² (displacement) and
/// potency / length³ (derivatives).
/// </summary>
/// <param name="Alpha">Medium constant α = (λ+μ)/(λ+2μ), in (0, 1].</param>
/// <param name="Depth">Source depth (length, ≥ 0).</param>
/// <param name="Dip">Dip in degrees, [0, 90].</param>
/// <param name="Pot1">Strike-slip potency.</param>
/// <param name="Pot2">Dip-slip potency.</param>
/// <param name="Pot3">Tensile potency.</param>
/// <param name="Pot4">Inflation potency.</param>
public readonly record struct Dc3d0Source(double Alpha, double Depth, double Dip,
    double Pot1, double Pot2, double Pot3, double Pot4)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the parameter, value and allowed range.</summary>
    public void Validate()
    {
        ArgumentChecks.Finite(Alpha, "ALPHA"); ArgumentChecks.Finite(Depth, "DEPTH"); ArgumentChecks.Finite(Dip, "DIP");
        ArgumentChecks.Finite(Pot1, "POT1"); ArgumentChecks.Finite(Pot2, "POT2");
        ArgumentChecks.Finite(Pot3, "POT3"); ArgumentChecks.Finite(Pot4, "POT4");
        ArgumentChecks.Alpha(Alpha);
        ArgumentChecks.Dip(Dip, "DIP");
        if (Depth < 0)
            throw new ArgumentException(FormattableString.Invariant(
                $"DEPTH = {Depth}: the point source must not be above the free surface (DEPTH >= 0)."), "DEPTH");
    }
}
