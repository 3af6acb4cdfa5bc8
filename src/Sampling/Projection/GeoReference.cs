namespace SourceModel.Sampling.Projection;

/// <summary>How geographic coordinates become local east/north metres.</summary>
public enum ProjectionKind
{
    /// <summary>Transverse Mercator on WGS84 centred on the reference (scale 1, no false origin): grid north is true
    /// north at the reference, so local north needs no meridian-convergence correction there. The default.</summary>
    TransverseMercator,

    /// <summary>UTM (WGS84) of the zone containing the reference (or a declared zone), shifted so the reference is the
    /// origin. Grid north differs from true north by the meridian convergence of that zone.</summary>
    Utm,
}

/// <summary>The origin of the local frame and the projection that defines it.</summary>
/// <param name="Longitude">Reference longitude, degrees east (−180..360).</param>
/// <param name="Latitude">Reference latitude, degrees north (−84..84 for UTM; −89..89 otherwise).</param>
/// <param name="Kind">Projection used.</param>
/// <param name="UtmZone">UTM zone number 1..60 when <see cref="Kind"/> is <see cref="ProjectionKind.Utm"/>;
/// 0 means "the zone of the reference".</param>
public sealed record GeoReference(double Longitude, double Latitude, ProjectionKind Kind = ProjectionKind.TransverseMercator, int UtmZone = 0)
{
    /// <summary>The UTM zone (1..60) that contains a longitude, by the standard 6° rule (Norway/Svalbard exceptions ignored).</summary>
    public static int ZoneOf(double longitude)
    {
        double lon = ((longitude + 180) % 360 + 360) % 360 - 180;
        return Math.Clamp((int)Math.Floor((lon + 180) / 6) + 1, 1, 60);
    }

    /// <summary>The UTM zone actually used (the declared one or the reference's).</summary>
    public int EffectiveZone => UtmZone != 0 ? UtmZone : ZoneOf(Longitude);

    /// <summary>One-line description for provenance and reports.</summary>
    public override string ToString() => Kind == ProjectionKind.Utm
        ? $"UTM zone {EffectiveZone}{(Latitude >= 0 ? "N" : "S")} about ({Longitude:0.######}E, {Latitude:0.######}N)"
        : $"transverse Mercator about ({Longitude:0.######}E, {Latitude:0.######}N)";
}
