using SourceModel.Sampling.Grids;

namespace SourceModel.Sampling.Quadtree;

/// <summary>The ground-to-satellite unit vector of every pixel of a grid: one constant vector, or three grids.</summary>
public sealed class PixelVectors
{
    private PixelVectors((double E, double N, double U) constant, RasterGrid? e, RasterGrid? n, RasterGrid? u)
    {
        Constant = constant;
        East = e;
        North = n;
        Up = u;
    }

    /// <summary>The vector when it is the same for every pixel.</summary>
    public (double E, double N, double U) Constant { get; }

    /// <summary>Per-pixel east components (null when constant).</summary>
    public RasterGrid? East { get; }
    /// <summary>Per-pixel north components.</summary>
    public RasterGrid? North { get; }
    /// <summary>Per-pixel up components.</summary>
    public RasterGrid? Up { get; }

    /// <summary>True when every pixel has its own vector.</summary>
    public bool PerPixel => East is not null;

    /// <summary>One vector for every pixel (normalised; must be within 2% of unit length).</summary>
    public static PixelVectors Uniform(double e, double n, double u)
    {
        double norm = Math.Sqrt(e * e + n * n + u * u);
        if (!(Math.Abs(norm - 1) <= 0.02)) throw new ArgumentException($"unit vector ({e}, {n}, {u}) has norm {norm}; expected 1.");
        return new PixelVectors((e / norm, n / norm, u / norm), null, null, null);
    }

    /// <summary>Per-pixel vectors from three grids with the data grid's layout.</summary>
    public static PixelVectors FromGrids(RasterGrid east, RasterGrid north, RasterGrid up, RasterGrid data)
    {
        foreach (var (g, name) in new[] { (east, "east"), (north, "north"), (up, "up") })
            if (!g.SameLayout(data)) throw new ArgumentException($"the {name} unit-vector grid does not match the data grid pixel for pixel.");
        return new PixelVectors(default, east, north, up);
    }
}
