namespace SourceModel.Sampling.Grids;

/// <summary>
/// Shape and coordinates of a regular grid without its values: column <c>i</c>, row <c>j</c> sits at
/// (<see cref="X0"/> + i·<see cref="Dx"/>, <see cref="Y0"/> + j·<see cref="Dy"/>), both axes increasing; longitude/latitude
/// degrees when <see cref="Geographic"/>, else metres (or the file's own unit before import).
/// </summary>
/// <param name="Nx">Columns.</param>
/// <param name="Ny">Rows.</param>
/// <param name="X0">x of the first column's pixel centres.</param>
/// <param name="Dx">Column spacing (positive).</param>
/// <param name="Y0">y of the first row's pixel centres.</param>
/// <param name="Dy">Row spacing (positive).</param>
/// <param name="Geographic">True for longitude/latitude coordinates.</param>
public sealed record GridLayout(int Nx, int Ny, double X0, double Dx, double Y0, double Dy, bool Geographic)
{
    /// <summary>The unit the file states for its x axis (netCDF <c>units</c> attribute), if any.</summary>
    public string? AxisUnits { get; init; }

    /// <summary>x of column <paramref name="i"/> (may be fractional).</summary>
    public double X(double i) => X0 + i * Dx;

    /// <summary>y of row <paramref name="j"/> (may be fractional).</summary>
    public double Y(double j) => Y0 + j * Dy;

    /// <summary>Number of pixels.</summary>
    public long Pixels => (long)Nx * Ny;

    /// <summary>True when another layout has the same shape and coordinates (within 1e-9 of a pixel).</summary>
    public bool SameAs(GridLayout other) =>
        other.Nx == Nx && other.Ny == Ny && other.Geographic == Geographic &&
        Math.Abs(other.X0 - X0) <= 1e-9 * Dx + 1e-12 && Math.Abs(other.Y0 - Y0) <= 1e-9 * Dy + 1e-12 &&
        Math.Abs(other.Dx - Dx) <= 1e-9 * Dx && Math.Abs(other.Dy - Dy) <= 1e-9 * Dy;

    /// <summary>The same grid with its axes multiplied by <paramref name="scale"/> (km → m).</summary>
    public GridLayout Scaled(double scale) => scale == 1 ? this : this with { X0 = X0 * scale, Dx = Dx * scale, Y0 = Y0 * scale, Dy = Dy * scale };

    /// <summary>Rows <paramref name="row0"/> … <paramref name="row0"/> + <paramref name="rows"/> − 1 as a grid of their own.</summary>
    public GridLayout Band(int row0, int rows) => this with { Ny = rows, Y0 = Y(row0) };
}
