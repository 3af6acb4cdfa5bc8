namespace SourceModel.Sampling.Conventions;

/// <summary>
/// Named conventions for the two angles some processors store instead of a unit vector. Each maps (a, b) in degrees to
/// the ground-to-satellite unit vector (east, north, up); see docs/conventions.md for the sources.
/// </summary>
public enum LookAngleConvention
{
    /// <summary>a = incidence from vertical at the ground, b = heading: azimuth of the flight direction clockwise from
    /// north; right-looking SAR (BEAT/pyrocko, Kite's config, GBIS, LiCSAR metadata). Unit vector
    /// (−sin a cos b, sin a sin b, cos a).</summary>
    IncidenceHeading,

    /// <summary>Kite's per-pixel angles: a = θ, elevation of the satellite above the horizon; b = φ, horizontal
    /// direction to the satellite counter-clockwise from east. Unit vector (cos θ cos φ, cos θ sin φ, sin θ).</summary>
    KiteThetaPhi,

    /// <summary>ISCE / MintPy: a = incidence from vertical; b = azimuth of the ground-to-satellite vector measured from
    /// north, anti-clockwise positive. Unit vector (−sin a sin b, sin a cos b, cos a).</summary>
    IsceIncidenceAzimuth,

    /// <summary>R. Wang's SDM: a = incidence I of the observation direction from vertical, b = its azimuth A clockwise from
    /// north; the observation is u·n with n = (sin I sin A, sin I cos A, cos I). (90, 0) is north, (90, 90) east, (0, 0) up.</summary>
    SdmIncidenceAzimuth,
}

/// <summary>Angle conventions → unit vectors.</summary>
public static class LookAngles
{
    /// <summary>The unit vector (east, north, up) for angles (a, b) in degrees under <paramref name="convention"/>.</summary>
    public static (double East, double North, double Up) ToUnitVector(LookAngleConvention convention, double a, double b)
    {
        double ra = a * Math.PI / 180, rb = b * Math.PI / 180;
        double sa = Math.Sin(ra), ca = Math.Cos(ra), sb = Math.Sin(rb), cb = Math.Cos(rb);
        return convention switch
        {
            LookAngleConvention.IncidenceHeading => (-sa * cb, sa * sb, ca),
            LookAngleConvention.KiteThetaPhi => (ca * cb, ca * sb, sa),
            LookAngleConvention.IsceIncidenceAzimuth => (-sa * sb, sa * cb, ca),
            LookAngleConvention.SdmIncidenceAzimuth => (sa * sb, sa * cb, ca),
            _ => throw new ArgumentOutOfRangeException(nameof(convention)),
        };
    }

    /// <summary>Which of the two angles must lie in 0..90 (the incidence or elevation), and its name.</summary>
    public static string FirstAngleName(LookAngleConvention convention) => convention switch
    {
        LookAngleConvention.KiteThetaPhi => "elevation theta",
        _ => "incidence",
    };

    /// <summary>Config names: incidence-heading, kite-theta-phi, isce, sdm.</summary>
    public static bool TryParse(string text, out LookAngleConvention convention)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "incidence-heading": case "beat": case "gbis": case "pyrocko": case "licsar": convention = LookAngleConvention.IncidenceHeading; return true;
            case "kite-theta-phi": case "kite": convention = LookAngleConvention.KiteThetaPhi; return true;
            case "isce": case "mintpy": case "isce-incidence-azimuth": convention = LookAngleConvention.IsceIncidenceAzimuth; return true;
            case "sdm": case "sdm-incidence-azimuth": convention = LookAngleConvention.SdmIncidenceAzimuth; return true;
            default: convention = default; return false;
        }
    }

    /// <summary>The config name of a convention.</summary>
    public static string Name(this LookAngleConvention convention) => convention switch
    {
        LookAngleConvention.IncidenceHeading => "incidence-heading",
        LookAngleConvention.KiteThetaPhi => "kite-theta-phi",
        LookAngleConvention.IsceIncidenceAzimuth => "isce",
        LookAngleConvention.SdmIncidenceAzimuth => "sdm",
        _ => throw new ArgumentOutOfRangeException(nameof(convention)),
    };
}
