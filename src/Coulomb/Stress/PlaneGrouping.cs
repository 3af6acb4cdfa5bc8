using SourceModel.Okada.Geometry;

namespace SourceModel.Coulomb.Stress;

/// <summary>
/// Finds, among loose rectangles, those that tile one plane on a regular grid (same strike, dip, length and width,
/// offsets whole multiples of the patch size within 1e-6 of it, all in the same plane) and turns each such set into a
/// <see cref="PlaneSlipModel"/>, so a slip model read as a patch table gets the shared-corner evaluation. Missing
/// cells become zero-slip patches (exact: they add nothing); sets that would be mostly empty are left alone.
/// </summary>
public static class PlaneGrouping
{
    /// <summary>The planes found and the rectangles that belong to none.</summary>
    public static (IReadOnlyList<PlaneSlipModel> Planes, IReadOnlyList<RectangularFault> Singles) Group(IReadOnlyList<RectangularFault> faults)
    {
        var planes = new List<PlaneSlipModel>();
        var singles = new List<RectangularFault>();
        foreach (var set in faults.GroupBy(f => (f.Strike, f.Dip, f.Length, f.Width)))
        {
            var list = set.ToList();
            if (list.Count < 4 || TryTile(list) is not { } plane) { singles.AddRange(list); continue; }
            planes.Add(plane);
        }
        return (planes, singles);
    }

    private static PlaneSlipModel? TryTile(List<RectangularFault> list)
    {
        var f0 = list[0];
        var (se, sn) = f0.StrikeDirection;
        double he = sn, hn = -se;   // horizontal, to the right of strike (the dip direction)
        var (sd, cd) = Math.SinCos(f0.Dip * Math.PI / 180);
        double tol = 1e-6 * Math.Max(f0.Length, f0.Width);
        var cells = new Dictionary<(int I, int J), RectangularFault>();
        foreach (var f in list)
        {
            double de = f.East - f0.East, dn = f.North - f0.North, dz = f.TopDepth - f0.TopDepth;
            double offsetAlong = de * se + dn * sn, across = de * he + dn * hn;
            // Down-dip distance from the vertical offset (or the horizontal one for a horizontal plane).
            double down = sd > 1e-9 ? dz / sd : across / cd;
            if (Math.Abs(across - down * cd) > tol || Math.Abs(dz - down * sd) > tol) return null;   // not in the same plane
            double i = offsetAlong / f0.Length, j = down / f0.Width;
            int ii = (int)Math.Round(i), jj = (int)Math.Round(j);
            if (Math.Abs(i - ii) * f0.Length > tol || Math.Abs(j - jj) * f0.Width > tol) return null;      // not on the grid
            if (!cells.TryAdd((ii, jj), f)) return null;                                                  // overlapping patches
        }
        int imin = cells.Keys.Min(k => k.I), imax = cells.Keys.Max(k => k.I), jmin = cells.Keys.Min(k => k.J), jmax = cells.Keys.Max(k => k.J);
        int along = imax - imin + 1, downCount = jmax - jmin + 1;
        if ((long)along * downCount > 2L * cells.Count) return null;   // mostly empty: not worth a grid
        double centreAlong = 0.5 * (imin + imax) * f0.Length, topDown = jmin * f0.Width;
        var plane = f0 with
        {
            East = f0.East + centreAlong * se + topDown * cd * he,
            North = f0.North + centreAlong * sn + topDown * cd * hn,
            TopDepth = f0.TopDepth + topDown * sd,
            Length = along * f0.Length,
            Width = downCount * f0.Width,
            Slip = default,
        };
        if (plane.TopDepth < 0) return null;
        var slips = new FaultSlip[along * downCount];
        foreach (var ((i, j), f) in cells) slips[(j - jmin) * along + (i - imin)] = f.Slip;
        return new PlaneSlipModel(plane, along, downCount, slips);
    }
}
