using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling.Grids;

/// <summary>What is known of an imported LOS grid without its values: enough to place its quadtree leaves.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="Layout">Shape and coordinates (lon/lat degrees or local metres).</param>
/// <param name="Reference">Local frame origin (for geographic grids) or null for grids already in local metres.</param>
/// <param name="Provenance">File and conventions.</param>
public sealed record LosGridHeader(string Name, GridLayout Layout, GeoReference? Reference, ImportProvenance Provenance);
