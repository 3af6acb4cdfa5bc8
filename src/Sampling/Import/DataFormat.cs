namespace SourceModel.Sampling.Import;

/// <summary>File formats the front end reads. Each fixes a column layout; the conventions that the format itself
/// does not pin down (units, LOS sign, vector direction, coordinate system) must be declared.</summary>
public enum DataFormat
{
    /// <summary>Generic delimited LOS text: columns, separator and header declared.</summary>
    Delimited,
    /// <summary>Generic delimited GNSS table (any of east/north/up with sigmas, a station name column).</summary>
    Gnss,
    /// <summary>Quadtree leaves extracted from BEAT/Kite (the L'Aquila files): header
    /// <c>lon,lat,los_m,incidence_deg,heading_deg,unit_e,unit_n,unit_u[,…]</c>.</summary>
    BeatCsv,
    /// <summary>Kite's own <c>Quadtree.export</c> CSV: <c>node_id, focal_point_E, focal_point_N, theta, phi,
    /// mean_displacement, median_displacement, absolute_weight</c> (θ, φ in radians, Kite's convention).</summary>
    KiteCsv,
    /// <summary>Geodetic Inversion Package (Xu et al. 2016) <c>.lltnde</c>: <c>lon lat elevation_m E N U los weight</c>.</summary>
    Lltnde,
    /// <summary>Same package's GNSS <c>.lldet</c>: <c>lon lat dE dN dU sE sN sU elevation_m</c>.</summary>
    Lldet,
    /// <summary>Funning's okinv text: <c>x y los E N U id</c> with projected coordinates.</summary>
    Okinv,
    /// <summary>R. Wang's SDM data file: <c>lat lon value sigma</c>, one direction (incidence/azimuth) per file.</summary>
    Sdm,
    /// <summary>GTdef input lines <c>point 3 …</c> (GNSS) or <c>los 1 …</c> (InSAR); other keywords are skipped.</summary>
    Gtdef,
    /// <summary>This toolkit's own point CSV (quadtree output, <see cref="SourceModelCsv"/>): local metres about the
    /// reference in its first comment line, values in m toward the satellite, ground-to-satellite vectors.</summary>
    SourceModelCsv,
}

/// <summary>Config names of the formats.</summary>
public static class DataFormats
{
    private static readonly (string Name, DataFormat Format)[] Names =
    [
        ("delimited", DataFormat.Delimited), ("gnss", DataFormat.Gnss), ("beat-csv", DataFormat.BeatCsv), ("kite-csv", DataFormat.KiteCsv),
        ("lltnde", DataFormat.Lltnde), ("lldet", DataFormat.Lldet), ("okinv", DataFormat.Okinv), ("sdm", DataFormat.Sdm),
        ("gtdef", DataFormat.Gtdef), ("sourcemodel-csv", DataFormat.SourceModelCsv),
    ];

    /// <summary>All config names.</summary>
    public static IEnumerable<string> All => Names.Select(n => n.Name);

    /// <summary>Parses a config name.</summary>
    public static bool TryParse(string text, out DataFormat format)
    {
        foreach (var (n, f) in Names)
            if (string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)) { format = f; return true; }
        format = default;
        return false;
    }

    /// <summary>The config name of a format.</summary>
    public static string Name(this DataFormat format) => Names.First(n => n.Format == format).Name;
}
