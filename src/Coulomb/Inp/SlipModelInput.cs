using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Inp;

/// <summary>
/// A slip model (step 2's patches) as a Coulomb 3 input: every patch with slip an element (Kode 100), the medium's E
/// and ν, the friction, no regional stress, and a map grid around the model so that Coulomb 3 (or our
/// <c>sourcemodel coulomb</c>) opens it directly.
/// </summary>
public static class SlipModelInput
{
    /// <summary>The input for <paramref name="patches"/> (local metres; the .inp is in km about the same origin).</summary>
    /// <param name="friction">Effective friction coefficient written as FRIC.</param>
    /// <param name="depth">Calculation depth, km (DEPTH).</param>
    /// <param name="geographic">Longitude and latitude (degrees) of a local point (east, north in metres), when the model
    /// has a geographic reference: then the map-information block is written (the grid's corners and the origin in
    /// lon/lat), so that Coulomb 3.4 overlays coastlines, faults and aftershocks.</param>
    public static CoulombInput Create(IReadOnlyList<RectangularFault> patches, ElasticMedium medium, string title,
        double friction = 0.4, double depth = 10, Func<double, double, (double Lon, double Lat)>? geographic = null)
    {
        ArgumentNullException.ThrowIfNull(patches);
        ArgumentNullException.ThrowIfNull(medium);
        var elements = patches.Where(p => p.Slip.Magnitude > 0).Select((p, k) => ElementGeometry.FromFault(p, $"patch {k + 1}")).ToList();
        if (elements.Count == 0) throw new ArgumentException("the slip model has no slipping patch to write.");
        // Grid: the model's map extent plus half its size (at least 20 km) on each side, about 100 cells across.
        var xs = elements.SelectMany(e => new[] { e.XStart, e.XFinish }).ToList();
        var ys = elements.SelectMany(e => new[] { e.YStart, e.YFinish }).ToList();
        foreach (var p in patches)
            foreach (var c in p.Corners()) { xs.Add(c.East / 1000); ys.Add(c.North / 1000); }
        double span = Math.Max(xs.Max() - xs.Min(), ys.Max() - ys.Min());
        double margin = Math.Max(20, 0.5 * span);
        double step = NiceStep((span + 2 * margin) / 100);
        double Floor(double v) => Math.Floor(v / step) * step;
        double Ceiling(double v) => Math.Ceiling(v / step) * step;
        var grid = new CoulombBlock(Floor(xs.Min() - margin), Floor(ys.Min() - margin), Ceiling(xs.Max() + margin), Ceiling(ys.Max() + margin), step, step, double.NaN);
        return new CoulombInput
        {
            Map = geographic is null ? null : MapInformation(grid, geographic),
            Titles = [title, $"{elements.Count} slipping patches; written by sourcemodel"],
            ControlLine = $"#reg1=  0  #reg2=  0  #fixed=  {elements.Count}  sym=  1",
            Poisson = medium.PoissonRatio, Poisson2 = medium.PoissonRatio, Depth = depth,
            Young = medium.YoungModulus / ElementStress.PascalPerBar, Young2 = medium.YoungModulus / ElementStress.PascalPerBar,
            Friction = friction,
            Regional = [new PrincipalStress(0, 0, 0, 0), new PrincipalStress(90, 0, 0, 0), new PrincipalStress(0, 90, 0, 0)],
            Columns = SlipColumns.RightLateralReverse,
            Elements = elements,
            Grid = grid,
            Size = [2, 1, 10000],
        };
    }

    /// <summary>Coulomb 3.4's map block for a grid in km: min/max/zero longitude, min/max/zero latitude and the
    /// increments in degrees — the grid's west/east edges at its middle latitude and south/north edges at its middle
    /// longitude (Coulomb maps km to degrees linearly over the grid), the origin (0, 0 km) as zero lon/lat.</summary>
    private static double[] MapInformation(CoulombBlock grid, Func<double, double, (double Lon, double Lat)> geographic)
    {
        double midX = (grid.StartX + grid.FinishX) / 2 * 1e3, midY = (grid.StartY + grid.FinishY) / 2 * 1e3;
        var (west, _) = geographic(grid.StartX * 1e3, midY);
        var (east, _) = geographic(grid.FinishX * 1e3, midY);
        var (_, south) = geographic(midX, grid.StartY * 1e3);
        var (_, north) = geographic(midX, grid.FinishY * 1e3);
        var (lon0, lat0) = geographic(0, 0);
        double nx = Math.Max(1, (grid.FinishX - grid.StartX) / grid.XIncrement), ny = Math.Max(1, (grid.FinishY - grid.StartY) / grid.YIncrement);
        return [west, east, lon0, south, north, lat0, (east - west) / nx, (north - south) / ny];
    }

    /// <summary>1, 2 or 5 × a power of ten, at least <paramref name="raw"/>.</summary>
    private static double NiceStep(double raw)
    {
        double p = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double m in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (m * p >= raw) return m * p;
        return 10 * p;
    }
}
