using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Forward;

/// <summary>
/// East/north ↔ fault frame (x along strike, y to its left) for a register of points, about a fault origin; the
/// vector counterpart of <see cref="Geometry.FrameRotation"/>.
/// </summary>
internal readonly struct LaneRotation(double originEast, double originNorth, double strikeDegrees)
{
    private readonly double _e0 = originEast, _n0 = originNorth;
    private readonly double _s = Math.Sin(strikeDegrees * Math.PI / 180.0), _c = Math.Cos(strikeDegrees * Math.PI / 180.0);

    /// <summary>Fault-frame coordinates of points given in east/north.</summary>
    public void ToFault<V>(V east, V north, out V x, out V y) where V : struct, ILanes<V>
    {
        V de = east - _e0, dn = north - _n0;
        x = de * _s + dn * _c;
        y = dn * _s - de * _c;
    }

    /// <summary>East/north components of a horizontal vector given in the fault frame.</summary>
    public void ToEnu<V>(V x, V y, out V east, out V north) where V : struct, ILanes<V>
    {
        east = x * _s - y * _c;
        north = x * _c + y * _s;
    }
}
