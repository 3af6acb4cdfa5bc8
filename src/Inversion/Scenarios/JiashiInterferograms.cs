using SourceModel.Okada.Forward;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Noise;
using SourceModel.Sampling.Projection;

namespace SourceModel.Inversion.Scenarios;

/// <summary>Settings of the synthetic full-resolution Jiashi interferograms.</summary>
public sealed record JiashiInterferogramOptions
{
    /// <summary>Half the scene's east–west extent about the reference, degrees of longitude.</summary>
    public double HalfWidthLongitude { get; init; } = 0.36;

    /// <summary>Half the scene's north–south extent, degrees of latitude.</summary>
    public double HalfHeightLatitude { get; init; } = 0.28;

    /// <summary>Pixel spacing, degrees (≈ 330 m in latitude, 255 m in longitude at 40° N).</summary>
    public double PixelDegrees { get; init; } = 0.003;

    /// <summary>Standard deviation of the correlated atmospheric noise, m.</summary>
    public double NoiseSigma { get; init; } = 0.005;

    /// <summary>e-folding length of the atmospheric noise, m.</summary>
    public double NoiseRange { get; init; } = 5_000;

    /// <summary>Share of the scene masked as incoherent (0 for none).</summary>
    public double IncoherentFraction { get; init; } = 0.15;

    /// <summary>Seed of the noise and of the coherence pattern.</summary>
    public int Seed { get; init; } = 2020;
}

/// <summary>One synthetic track: LOS values (m, positive toward the satellite; NaN nowhere) and a coherence grid on the
/// same lon/lat lattice, with the look geometry that produced them.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="Track">Sentinel-1 relative orbit.</param>
/// <param name="Incidence">Incidence angle at the ground, degrees.</param>
/// <param name="Heading">Flight direction, degrees clockwise from north.</param>
/// <param name="Los">LOS displacement, m.</param>
/// <param name="Coherence">Interferometric coherence, 0–1.</param>
/// <param name="NoiseOnly">The noise that was added, m (for tests of the noise level).</param>
public sealed record SyntheticTrack(string Name, int Track, double Incidence, double Heading, RasterGrid Los, RasterGrid Coherence, double[] NoiseOnly);

/// <summary>
/// Full-resolution ascending (track 129) and descending (track 34) interferograms of the published 2020 Jiashi model
/// (<see cref="Jiashi2020.Truth"/>) on a longitude/latitude lattice: the toolkit's surface forward model, correlated
/// atmospheric noise drawn by circulant embedding (<see cref="GridNoise"/>), and a coherence field whose lowest
/// <see cref="JiashiInterferogramOptions.IncoherentFraction"/> falls below 0.3 (patchy decorrelation, as over the
/// Tarim basin's sand and river beds). The LOS vectors are given relative to true north, as satellites state them, and
/// turned into the local grid frame by the meridian convergence at each pixel, exactly as the importer turns them back.
/// </summary>
public static class JiashiInterferograms
{
    /// <summary>Both tracks.</summary>
    public static IReadOnlyList<SyntheticTrack> Build(JiashiInterferogramOptions? options = null)
    {
        var o = options ?? new JiashiInterferogramOptions();
        var r = Jiashi2020.Reference;
        int nx = (int)Math.Round(2 * o.HalfWidthLongitude / o.PixelDegrees) + 1;
        int ny = (int)Math.Round(2 * o.HalfHeightLatitude / o.PixelDegrees) + 1;
        double lon0 = r.Longitude - o.HalfWidthLongitude, lat0 = r.Latitude - o.HalfHeightLatitude;
        int n = nx * ny;
        var lon = new double[n];
        var lat = new double[n];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
                (lon[j * nx + i], lat[j * nx + i]) = (lon0 + i * o.PixelDegrees, lat0 + j * o.PixelDegrees);
        var projection = new LocalProjection(r);
        var east = new double[n];
        var north = new double[n];
        var gamma = new double[n];
        projection.Forward(lon, lat, east, north);
        projection.Convergence(lon, lat, east, north, gamma);
        var field = SurfaceDisplacement.Compute([Jiashi2020.Truth], [], ElasticMedium.Default, east, north);

        // Pixel spacings in metres at the scene centre set the noise lattice (the scene is small enough for that).
        double dx = o.PixelDegrees * Math.PI / 180 * 6_371_000 * Math.Cos(r.Latitude * Math.PI / 180);
        double dy = o.PixelDegrees * Math.PI / 180 * 6_371_000;
        var random = new Random(CorrelatedNoise.StreamSeed(o.Seed, 0));
        var (ascNoise, dscNoise) = o.NoiseSigma > 0
            ? new GridNoise(new ExponentialCovariance(o.NoiseSigma * o.NoiseSigma, o.NoiseRange), nx, ny, dx, dy).Sample(random)
            : (new double[n], new double[n]);
        // Coherence: a smooth random field with 8 km correlation, thresholded so the chosen share falls below 0.3.
        var (patternA, patternD) = new GridNoise(new ExponentialCovariance(1, 8_000), nx, ny, dx, dy).Sample(new Random(CorrelatedNoise.StreamSeed(o.Seed, 1)));

        var tracks = new List<SyntheticTrack>();
        foreach (var (name, track, incidence, heading, noise, pattern) in new[]
        {
            ("asc_t129", 129, 39.0, -12.5, ascNoise, patternA),
            ("dsc_t034", 34, 34.0, -167.5, dscNoise, patternD),
        })
        {
            var trueLos = LosVector.FromIncidenceAndHeading(incidence, heading);
            var values = new double[n];
            for (int k = 0; k < n; k++)
            {
                var (e, nn) = LocalProjection.TrueToGrid(trueLos.East, trueLos.North, gamma[k]);
                values[k] = field.East[k] * e + field.North[k] * nn + field.Up[k] * trueLos.Up + noise[k];
            }
            var coherence = Coherence(pattern, o.IncoherentFraction);
            tracks.Add(new SyntheticTrack(name, track, incidence, heading,
                new RasterGrid(nx, ny, lon0, o.PixelDegrees, lat0, o.PixelDegrees, values, geographic: true),
                new RasterGrid(nx, ny, lon0, o.PixelDegrees, lat0, o.PixelDegrees, coherence, geographic: true), noise));
        }
        return tracks;
    }

    /// <summary>Maps a smooth field to coherence in (0, 1): the lowest <paramref name="fraction"/> of pixels below 0.3.</summary>
    private static double[] Coherence(double[] pattern, double fraction)
    {
        var sorted = (double[])pattern.Clone();
        Array.Sort(sorted);
        double cut = fraction > 0 ? sorted[(int)Math.Clamp(fraction * sorted.Length, 0, sorted.Length - 1)] : double.NegativeInfinity;
        double spread = sorted[^1] - sorted[0];
        var c = new double[pattern.Length];
        for (int k = 0; k < c.Length; k++)
            c[k] = Math.Clamp(0.3 + 0.6 * (pattern[k] - cut) / spread * 2, 0.02, 0.95);
        return c;
    }
}
