namespace SourceModel.Okada.Forward;

/// <summary>
/// A line-of-sight unit vector from the ground to the satellite in east/north/up. LOS displacement is
/// d = u·l, positive toward the satellite (range decrease).
/// </summary>
/// <param name="East">East component.</param>
/// <param name="North">North component.</param>
/// <param name="Up">Up component (positive for any real SAR geometry).</param>
public readonly record struct LosVector(double East, double North, double Up)
{
    /// <summary>Checks that the vector is finite and of unit length (within 1e-3); throws naming the problem.</summary>
    public LosVector Validated()
    {
        ArgumentChecks.Finite(East, "los.east"); ArgumentChecks.Finite(North, "los.north"); ArgumentChecks.Finite(Up, "los.up");
        double n = Math.Sqrt(East * East + North * North + Up * Up);
        if (Math.Abs(n - 1) > 1e-3)
            throw new ArgumentException(FormattableString.Invariant(
                $"LOS vector ({East}, {North}, {Up}) has length {n}; a unit vector (ground to satellite) is required."), "los");
        return this;
    }

    /// <summary>LOS displacement of an east/north/up displacement (same unit), positive toward the satellite.</summary>
    public double Project(double east, double north, double up) => East * east + North * north + Up * up;

    /// <summary>
    /// The unit vector of a right-looking SAR from the incidence angle at the ground (degrees from vertical) and
    /// the heading (flight direction, degrees clockwise from north): the satellite lies at azimuth heading − 90°
    /// from the ground point. For example Sentinel-1 ascending (heading ≈ −10°, incidence 39°) gives a vector
    /// pointing up and to the west. Processors that define heading or incidence differently are mapped to this
    /// one by the data front end, by name.
    /// </summary>
    public static LosVector FromIncidenceAndHeading(double incidenceDegrees, double headingDegrees)
    {
        ArgumentChecks.Finite(incidenceDegrees, "incidence");
        ArgumentChecks.Finite(headingDegrees, "heading");
        if (incidenceDegrees < 0 || incidenceDegrees >= 90)
            throw new ArgumentException(FormattableString.Invariant(
                $"incidence = {incidenceDegrees} degrees: must be in [0, 90) (angle from the vertical at the ground)."), "incidence");
        double inc = incidenceDegrees * Math.PI / 180.0, head = headingDegrees * Math.PI / 180.0;
        double s = Math.Sin(inc);
        return new LosVector(-s * Math.Cos(head), s * Math.Sin(head), Math.Cos(inc));
    }
}
