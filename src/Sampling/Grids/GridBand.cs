using SourceModel.Sampling.Quadtree;

namespace SourceModel.Sampling.Grids;

/// <summary>A band of consecutive rows of an imported LOS grid: values in metres, positive toward the satellite, masked,
/// with the pixels' ground-to-satellite vectors.</summary>
/// <param name="Row0">Row of the whole grid where the band starts.</param>
/// <param name="Values">The band's rows as a grid of their own (its <c>Y0</c> is the y of <paramref name="Row0"/>).</param>
/// <param name="Vectors">Unit vectors of the band's pixels.</param>
public sealed record GridBand(int Row0, RasterGrid Values, PixelVectors Vectors)
{
    /// <summary>Number of rows in the band.</summary>
    public int Rows => Values.Ny;
}
