using SourceModel.Inversion.Scenarios;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling.Projection;

namespace SourceModel.Inversion.Tests;

/// <summary>The built-in scenario's full-resolution interferograms: the published model's LOS, the asked noise level and
/// the masked share.</summary>
public sealed class JiashiInterferogramTests
{
    [Fact]
    public void Noise_free_pixels_on_the_central_meridian_are_the_forward_model_in_each_tracks_line_of_sight()
    {
        var tracks = JiashiInterferograms.Build(new JiashiInterferogramOptions { NoiseSigma = 0 });
        var projection = new LocalProjection(Jiashi2020.Reference);
        foreach (var (track, los) in new[] { (tracks[0], Jiashi2020.Ascending), (tracks[1], Jiashi2020.Descending) })
        {
            var g = track.Los;
            int i = (int)Math.Round((Jiashi2020.Reference.Longitude - g.X0) / g.Dx);
            Assert.Equal(Jiashi2020.Reference.Longitude, g.X0 + i * g.Dx, 9);
            // On the central meridian the grid and true north coincide, so the satellite's vector applies unturned.
            foreach (int j in new[] { 10, g.Ny / 2, g.Ny / 2 + 7, g.Ny - 3 })
            {
                var (e, n) = projection.Forward(g.X0 + i * g.Dx, g.Y0 + j * g.Dy);
                var f = SurfaceDisplacement.Compute([Jiashi2020.Truth], [], ElasticMedium.Default, [e], [n]);
                Assert.Equal(f.Los(0, los), g.Values[j * g.Nx + i], 12);
            }
        }
        // A thrust dipping north lifts the ground above it: both tracks see motion toward the satellite there.
        Assert.True(tracks.All(t => t.Los.Values.Max() > 0.05));
    }

    [Fact]
    public void The_noise_has_the_asked_level_and_the_asked_share_of_pixels_is_incoherent()
    {
        var tracks = JiashiInterferograms.Build();
        foreach (var t in tracks)
        {
            double sd = Math.Sqrt(t.NoiseOnly.Select(v => v * v).Average());
            // One realisation over ~12 × 12 correlation lengths: its RMS is within ~10 % of the 5 mm asked.
            Assert.InRange(sd, 0.004, 0.006);
            double masked = t.Coherence.Values.Count(c => c < 0.3) / (double)t.Coherence.Values.Length;
            Assert.InRange(masked, 0.14, 0.16);
        }
        Assert.NotEqual(tracks[0].NoiseOnly, tracks[1].NoiseOnly);
    }
}
