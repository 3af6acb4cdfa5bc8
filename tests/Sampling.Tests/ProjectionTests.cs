using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling.Tests;

/// <summary>Geographic ⇄ UTM and local transverse Mercator, against values computed independently of ProjNet.</summary>
public sealed class ProjectionTests
{
    // WGS84
    private const double A = 6378137.0, F = 1 / 298.257223563;

    /// <summary>Meridian arc length from the equator: Helmert's series in n = f/(2−f) to n⁴ (truncation error below
    /// 0.1 mm on WGS84), an independent check on ProjNet's UTM northing.</summary>
    private static double MeridianArc(double latDeg)
    {
        double n = F / (2 - F), phi = latDeg * Math.PI / 180;
        double n2 = n * n, n3 = n2 * n, n4 = n3 * n;
        return A / (1 + n) * ((1 + n2 / 4 + n4 / 64) * phi
            - 1.5 * (n - n3 / 8) * Math.Sin(2 * phi)
            + 15.0 / 16 * (n2 - n4 / 4) * Math.Sin(4 * phi)
            - 35.0 / 48 * n3 * Math.Sin(6 * phi)
            + 315.0 / 512 * n4 * Math.Sin(8 * phi));
    }

    [Theory]
    [InlineData(31, 3.0, 0.0)]
    [InlineData(32, 9.0, 45.0)]
    [InlineData(37, 39.0, 38.7)]
    [InlineData(11, -117.0, 35.77)]
    public void Utm_on_the_central_meridian_is_500_km_east_and_k0_times_the_meridian_arc_north(int zone, double lon, double lat)
    {
        var (e, n) = LocalProjection.ToUtm(zone, true, lon, lat);
        Assert.InRange(e, 500000 - 1e-3, 500000 + 1e-3);
        double expected = 0.9996 * MeridianArc(lat);
        Assert.InRange(n, expected - 1e-3, expected + 1e-3);
    }

    [Fact]
    public void Utm_known_value_45N_on_zone_32_central_meridian()
    {
        // 45°N, 9°E (zone 32 central meridian): N = 4 982 950.400 m (k0·M(45°), M(45°) = 4 984 944.378 m on WGS84).
        var (_, n) = LocalProjection.ToUtm(32, true, 9, 45);
        Assert.InRange(n, 4982950.400 - 1e-3, 4982950.400 + 1e-3);
    }

    [Fact]
    public void Southern_hemisphere_utm_uses_the_10000_km_false_northing()
    {
        var (e, n) = LocalProjection.ToUtm(19, false, -69.0, -33.0);
        Assert.InRange(e, 500000 - 1e-3, 500000 + 1e-3);
        double expected = 10_000_000 - 0.9996 * MeridianArc(33.0);
        Assert.InRange(n, expected - 1e-3, expected + 1e-3);
    }

    [Fact]
    public void Utm_and_local_frames_round_trip_better_than_a_millimetre()
    {
        var rng = new Random(11);
        for (int k = 0; k < 500; k++)
        {
            double lat = -80 + 160 * rng.NextDouble(), lon = -180 + 360 * rng.NextDouble();
            int zone = GeoReference.ZoneOf(lon);
            double off = (rng.NextDouble() - 0.5) * 4;   // up to 2° outside the zone centre
            double plon = lon + off;
            var (e, n) = LocalProjection.ToUtm(zone, lat >= 0, plon, lat);
            var (lon2, lat2) = LocalProjection.FromUtm(zone, lat >= 0, e, n);
            var (e2, n2) = LocalProjection.ToUtm(zone, lat >= 0, lon2, lat2);
            Assert.True(Math.Abs(e2 - e) < 1e-3 && Math.Abs(n2 - n) < 1e-3, $"UTM round trip at ({plon}, {lat}): {e2 - e}, {n2 - n} m");

            foreach (var kind in new[] { ProjectionKind.TransverseMercator, ProjectionKind.Utm })
            {
                var p = new LocalProjection(new GeoReference(lon, Math.Clamp(lat, -80, 80), kind));
                double qlon = lon + (rng.NextDouble() - 0.5) * 3, qlat = Math.Clamp(lat + (rng.NextDouble() - 0.5) * 3, -84, 84);
                var (x, y) = p.Forward(qlon, qlat);
                var (blon, blat) = p.Inverse(x, y);
                var (x2, y2) = p.Forward(blon, blat);
                Assert.True(Math.Abs(x2 - x) < 1e-3 && Math.Abs(y2 - y) < 1e-3, $"{kind} round trip at ({qlon}, {qlat})");
            }
        }
    }

    [Fact]
    public void Local_transverse_mercator_puts_the_reference_at_the_origin_with_true_north_along_its_meridian()
    {
        var p = new LocalProjection(new GeoReference(142.0, 38.0));
        var (e0, n0) = p.Forward(142.0, 38.0);
        Assert.Equal(0, e0, 9);
        Assert.Equal(0, n0, 9);
        var (e1, n1) = p.Forward(142.0, 39.0);
        Assert.InRange(e1, -1e-6, 1e-6);
        double arc = MeridianArc(39.0) - MeridianArc(38.0);
        Assert.InRange(n1, arc - 1e-3, arc + 1e-3);
        var batchE = new double[2];
        var batchN = new double[2];
        p.Forward([142.0, 142.0], [38.0, 39.0], batchE, batchN);
        Assert.Equal(n1, batchN[1], 9);
    }

    [Theory]
    [InlineData(144.5, 38.0)]
    [InlineData(139.0, 41.5)]
    [InlineData(142.0, 35.0)]
    [InlineData(144.9, -20.0)]
    public void Meridian_convergence_follows_the_transverse_mercator_series_and_turns_vectors_without_changing_their_length(double lon, double lat)
    {
        // Grid convergence C = Δλ sin φ + (Δλ³/3) sin φ cos²φ (1 + 3η² + 2η⁴) + O(Δλ⁵), η² = e′² cos²φ (Snyder 1987,
        // eq. 8-12 rearranged); our γ turns grid north to true north, so γ = −C. For Δλ ≤ 3° the next term is < 1e-7 rad.
        var p = new LocalProjection(new GeoReference(142.0, 38.0));
        double e2 = F * (2 - F), ep2 = e2 / (1 - e2);
        double dl = (lon - 142.0) * Math.PI / 180, phi = lat * Math.PI / 180;
        double eta2 = ep2 * Math.Cos(phi) * Math.Cos(phi);
        double c = dl * Math.Sin(phi) + Math.Pow(dl, 3) / 3 * Math.Sin(phi) * Math.Pow(Math.Cos(phi), 2) * (1 + 3 * eta2 + 2 * eta2 * eta2);
        var (e, n) = p.Forward(lon, lat);
        var gamma = new double[1];
        p.Convergence([lon], [lat], [e], [n], gamma);
        Assert.InRange(gamma[0], -c - 1e-7, -c + 1e-7);
        // The turn is a rotation: a unit horizontal vector stays unit, and turning back by −γ restores it.
        var (ge, gn) = LocalProjection.TrueToGrid(0.6, 0.8, gamma[0]);
        Assert.Equal(1.0, ge * ge + gn * gn, 12);
        var (be, bn) = LocalProjection.TrueToGrid(ge, gn, -gamma[0]);
        Assert.Equal(0.6, be, 12);
        Assert.Equal(0.8, bn, 12);
    }
}
