using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling.Tests.Support;

/// <summary>A point's vector turned back from the local grid frame to true east/north, to compare with the file's
/// own numbers (the importer rotates geographic vectors by the meridian convergence).</summary>
internal static class TrueFrame
{
    public static (double East, double North, double Up) Vector(GeodeticDataset d, int i)
    {
        var gamma = new double[1];
        new LocalProjection(d.Reference!).Convergence([d.Longitude![i]], [d.Latitude![i]], gamma);
        double cos = Math.Cos(gamma[0]), sin = Math.Sin(gamma[0]);
        double e = d.UnitEast[i], n = d.UnitNorth[i];
        // Inverse of (e cos γ + n sin γ, −e sin γ + n cos γ).
        return (e * cos - n * sin, e * sin + n * cos, d.UnitUp[i]);
    }
}
