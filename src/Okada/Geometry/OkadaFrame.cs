namespace SourceModel.Okada.Geometry;

/// <summary>
/// A fault expressed in Okada's frame: DC3D arguments plus where that frame sits in east/north and how it is
/// rotated (x along <see cref="Strike"/>, y to its left, z up).
/// </summary>
/// <param name="OriginEast">Easting of Okada's origin, metres.</param>
/// <param name="OriginNorth">Northing of Okada's origin, metres.</param>
/// <param name="Strike">Strike, degrees clockwise from north: the direction of Okada's x axis.</param>
/// <param name="Source">DC3D's source arguments (lengths in metres, slips in metres).</param>
public readonly record struct OkadaFrame(double OriginEast, double OriginNorth, double Strike, Dc3dSource Source)
{
    /// <summary>Okada coordinates (x along strike, y left of strike) of a point given in east/north metres.</summary>
    public (double X, double Y) ToLocal(double east, double north) =>
        FrameRotation.ToFault(Strike, east - OriginEast, north - OriginNorth);
}
