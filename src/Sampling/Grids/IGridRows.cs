namespace SourceModel.Sampling.Grids;

/// <summary>
/// A grid read a band of rows at a time, so that a grid larger than memory is never held whole (the quadtree needs
/// one band of <see cref="Quadtree.QuadtreeOptions.MaxSize"/> rows at a time).
/// </summary>
public interface IGridRows : IDisposable
{
    /// <summary>The file the rows come from (for error messages).</summary>
    string Path { get; }

    /// <summary>Shape and coordinates, rows in increasing y.</summary>
    GridLayout Layout { get; }

    /// <summary>Copies rows <paramref name="row0"/> … <paramref name="row0"/> + <paramref name="rows"/> − 1 (increasing y,
    /// NaN = no data) into <paramref name="into"/>, row-major.</summary>
    void Read(int row0, int rows, Span<double> into);
}

/// <summary>The rows of a grid already in memory.</summary>
public sealed class InMemoryGridRows(RasterGrid grid, string path) : IGridRows
{
    /// <inheritdoc/>
    public string Path => path;

    /// <inheritdoc/>
    public GridLayout Layout => grid.Layout;

    /// <inheritdoc/>
    public void Read(int row0, int rows, Span<double> into) =>
        grid.Values.AsSpan(row0 * grid.Nx, rows * grid.Nx).CopyTo(into);

    /// <inheritdoc/>
    public void Dispose() { }
}
