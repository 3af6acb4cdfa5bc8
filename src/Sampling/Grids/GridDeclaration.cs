using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Import;
using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling.Grids;

/// <summary>A full-resolution LOS grid (GMT netCDF or x y z text) and the conventions needed to read it; as for point
/// files, nothing is guessed.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="File">Grid file: <c>.grd</c>/<c>.nc</c> (netCDF classic or 64-bit offset) or x y z text (any other extension).</param>
public sealed record GridDeclaration(string Name, string File)
{
    /// <summary>Unit of the grid values (required).</summary>
    public LengthUnit? Units { get; init; }
    /// <summary>Meaning of a positive value (required).</summary>
    public LosSign? Sign { get; init; }
    /// <summary>Direction of the declared vector or vector grids.</summary>
    public VectorDirection? Vector { get; init; }
    /// <summary>One unit vector for the whole grid (east, north, up).</summary>
    public (double East, double North, double Up)? ConstantVector { get; init; }
    /// <summary>Convention of <see cref="ConstantAngles"/>.</summary>
    public LookAngleConvention? Angles { get; init; }
    /// <summary>One pair of look angles for the whole grid, degrees.</summary>
    public (double A, double B)? ConstantAngles { get; init; }
    /// <summary>Per-pixel unit-vector grids (east, north, up files), as LiCSAR and GMTSAR provide.</summary>
    public (string East, string North, string Up)? VectorGrids { get; init; }
    /// <summary>Coherence grid with the data layout; pixels below <see cref="CoherenceMinimum"/> are masked.</summary>
    public string? CoherenceFile { get; init; }
    /// <summary>Smallest coherence kept (0..1).</summary>
    public double CoherenceMinimum { get; init; } = 0.3;
    /// <summary>Coordinates of the grid: geographic or local metres/km. Null = what a netCDF file states (x y z text must declare).</summary>
    public CoordinateDeclaration? Coordinates { get; init; }
    /// <summary>Local frame origin; null = the grid centre.</summary>
    public GeoReference? Reference { get; init; }
    /// <summary>netCDF variable name; null = the first 2-D variable.</summary>
    public string? Variable { get; init; }
}
