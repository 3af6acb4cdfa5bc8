using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Geometry;

namespace SourceModel.Inversion.Slip;

/// <summary>
/// From a step-1 rectangle to the plane that step 2 discretises: extended along strike at both ends and down dip, and
/// up dip (never above the surface), then cut into patches of about the requested size.
/// </summary>
public static class FaultExtension
{
    /// <summary>The plane extended by <paramref name="alongStrike"/> at each end, <paramref name="upDip"/> above its top
    /// edge (clamped at the surface) and <paramref name="downDip"/> below its bottom edge, all in metres along the plane.
    /// Slip is dropped: step 2 solves for it.</summary>
    public static RectangularFault Extend(RectangularFault fault, double alongStrike, double upDip, double downDip)
    {
        ArgumentNullException.ThrowIfNull(fault);
        foreach (var (name, v) in new[] { ("along strike", alongStrike), ("up dip", upDip), ("down dip", downDip) })
            if (!(v >= 0) || !double.IsFinite(v)) throw new ArgumentException($"extension {name} must be a finite distance >= 0 m, got {v}.");
        // Up dip by u moves the top edge u·sinδ shallower and u·cosδ horizontally against the dip direction.
        double sinDip = Math.Sin(fault.Dip * Math.PI / 180);
        double up = sinDip > 1e-12 ? Math.Min(upDip, fault.TopDepth / sinDip) : upDip;   // horizontal: just wider
        var (se, sn) = fault.StrikeDirection;
        // Dip direction (strike + 90°) is (sn, −se) in east/north.
        double h = up * Math.Cos(fault.Dip * Math.PI / 180);
        return new RectangularFault(fault.East - h * sn, fault.North + h * se, Math.Max(0, fault.TopDepth - up * sinDip),
            fault.Length + 2 * alongStrike, fault.Width + up + downDip, fault.Strike, fault.Dip, default);
    }

    /// <summary>A segment cut into patches of about <paramref name="patchLength"/> × <paramref name="patchWidth"/> m
    /// (rounded to whole counts); refuses patches larger than the plane.</summary>
    public static FaultSegment Cut(RectangularFault plane, double patchLength, double patchWidth, string name = "fault")
    {
        ArgumentNullException.ThrowIfNull(plane);
        if (!(patchLength > 0) || !(patchWidth > 0)) throw new ArgumentException($"{name}: patch size must be positive, got {patchLength} × {patchWidth} m.");
        if (patchLength > plane.Length * (1 + 1e-9))
            throw new ArgumentException($"{name}: patch length {patchLength} m is larger than the fault length {plane.Length:0.###} m.");
        if (patchWidth > plane.Width * (1 + 1e-9))
            throw new ArgumentException($"{name}: patch width {patchWidth} m is larger than the fault width {plane.Width:0.###} m.");
        return new FaultSegment(plane, Math.Max(1, (int)Math.Round(plane.Length / patchLength)), Math.Max(1, (int)Math.Round(plane.Width / patchWidth)));
    }
}
