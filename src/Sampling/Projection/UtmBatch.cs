using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace SourceModel.Sampling.Projection;

/// <summary>Many UTM coordinates to geographic at once (one ProjNet transform for the whole batch).</summary>
public static class UtmBatch
{
    /// <summary>In place: easting/northing (m) in → longitude/latitude (degrees) out.</summary>
    public static void ToGeographic(int zone, bool northern, Span<double> eastingToLongitude, Span<double> northingToLatitude)
    {
        if (zone is < 1 or > 60) throw new ArgumentException($"UTM zone must be 1..60, got {zone}.");
        var t = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(ProjectedCoordinateSystem.WGS84_UTM(zone, northern), GeographicCoordinateSystem.WGS84).MathTransform;
        t.Transform(eastingToLongitude, northingToLatitude, 1, 1);
    }
}
