namespace SourceModel.Inversion.Problem;

/// <summary>
/// Terms of a dataset that are not the source — a reference offset, an orbital ramp — solved by linear least squares
/// inside every cost evaluation, so the nonlinear search never sees them (PSOKINV, GBIS).
/// </summary>
public enum NuisanceModel
{
    /// <summary>No nuisance term.</summary>
    None,

    /// <summary>A constant offset (unknown reference of the interferogram).</summary>
    Offset,

    /// <summary>Offset + a·east + b·north (orbital ramp).</summary>
    Linear,

    /// <summary>Linear + east², east·north, north² (long-wavelength orbit or atmosphere).</summary>
    Quadratic,
}

/// <summary>The columns of a nuisance model at a dataset's points.</summary>
public static class NuisanceColumns
{
    /// <summary>Coordinates are scaled by this length (m) so ramp coefficients and the least-squares system stay well
    /// conditioned; coefficients are reported per metre (or m²) all the same.</summary>
    public const double Scale = 100_000.0;

    /// <summary>Column names with units of their coefficients.</summary>
    public static IReadOnlyList<string> Names(NuisanceModel model) => model switch
    {
        NuisanceModel.None => [],
        NuisanceModel.Offset => ["offset_m"],
        NuisanceModel.Linear => ["offset_m", "east_ramp_m_per_m", "north_ramp_m_per_m"],
        _ => ["offset_m", "east_ramp_m_per_m", "north_ramp_m_per_m", "east2_m_per_m2", "east_north_m_per_m2", "north2_m_per_m2"],
    };

    /// <summary>The (scaled) basis value of column <paramref name="c"/> at a point, and the factor that converts a
    /// coefficient of the scaled column to physical units.</summary>
    public static double Value(int c, double east, double north, double centreEast, double centreNorth)
    {
        double x = (east - centreEast) / Scale, y = (north - centreNorth) / Scale;
        return c switch { 0 => 1, 1 => x, 2 => y, 3 => x * x, 4 => x * y, _ => y * y };
    }

    /// <summary>Factor from a scaled-basis coefficient to the physical one (per m or per m²).</summary>
    public static double ToPhysical(int c) => c switch { 0 => 1, 1 or 2 => 1 / Scale, _ => 1 / (Scale * Scale) };
}
