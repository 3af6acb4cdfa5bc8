using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling.Quadtree;

/// <summary>Quadtree leaves of a LOS grid → a <see cref="GeodeticDataset"/> in the local frame, keeping each leaf's
/// size and pixel count (the covariance between leaves depends on them).</summary>
public static class LeafDataset
{
    /// <summary>Mean Earth radius (IUGG), m — converts a geographic leaf's angular size to metres.</summary>
    public const double EarthRadius = 6_371_008.8;

    /// <summary>Builds the dataset. Leaf positions are the centroids of their valid pixels; leaf size is the side of the
    /// square with the leaf rectangle's area, m.</summary>
    public static GeodeticDataset From(LosGrid grid, IReadOnlyList<QuadtreeLeaf> leaves, QuadtreeOptions options) =>
        From(grid.Header, leaves, options);

    /// <summary>Builds the dataset of a grid downsampled band by band (<see cref="GridDownsampler"/>).</summary>
    public static GeodeticDataset From(DownsampledGrid grid, QuadtreeOptions options) => From(grid.Header, grid.Leaves, options);

    /// <summary>Builds the dataset from the grid's header alone.</summary>
    public static GeodeticDataset From(LosGridHeader grid, IReadOnlyList<QuadtreeLeaf> leaves, QuadtreeOptions options)
    {
        if (leaves.Count == 0) throw new ArgumentException($"grid '{grid.Name}': the quadtree produced no leaves (all pixels masked or too sparse for max_nan_fraction).");
        var g = grid.Layout;
        int n = leaves.Count;
        double[] east = new double[n], north = new double[n], value = new double[n], ue = new double[n], un = new double[n], uu = new double[n];
        double[] size = new double[n];
        int[] pixels = new int[n];
        double[]? lon = g.Geographic ? new double[n] : null, lat = g.Geographic ? new double[n] : null;
        for (int k = 0; k < n; k++)
        {
            var l = leaves[k];
            double x = g.X(l.CentroidColumn), y = g.Y(l.CentroidRow);
            value[k] = l.Value;
            (ue[k], un[k], uu[k]) = (l.UnitEast, l.UnitNorth, l.UnitUp);
            pixels[k] = l.Pixels;
            if (g.Geographic)
            {
                lon![k] = x;
                lat![k] = y;
                double w = l.Columns * g.Dx * Math.PI / 180 * EarthRadius * Math.Cos(y * Math.PI / 180);
                double h = l.Rows * g.Dy * Math.PI / 180 * EarthRadius;
                size[k] = Math.Sqrt(w * h);
            }
            else
            {
                east[k] = x;
                north[k] = y;
                size[k] = Math.Sqrt(l.Columns * g.Dx * l.Rows * g.Dy);
            }
        }
        var extra = new List<string>();
        if (g.Geographic)
        {
            var projection = new LocalProjection(grid.Reference!);
            projection.Forward(lon, lat, east, north);
            // Look vectors are relative to true north; turn them into the grid frame (docs/conventions.md).
            var gamma = new double[n];
            projection.Convergence(lon, lat, east, north, gamma);
            for (int k = 0; k < n; k++) (ue[k], un[k]) = LocalProjection.TrueToGrid(ue[k], un[k], gamma[k]);
            extra.Add(FormattableString.Invariant($"east/north vector components rotated from true to grid north (meridian convergence up to {gamma.Max(Math.Abs) * 180 / Math.PI:F2}°)"));
        }
        var notes = grid.Provenance.Conventions.Concat(extra).Append(
            $"quadtree: threshold {options.Threshold:G4} m, leaves {options.MinSize}-{options.MaxSize} px, max NaN fraction {options.MaxNanFraction}, " +
            $"{options.Statistic.ToString().ToLowerInvariant()}{(options.Detrend ? ", scatter about a plane" : "")}{(options.Model is null ? "" : $", model threshold {options.ModelThreshold:G4} m")}").ToArray();
        return new GeodeticDataset(grid.Name, DatasetKind.Los, east, north, value, ue, un, uu,
            grid.Provenance with { Conventions = notes, Format = "grid+quadtree", RowsRead = n }, grid.Reference,
            longitude: lon, latitude: lat, leafSize: size, pixelCount: pixels);
    }
}
