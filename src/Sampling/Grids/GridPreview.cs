namespace SourceModel.Sampling.Grids;

/// <summary>
/// A full-resolution grid reduced for drawing: the mean of every block of <see cref="Step"/> × <see cref="Step"/> pixels
/// and the share of its pixels that kept a value (coherence mask, no data), gathered band by band as the grid is read
/// so that a grid larger than memory can still be shown.
/// </summary>
public sealed class GridPreview
{
    private readonly double[] sum, count;
    private readonly int nx, ny;

    /// <summary>A preview of a grid of <paramref name="layout"/> whose longer side is drawn with at most
    /// <paramref name="maxCells"/> blocks.</summary>
    public GridPreview(string name, GridLayout layout, int maxCells)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCells, 1);
        Name = name;
        Layout = layout;
        Step = Math.Max(1, (int)Math.Ceiling(Math.Max(layout.Nx, layout.Ny) / (double)maxCells));
        nx = (layout.Nx + Step - 1) / Step;
        ny = (layout.Ny + Step - 1) / Step;
        sum = new double[nx * ny];
        count = new double[nx * ny];
    }

    /// <summary>The preview of a grid already in memory.</summary>
    public static GridPreview Of(LosGrid grid, int maxCells)
    {
        var preview = new GridPreview(grid.Name, grid.Values.Layout, maxCells);
        preview.Add(new GridBand(0, grid.Values, grid.Vectors));
        return preview;
    }

    /// <summary>Dataset name.</summary>
    public string Name { get; }

    /// <summary>The full grid's shape and coordinates.</summary>
    public GridLayout Layout { get; }

    /// <summary>Side of a block, pixels.</summary>
    public int Step { get; }

    /// <summary>Adds one band of the grid's rows.</summary>
    public void Add(GridBand band)
    {
        var v = band.Values;
        for (int j = 0; j < band.Rows; j++)
        {
            int cellRow = (band.Row0 + j) / Step * nx;
            for (int i = 0; i < v.Nx; i++)
            {
                double value = v.Values[j * v.Nx + i];
                if (!double.IsFinite(value)) continue;
                sum[cellRow + i / Step] += value;
                count[cellRow + i / Step] += 1;
            }
        }
    }

    /// <summary>Block centres along x (the layout's unit).</summary>
    public double[] X => Enumerable.Range(0, nx).Select(i => Layout.X((i * Step + Math.Min(Layout.Nx, (i + 1) * Step) - 1) / 2.0)).ToArray();

    /// <summary>Block centres along y.</summary>
    public double[] Y => Enumerable.Range(0, ny).Select(j => Layout.Y((j * Step + Math.Min(Layout.Ny, (j + 1) * Step) - 1) / 2.0)).ToArray();

    /// <summary>Block means, [row][column] (value unit; NaN where no pixel kept a value).</summary>
    public double[][] Mean => Rows((k, _) => count[k] > 0 ? sum[k] / count[k] : double.NaN);

    /// <summary>Share of each block's pixels that kept a value, [row][column] (0..1).</summary>
    public double[][] Kept => Rows((k, cells) => count[k] / cells);

    private double[][] Rows(Func<int, double, double> cell) =>
        Enumerable.Range(0, ny).Select(j => Enumerable.Range(0, nx).Select(i =>
        {
            double cells = (double)(Math.Min(Layout.Nx, (i + 1) * Step) - i * Step) * (Math.Min(Layout.Ny, (j + 1) * Step) - j * Step);
            return cell(j * nx + i, cells);
        }).ToArray()).ToArray();
}
