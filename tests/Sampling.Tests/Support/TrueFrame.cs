using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling.Tests.Support;

/// <summary>A point's vector turned back from the local grid frame to true east/north, to compare with the file's
/// own numbers (the importer rotates geographic vectors by the meridian convergence).</summary>
internal static class TrueFrame
{
    public static (double East, double North, double Up) Vector(GeodeticDataset d, int i)
    {
        var projection = new LocalProjection(d.Reference!);
        var (e, n) = projection.Forward(d.Longitude[i], d.Latitude[i]);
        var gamma = new double[1];
        projection.Convergence([d.Longitude[i]], [d.Latitude[i]], [e], [n], gamma);
        // Grid → true is the turn by −γ.
        var (east, north) = LocalProjection.TrueToGrid(d.UnitEast[i], d.UnitNorth[i], -gamma[0]);
        return (east, north, d.UnitUp[i]);
    }
}
