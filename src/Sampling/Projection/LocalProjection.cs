using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace SourceModel.Sampling.Projection;

/// <summary>
/// Geographic (WGS84 longitude/latitude, degrees) ⇄ local east/north (metres about a <see cref="GeoReference"/>), and
/// UTM easting/northing ⇄ geographic, through ProjNet. Not thread-safe (ProjNet transforms keep state): use one
/// instance per thread.
/// </summary>
public sealed class LocalProjection
{
    private static readonly CoordinateTransformationFactory Transforms = new();
    private readonly MathTransform _toProjected, _toGeographic;
    private readonly double _originEast, _originNorth;

    /// <summary>Builds the projection about <paramref name="reference"/>.</summary>
    public LocalProjection(GeoReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!double.IsFinite(reference.Longitude) || reference.Longitude < -180 || reference.Longitude > 360)
            throw new ArgumentException($"reference longitude must be within -180..360 degrees, got {reference.Longitude}.");
        double latLimit = reference.Kind == ProjectionKind.Utm ? 84 : 89;
        if (!double.IsFinite(reference.Latitude) || Math.Abs(reference.Latitude) > latLimit)
            throw new ArgumentException($"reference latitude must be within ±{latLimit} degrees, got {reference.Latitude}.");
        if (reference.UtmZone is < 0 or > 60)
            throw new ArgumentException($"UTM zone must be 1..60, got {reference.UtmZone}.");
        Reference = reference;
        var projected = reference.Kind == ProjectionKind.Utm
            ? Utm(reference.EffectiveZone, reference.Latitude >= 0)
            : TransverseMercatorAbout(reference.Longitude, reference.Latitude);
        var t = Transforms.CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, projected);
        _toProjected = t.MathTransform;
        _toGeographic = Transforms.CreateFromCoordinateSystems(projected, GeographicCoordinateSystem.WGS84).MathTransform;
        (_originEast, _originNorth) = _toProjected.Transform(reference.Longitude, reference.Latitude);
    }

    /// <summary>The origin and projection.</summary>
    public GeoReference Reference { get; }

    /// <summary>Local east/north (m) of a geographic point (degrees).</summary>
    public (double East, double North) Forward(double longitude, double latitude)
    {
        var (x, y) = _toProjected.Transform(longitude, latitude);
        return (x - _originEast, y - _originNorth);
    }

    /// <summary>Geographic longitude/latitude (degrees) of a local point (m).</summary>
    public (double Longitude, double Latitude) Inverse(double east, double north) =>
        _toGeographic.Transform(east + _originEast, north + _originNorth);

    /// <summary>Projects many points: <paramref name="east"/>/<paramref name="north"/> receive metres.</summary>
    public void Forward(ReadOnlySpan<double> longitude, ReadOnlySpan<double> latitude, Span<double> east, Span<double> north)
    {
        if (latitude.Length != longitude.Length || east.Length != longitude.Length || north.Length != longitude.Length)
            throw new ArgumentException("longitude, latitude, east and north must have the same length.");
        longitude.CopyTo(east);
        latitude.CopyTo(north);
        _toProjected.Transform(east, north, 1, 1);
        for (int i = 0; i < east.Length; i++)
        {
            east[i] -= _originEast;
            north[i] -= _originNorth;
        }
    }

    /// <summary>
    /// Meridian convergence at each point: the angle (radians, clockwise positive) from the projection's grid north to
    /// true north. Geographic east/north components (a GNSS north offset, a LOS vector from a heading) must be turned
    /// by it into the local frame (<see cref="TrueToGrid"/>): on a transverse Mercator it is about −Δλ·sin φ, 1.5° at
    /// 2.5° from the central meridian at 38° N, which turns a 20 m east offset into a 0.5 m error on the north component
    /// if ignored. <paramref name="east"/> and <paramref name="north"/> are the points' <see cref="Forward(double, double)"/>
    /// positions, which the caller has already computed.
    /// </summary>
    public void Convergence(ReadOnlySpan<double> longitude, ReadOnlySpan<double> latitude, ReadOnlySpan<double> east, ReadOnlySpan<double> north,
        Span<double> gamma)
    {
        int n = longitude.Length;
        if (latitude.Length != n || east.Length != n || north.Length != n || gamma.Length != n)
            throw new ArgumentException("longitude, latitude, east, north and gamma must have the same length.");
        const double step = 1e-5;   // degrees of latitude (≈ 1 m): the finite difference is exact to ~1e-9 rad
        var e1 = new double[n];
        var n1 = new double[n];
        var shifted = new double[n];
        // Step toward the equator (never past a pole), then flip the difference so it points to true north.
        for (int i = 0; i < n; i++) shifted[i] = latitude[i] + (latitude[i] > 0 ? -step : step);
        Forward(longitude, shifted, e1, n1);
        for (int i = 0; i < n; i++)
        {
            double sign = latitude[i] > 0 ? -1 : 1;
            gamma[i] = Math.Atan2(sign * (e1[i] - east[i]), sign * (n1[i] - north[i]));
        }
    }

    /// <summary>A vector's east/north components relative to true north, turned into the grid frame by the convergence
    /// <paramref name="gamma"/> (radians): true east and north are (cos γ, −sin γ) and (sin γ, cos γ) on the grid.</summary>
    public static (double East, double North) TrueToGrid(double east, double north, double gamma)
    {
        double cos = Math.Cos(gamma), sin = Math.Sin(gamma);
        return (east * cos + north * sin, -east * sin + north * cos);
    }

    /// <summary>Geographic longitude/latitude (degrees) of a WGS84 UTM coordinate (m).</summary>
    public static (double Longitude, double Latitude) FromUtm(int zone, bool northernHemisphere, double easting, double northing)
    {
        if (zone is < 1 or > 60) throw new ArgumentException($"UTM zone must be 1..60, got {zone}.");
        var t = Transforms.CreateFromCoordinateSystems(Utm(zone, northernHemisphere), GeographicCoordinateSystem.WGS84).MathTransform;
        return t.Transform(easting, northing);
    }

    /// <summary>WGS84 UTM easting/northing (m) of a geographic point in a given zone.</summary>
    public static (double Easting, double Northing) ToUtm(int zone, bool northernHemisphere, double longitude, double latitude)
    {
        if (zone is < 1 or > 60) throw new ArgumentException($"UTM zone must be 1..60, got {zone}.");
        var t = Transforms.CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, Utm(zone, northernHemisphere)).MathTransform;
        return t.Transform(longitude, latitude);
    }

    private static ProjectedCoordinateSystem Utm(int zone, bool north) => ProjectedCoordinateSystem.WGS84_UTM(zone, north);

    private static ProjectedCoordinateSystem TransverseMercatorAbout(double longitude, double latitude)
    {
        var factory = new CoordinateSystemFactory();
        var parameters = new List<ProjectionParameter>
        {
            new("latitude_of_origin", latitude),
            new("central_meridian", longitude),
            new("scale_factor", 1.0),
            new("false_easting", 0.0),
            new("false_northing", 0.0),
        };
        var projection = factory.CreateProjection("Transverse Mercator", "Transverse_Mercator", parameters);
        return factory.CreateProjectedCoordinateSystem("Local transverse Mercator", GeographicCoordinateSystem.WGS84, projection,
            LinearUnit.Metre, new AxisInfo("East", AxisOrientationEnum.East), new AxisInfo("North", AxisOrientationEnum.North));
    }
}
