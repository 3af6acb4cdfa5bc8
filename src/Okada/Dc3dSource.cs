using System.Globalization;

namespace SourceModel.Okada;

/// <summary>
/// The source arguments of one DC3D call, in Okada's own frame and names: x along strike, y horizontal to the left of strike
/// (up-dip points toward +y), z up with the
/// medium at z ≤ 0. The
/// rectangle's reference point is at (0, 0, −<see cref="Depth"/>); it spans <see cref="Al1"/>..<see cref="Al2"/>
/// along strike and <see cref="Aw1"/>..<see cref="Aw2"/> up-dip from there.
/// </summary>
/// <param name="Alpha">Medium constant α = (λ+μ)/(λ+2μ) = 1/(2(1−ν)); 2/3 for a Poisson solid. Must be in (0, 1].</param>
/// <param name="Depth">Depth of the reference point (length, positive down, ≥ 0).</param>
/// <param name="Dip">Dip in degrees, [0, 90].</param>
/// <param name="Al1">Start of the fault along strike (length), &lt; <see cref="Al2"/>.</param>
/// <param name="Al2">End of the fault along strike (length).</param>
/// <param name="Aw1">Down-dip edge, measured up-dip from the reference point (length), &lt; <see cref="Aw2"/>.</param>
/// <param name="Aw2">Up-dip edge (length); the top edge must not be above the surface: Depth − Aw2·sin δ ≥ 0.</param>
/// <param name="Disl1">Strike-slip dislocation, left-lateral positive (any length unit; outputs share it).</param>
/// <param name="Disl2">Dip-slip dislocation, reverse (hanging wall up) positive.</param>
/// <param name="Disl3">Tensile dislocation (opening) positive.</param>
public readonly record struct Dc3dSource(
    double Alpha, double Depth, double Dip,
    double Al1, double Al2, double Aw1, double Aw2,
    double Disl1, double Disl2, double Disl3)
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the parameter, its value and the allowed range when the
    /// source is not a valid DC3D input.
    /// </summary>
    public void Validate()
    {
        ArgumentChecks.Finite(Alpha, "ALPHA"); ArgumentChecks.Finite(Depth, "DEPTH"); ArgumentChecks.Finite(Dip, "DIP");
        ArgumentChecks.Finite(Al1, "AL1"); ArgumentChecks.Finite(Al2, "AL2");
        ArgumentChecks.Finite(Aw1, "AW1"); ArgumentChecks.Finite(Aw2, "AW2");
        ArgumentChecks.Finite(Disl1, "DISL1"); ArgumentChecks.Finite(Disl2, "DISL2"); ArgumentChecks.Finite(Disl3, "DISL3");
        ArgumentChecks.Alpha(Alpha);
        ArgumentChecks.Dip(Dip, "DIP");
        if (!(Al2 > Al1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"AL2 - AL1 = {Al2 - Al1} (AL1 = {Al1}, AL2 = {Al2}): the fault length must be positive, so AL1 < AL2 is required."), "AL2");
        if (!(Aw2 > Aw1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"AW2 - AW1 = {Aw2 - Aw1} (AW1 = {Aw1}, AW2 = {Aw2}): the fault width must be positive, so AW1 < AW2 is required."), "AW2");
        double top = Depth - Aw2 * new Kernels.KernelConstants(Alpha, Dip).Sd;
        if (top < -ArgumentChecks.SurfaceTolerance(Depth, Aw2))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The top edge is at depth DEPTH - AW2*sin(DIP) = {top}, above the free surface; it must be >= 0 (reduce AW2 or increase DEPTH)."), "AW2");
    }
}
