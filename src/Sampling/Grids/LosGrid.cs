using SourceModel.Sampling.Import;
using SourceModel.Sampling.Projection;
using SourceModel.Sampling.Quadtree;

namespace SourceModel.Sampling.Grids;

/// <summary>An imported LOS grid: values in metres, positive toward the satellite; ground-to-satellite vectors; masked.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="Values">The grid (m, toward the satellite; NaN = no data).</param>
/// <param name="Vectors">Unit vectors, ground to satellite.</param>
/// <param name="Reference">Local frame origin (for geographic grids) or null for grids already in local metres.</param>
/// <param name="Provenance">File and conventions.</param>
public sealed record LosGrid(string Name, RasterGrid Values, PixelVectors Vectors, GeoReference? Reference, ImportProvenance Provenance)
{
    /// <summary>The grid without its values.</summary>
    public LosGridHeader Header => new(Name, Values.Layout, Reference, Provenance);
}
