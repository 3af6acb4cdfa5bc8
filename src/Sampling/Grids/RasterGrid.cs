namespace SourceModel.Sampling.Grids;

/// <summary>
/// A regular grid of values (NaN = no data) with pixel-centre coordinates increasing along both axes: value of column
/// <c>i</c>, row <c>j</c> sits at (<see cref="X0"/> + i·<see cref="Dx"/>, <see cref="Y0"/> + j·<see cref="Dy"/>) and is
/// stored at <c>j·Nx + i</c>. Coordinates are longitude/latitude degrees when <see cref="Geographic"/>, else metres.
/// </summary>
public sealed class RasterGrid
{
    /// <summary>Wraps <paramref name="values"/> (not copied: the grid owns it from now on).</summary>
    public RasterGrid(int nx, int ny, double x0, double dx, double y0, double dy, double[] values, bool geographic)
    {
        if (nx < 1 || ny < 1) throw new ArgumentException($"grid must have at least one column and row, got {nx}x{ny}.");
        if (values.Length != (long)nx * ny) throw new ArgumentException($"grid of {nx}x{ny} needs {(long)nx * ny} values, got {values.Length}.");
        if (!(dx > 0) || !(dy > 0) || !double.IsFinite(dx) || !double.IsFinite(dy))
            throw new ArgumentException($"grid spacing must be positive, got dx = {dx}, dy = {dy}.");
        Nx = nx; Ny = ny; X0 = x0; Dx = dx; Y0 = y0; Dy = dy; Values = values; Geographic = geographic;
    }

    /// <summary>Columns.</summary>
    public int Nx { get; }
    /// <summary>Rows.</summary>
    public int Ny { get; }
    /// <summary>x of the first column's pixel centres (degrees or m).</summary>
    public double X0 { get; }
    /// <summary>Column spacing (degrees or m).</summary>
    public double Dx { get; }
    /// <summary>y of the first row's pixel centres (degrees or m).</summary>
    public double Y0 { get; }
    /// <summary>Row spacing (degrees or m).</summary>
    public double Dy { get; }
    /// <summary>Row-major values; NaN marks no data.</summary>
    public double[] Values { get; }
    /// <summary>True for longitude/latitude coordinates.</summary>
    public bool Geographic { get; }

    /// <summary>The unit the file states for its x axis (netCDF <c>units</c> attribute), if any.</summary>
    public string? AxisUnits { get; init; }

    /// <summary>x of column <paramref name="i"/> (may be fractional).</summary>
    public double X(double i) => X0 + i * Dx;

    /// <summary>y of row <paramref name="j"/> (may be fractional).</summary>
    public double Y(double j) => Y0 + j * Dy;

    /// <summary>Number of non-NaN values.</summary>
    public long ValidCount()
    {
        long n = 0;
        foreach (double v in Values) if (!double.IsNaN(v)) n++;
        return n;
    }

    /// <summary>Shape and coordinates without the values.</summary>
    public GridLayout Layout => new(Nx, Ny, X0, Dx, Y0, Dy, Geographic) { AxisUnits = AxisUnits };

    /// <summary>True when another grid has the same shape and coordinates (within 1e-9 of a pixel).</summary>
    public bool SameLayout(RasterGrid other) => Layout.SameAs(other.Layout);

    /// <summary>A grid of <paramref name="layout"/> over <paramref name="values"/> (not copied).</summary>
    public static RasterGrid Of(GridLayout layout, double[] values) =>
        new(layout.Nx, layout.Ny, layout.X0, layout.Dx, layout.Y0, layout.Dy, values, layout.Geographic) { AxisUnits = layout.AxisUnits };

    /// <summary>A copy with every pixel whose <paramref name="coherence"/> is below <paramref name="minimum"/> (or NaN) set to NaN.</summary>
    public RasterGrid Masked(RasterGrid coherence, double minimum)
    {
        if (!SameLayout(coherence))
            throw new ArgumentException($"coherence grid ({coherence.Nx}x{coherence.Ny}) does not match the data grid ({Nx}x{Ny}) pixel for pixel.");
        var v = (double[])Values.Clone();
        for (int k = 0; k < v.Length; k++)
            if (!(coherence.Values[k] >= minimum)) v[k] = double.NaN;
        return new RasterGrid(Nx, Ny, X0, Dx, Y0, Dy, v, Geographic);
    }
}
