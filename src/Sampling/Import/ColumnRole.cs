namespace SourceModel.Sampling.Import;

/// <summary>What a column of a point table holds. Units and signs come from the declaration, not from the role.</summary>
public enum ColumnRole
{
    /// <summary>Longitude, degrees.</summary>
    Longitude,
    /// <summary>Latitude, degrees.</summary>
    Latitude,
    /// <summary>Projected or local easting (unit declared).</summary>
    X,
    /// <summary>Projected or local northing (unit declared).</summary>
    Y,
    /// <summary>Elevation, m.</summary>
    Elevation,
    /// <summary>The observation (LOS or one GNSS component), unit declared.</summary>
    Value,
    /// <summary>Standard deviation of the observation, unit declared.</summary>
    Sigma,
    /// <summary>Relative per-row weight.</summary>
    Weight,
    /// <summary>Unit-vector east component (direction declared).</summary>
    VectorEast,
    /// <summary>Unit-vector north component.</summary>
    VectorNorth,
    /// <summary>Unit-vector up component.</summary>
    VectorUp,
    /// <summary>First look angle (incidence or elevation), degrees (convention declared).</summary>
    AngleA,
    /// <summary>Second look angle (heading or azimuth), degrees.</summary>
    AngleB,
    /// <summary>GNSS east displacement.</summary>
    GnssEast,
    /// <summary>GNSS north displacement.</summary>
    GnssNorth,
    /// <summary>GNSS up displacement.</summary>
    GnssUp,
    /// <summary>GNSS east sigma.</summary>
    SigmaEast,
    /// <summary>GNSS north sigma.</summary>
    SigmaNorth,
    /// <summary>GNSS up sigma.</summary>
    SigmaUp,
    /// <summary>Quadtree leaf size (unit of the coordinates).</summary>
    LeafSize,
    /// <summary>Pixels in a quadtree leaf.</summary>
    PixelCount,
    /// <summary>A text label (station name); never parsed as a number.</summary>
    Name,
}

/// <summary>Config names of the roles (snake case, as written in YAML).</summary>
public static class ColumnRoles
{
    private static readonly Dictionary<string, ColumnRole> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lon"] = ColumnRole.Longitude, ["lat"] = ColumnRole.Latitude, ["x"] = ColumnRole.X, ["y"] = ColumnRole.Y,
        ["elevation"] = ColumnRole.Elevation, ["value"] = ColumnRole.Value, ["sigma"] = ColumnRole.Sigma,
        ["weight"] = ColumnRole.Weight, ["vector_e"] = ColumnRole.VectorEast, ["vector_n"] = ColumnRole.VectorNorth,
        ["vector_u"] = ColumnRole.VectorUp, ["angle_a"] = ColumnRole.AngleA, ["angle_b"] = ColumnRole.AngleB,
        ["gnss_e"] = ColumnRole.GnssEast, ["gnss_n"] = ColumnRole.GnssNorth, ["gnss_u"] = ColumnRole.GnssUp,
        ["sigma_e"] = ColumnRole.SigmaEast, ["sigma_n"] = ColumnRole.SigmaNorth, ["sigma_u"] = ColumnRole.SigmaUp,
        ["leaf_size"] = ColumnRole.LeafSize, ["pixels"] = ColumnRole.PixelCount, ["name"] = ColumnRole.Name,
    };

    /// <summary>All config names, for error messages.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>Parses a config name.</summary>
    public static bool TryParse(string name, out ColumnRole role) => ByName.TryGetValue(name.Trim(), out role);

    /// <summary>The config name of a role.</summary>
    public static string Name(this ColumnRole role) => ByName.First(kv => kv.Value == role).Key;
}
