using SourceModel.Okada.Geometry;

namespace SourceModel.Okada.Discretisation;

/// <summary>
/// One rectangular patch of a discretised fault.
/// </summary>
/// <param name="Index">Position in <see cref="DiscretisedFault.Patches"/>.</param>
/// <param name="Segment">Index of the segment the patch belongs to.</param>
/// <param name="AlongStrike">Column within its segment, 0 at the strike start.</param>
/// <param name="DownDip">Row within its segment, 0 at the top.</param>
/// <param name="Geometry">The patch as a rectangle (top-edge centre, size, orientation; slip of the parent).</param>
public sealed record FaultPatch(int Index, int Segment, int AlongStrike, int DownDip, RectangularFault Geometry)
{
    /// <summary>Patch centre: east, north (metres) and depth (metres, positive down).</summary>
    public (double East, double North, double Depth) Centre => Geometry.Centroid;

    /// <summary>Corners: top-start, top-end, bottom-end, bottom-start (east, north, depth in metres).</summary>
    public (double East, double North, double Depth)[] Corners => Geometry.Corners();

    /// <summary>Area, m².</summary>
    public double Area => Geometry.Area;
}
