using SourceModel.Okada.Geometry;

namespace SourceModel.Coulomb.Inp;

/// <summary>Coulomb 3 elements as our faults: the start→finish line is the top edge (km), the plane dips to its right,
/// right-lateral slip is negative Aki–Richards strike-slip.</summary>
public static class ElementGeometry
{
    /// <summary>The element as a <see cref="RectangularFault"/> (metres, top-edge centre).</summary>
    public static RectangularFault ToFault(this CoulombElement e, SlipColumns columns)
    {
        double dx = (e.XFinish - e.XStart) * 1000, dy = (e.YFinish - e.YStart) * 1000;
        double length = Math.Sqrt(dx * dx + dy * dy);
        double strike = (Math.Atan2(dx, dy) * 180 / Math.PI + 360) % 360;
        double width = (e.Bottom - e.Top) * 1000 / Math.Sin(e.Dip * Math.PI / 180);
        var slip = columns == SlipColumns.RakeNetSlip ? FaultSlip.FromRake(e.Slip1, e.Slip2) : new FaultSlip(-e.Slip1, e.Slip2);
        return new RectangularFault(0.5 * (e.XStart + e.XFinish) * 1000, 0.5 * (e.YStart + e.YFinish) * 1000, e.Top * 1000,
            length, width, strike, e.Dip, slip);
    }

    /// <summary>
    /// A fault as a Coulomb 3 element (Kode 100, right-lateral and reverse slip): start and finish are the ends of the
    /// top edge in km, ordered along strike so that the plane dips to the right; the inverse of <see cref="ToFault"/>.
    /// </summary>
    public static CoulombElement FromFault(RectangularFault f, string comment = "")
    {
        ArgumentNullException.ThrowIfNull(f);
        var (se, sn) = f.StrikeDirection;
        double h = 0.5 * f.Length;
        return new CoulombElement((f.East - h * se) / 1000, (f.North - h * sn) / 1000, (f.East + h * se) / 1000, (f.North + h * sn) / 1000,
            100, -f.Slip.StrikeSlip, f.Slip.DipSlip, f.Dip, f.TopDepth / 1000, f.BottomDepth / 1000, comment);
    }

    /// <summary>True when the element carries no slip (Coulomb 3 then treats it as a receiver).</summary>
    public static bool IsReceiver(this CoulombElement e, SlipColumns columns) =>
        columns == SlipColumns.RakeNetSlip ? e.Slip2 == 0 : e.Slip1 == 0 && e.Slip2 == 0;
}
