using System.Runtime.CompilerServices;
using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling.Import;

/// <summary>Declared coordinates → local east/north metres about the reference (and longitude/latitude when they can
/// be known), with range checks that catch a wrong declaration (degrees read as metres, km as m, a wrong zone).</summary>
internal static class CoordinateResolver
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ResolvedCoordinates Resolve(DatasetDeclaration d, RawTable t, List<string> notes)
    {
        var fixedCoords = FormatLayouts.FixedCoordinates(d.Format);
        var c = d.Coordinates ?? fixedCoords ?? throw new DataFormatException(t.File, 0, 0,
            $"dataset '{d.Name}': declare 'coordinates' (lonlat, utm with zone and unit, or local with unit); the {d.Format.Name()} format does not fix them.");
        if (fixedCoords is not null && c.Kind != fixedCoords.Kind)
            throw new DataFormatException(t.File, 0, 0, $"declared {c} contradicts the {d.Format.Name()} format, which stores {fixedCoords}.");
        notes.Add(c.ToString());

        int n = t.Rows;
        double[] east = new double[n], north = new double[n];
        double[]? lon = null, lat = null, convergence = null;
        GeoReference? reference = d.Reference;
        switch (c.Kind)
        {
            case CoordinateKind.Geographic:
                lon = Need(t, ColumnRole.Longitude, d);
                lat = Need(t, ColumnRole.Latitude, d);
                for (int i = 0; i < n; i++)
                {
                    if (lon[i] < -180 || lon[i] > 360) throw t.Error(i, ColumnRole.Longitude, $"longitude {lon[i]} is outside -180..360 degrees.");
                    if (lat[i] < -90 || lat[i] > 90) throw t.Error(i, ColumnRole.Latitude, $"latitude {lat[i]} is outside -90..90 degrees.");
                }
                reference ??= MeanReference(lon, lat, notes);
                new LocalProjection(reference).Forward(lon, lat, east, north);
                convergence = Convergence(reference, lon, lat, east, north);
                lon = (double[])lon.Clone();
                lat = (double[])lat.Clone();
                break;
            case CoordinateKind.Utm:
                {
                    if (c.UtmZone is < 1 or > 60) throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': declare a UTM zone 1..60, got {c.UtmZone}.");
                    var x = Need(t, ColumnRole.X, d);
                    var y = Need(t, ColumnRole.Y, d);
                    double s = c.Unit.ToMetres();
                    lon = new double[n];
                    lat = new double[n];
                    for (int i = 0; i < n; i++)
                    {
                        double e = x[i] * s, nn = y[i] * s;
                        if (e < 100e3 || e > 900e3)
                            throw t.Error(i, ColumnRole.X, $"UTM easting {e:0.###} m (from {x[i]} {c.Unit.Symbol()}) is outside 100-900 km; check the declared unit and zone.");
                        if (nn < 0 || nn > 10_000e3)
                            throw t.Error(i, ColumnRole.Y, $"UTM northing {nn:0.###} m (from {y[i]} {c.Unit.Symbol()}) is outside 0-10000 km; check the declared unit.");
                        lon[i] = e;
                        lat[i] = nn;
                    }
                    UtmBatch.ToGeographic(c.UtmZone, c.Northern, lon, lat);
                    reference ??= MeanReference(lon, lat, notes);
                    new LocalProjection(reference).Forward(lon, lat, east, north);
                    convergence = Convergence(reference, lon, lat, east, north);
                    break;
                }
            case CoordinateKind.Local:
                {
                    var x = Need(t, ColumnRole.X, d);
                    var y = Need(t, ColumnRole.Y, d);
                    double s = c.Unit.ToMetres();
                    for (int i = 0; i < n; i++) { east[i] = x[i] * s; north[i] = y[i] * s; }
                    if (reference is not null)
                    {
                        var p = new LocalProjection(reference);
                        lon = new double[n];
                        lat = new double[n];
                        for (int i = 0; i < n; i++) (lon[i], lat[i]) = p.Inverse(east[i], north[i]);
                    }
                    break;
                }
        }
        if (reference is not null) notes.Add($"local frame: {reference}");
        int[]? pixels = t.Get(ColumnRole.PixelCount)?.Select(v => (int)Math.Round(v)).ToArray();
        if (convergence is not null)
        {
            double worst = convergence.Select(Math.Abs).DefaultIfEmpty(0).Max() * 180 / Math.PI;
            notes.Add(FormattableString.Invariant($"east/north vector components rotated from true to grid north (meridian convergence up to {worst:F2}°)"));
        }
        return new ResolvedCoordinates(east, north, lon, lat, t.Get(ColumnRole.Elevation), reference, t.Get(ColumnRole.LeafSize), pixels, convergence);
    }

    /// <summary>Grid-north-to-true-north angles (radians) of geographic points in the local frame of <paramref name="reference"/>.</summary>
    private static double[] Convergence(GeoReference reference, double[] lon, double[] lat, double[] east, double[] north)
    {
        var gamma = new double[lon.Length];
        new LocalProjection(reference).Convergence(lon, lat, east, north, gamma);
        return gamma;
    }

    private static double[] Need(RawTable t, ColumnRole role, DatasetDeclaration d) => t.Get(role)
        ?? throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': the declared coordinates need a '{role.Name()}' column.");

    private static GeoReference MeanReference(double[] lon, double[] lat, List<string> notes)
    {
        var r = new GeoReference(Math.Round(lon.Average(), 6), Math.Round(lat.Average(), 6));
        notes.Add("reference: mean data position (none declared)");
        return r;
    }
}
