using SourceModel.Sampling.Conventions;

namespace SourceModel.Sampling.Import;

/// <summary>How a file's point coordinates are written.</summary>
public enum CoordinateKind
{
    /// <summary>Longitude/latitude in degrees (WGS84).</summary>
    Geographic,
    /// <summary>UTM easting/northing of a declared zone and hemisphere.</summary>
    Utm,
    /// <summary>Already local east/north about the reference.</summary>
    Local,
}

/// <summary>The declared coordinate system of a point file.</summary>
/// <param name="Kind">Geographic, UTM or local.</param>
/// <param name="Unit">Unit of projected coordinates (m or km); ignored for geographic.</param>
/// <param name="UtmZone">UTM zone 1..60 (UTM only).</param>
/// <param name="Northern">Northern hemisphere (UTM only).</param>
public sealed record CoordinateDeclaration(CoordinateKind Kind, LengthUnit Unit = LengthUnit.Metre, int UtmZone = 0, bool Northern = true)
{
    /// <summary>Longitude/latitude in degrees.</summary>
    public static CoordinateDeclaration Geographic { get; } = new(CoordinateKind.Geographic);

    /// <summary>For provenance.</summary>
    public override string ToString() => Kind switch
    {
        CoordinateKind.Geographic => "coordinates lon/lat (deg, WGS84)",
        CoordinateKind.Utm => $"coordinates UTM zone {UtmZone}{(Northern ? "N" : "S")} in {Unit.Symbol()}",
        _ => $"coordinates local east/north in {Unit.Symbol()}",
    };
}
