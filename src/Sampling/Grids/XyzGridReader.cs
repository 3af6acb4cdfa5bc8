using SourceModel.Sampling.Import;

namespace SourceModel.Sampling.Grids;

/// <summary>
/// Reads a grid written as plain <c>x y z</c> text (whitespace or comma separated, '#' comments, any row order, as
/// <c>gmt grd2xyz</c> writes). The nodes must lie on one regular lattice; absent nodes and NaN values become no-data.
/// </summary>
public static class XyzGridReader
{
    /// <summary>Reads the file; <paramref name="geographic"/> declares lon/lat degrees (else metres).</summary>
    public static RasterGrid Read(string path, bool geographic)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var firstLine = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Split('\n')
            .FirstOrDefault(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')) ?? "";
        char? delimiter = firstLine.Contains(',') ? ',' : null;
        // NaN z values mark no-data in xyz dumps, so z is read leniently and x, y strictly.
        var table = DelimitedTableReader.Parse(path, bytes,
            new TableLayout(delimiter, false, new Dictionary<ColumnRole, int> { [ColumnRole.X] = 1, [ColumnRole.Y] = 2 }, null, 3));
        double[] x = table.Columns[ColumnRole.X], y = table.Columns[ColumnRole.Y];
        double[] z = ReadZ(path, bytes, table.Lines, delimiter);
        var (x0, dx, nx) = Axis(path, x, "x");
        var (y0, dy, ny) = Axis(path, y, "y");
        var values = new double[(long)nx * ny];
        Array.Fill(values, double.NaN);
        var filled = new bool[values.Length];
        for (int k = 0; k < x.Length; k++)
        {
            int i = (int)Math.Round((x[k] - x0) / dx), j = (int)Math.Round((y[k] - y0) / dy);
            if (Math.Abs(x0 + i * dx - x[k]) > 1e-3 * dx || Math.Abs(y0 + j * dy - y[k]) > 1e-3 * dy)
                throw new DataFormatException(path, table.Lines[k], 0, $"node ({x[k]}, {y[k]}) is not on the regular lattice (dx = {dx}, dy = {dy}).");
            long at = (long)j * nx + i;
            if (filled[at]) throw new DataFormatException(path, table.Lines[k], 0, $"duplicated node ({x[k]}, {y[k]}).");
            filled[at] = true;
            values[at] = z[k];
        }
        var grid = new RasterGrid(nx, ny, x0, dx, y0, dy, values, geographic);
        if (grid.ValidCount() == 0) throw new DataFormatException(path, 0, 0, "every value of the grid is NaN.");
        return grid;
    }

    private static double[] ReadZ(string path, byte[] bytes, int[] lines, char? delimiter)
    {
        var starts = DelimitedTableReader.LineStarts(bytes);
        var z = new double[lines.Length];
        for (int k = 0; k < lines.Length; k++)
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes, starts[lines[k] - 1], starts[lines[k]] - starts[lines[k] - 1]);
            var f = delimiter is { } d ? text.Split(d) : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            string token = f[2].Trim();
            if (token.Equals("nan", StringComparison.OrdinalIgnoreCase)) { z[k] = double.NaN; continue; }
            if (!double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out z[k]) || double.IsInfinity(z[k]))
                throw new DataFormatException(path, lines[k], 3, $"expected a number or NaN for z, got '{token}'.");
        }
        return z;
    }

    private static (double Origin, double Step, int Count) Axis(string path, double[] c, string name)
    {
        var u = c.Distinct().Order().ToArray();
        if (u.Length == 1) return (u[0], 1, 1);
        double step = double.MaxValue;
        for (int i = 1; i < u.Length; i++) step = Math.Min(step, u[i] - u[i - 1]);
        double span = u[^1] - u[0];
        int count = (int)Math.Round(span / step) + 1;
        if (Math.Abs((count - 1) * step - span) > 1e-3 * step)
            throw new DataFormatException(path, 0, 0, $"{name} values are not on a regular lattice (smallest step {step}, span {span}).");
        return (u[0], span / (count - 1), count);
    }
}
