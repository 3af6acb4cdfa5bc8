using SourceModel.Sampling.Grids;

namespace SourceModel.Sampling.Quadtree;

/// <summary>A grid downsampled by the quadtree: its header, its leaves and a preview of the full-resolution grid.</summary>
/// <param name="Header">The grid without its values.</param>
/// <param name="Leaves">Quadtree leaves in whole-grid pixels, row-major tiles.</param>
/// <param name="Preview">Block means and kept shares of the full-resolution grid, for drawing.</param>
public sealed record DownsampledGrid(LosGridHeader Header, IReadOnlyList<QuadtreeLeaf> Leaves, GridPreview Preview);

/// <summary>
/// Imports a declared LOS grid and builds its quadtree one band of tiles at a time (<see cref="QuadtreeBuilder.BandRows"/>
/// rows), so memory is O(band) rather than O(grid): a 7,000 × 7,000 grid needs 256 rows (14 MB of doubles) at once,
/// not 400 MB. The leaves are those of <see cref="QuadtreeBuilder.Build"/> on the whole grid.
/// </summary>
public static class GridDownsampler
{
    /// <summary>Largest side, in blocks, of the preview: finer than any quadtree leaf, light enough for a report page.</summary>
    public const int PreviewCells = 300;

    /// <summary>Downsamples <paramref name="declaration"/> under <paramref name="options"/> (a
    /// <see cref="QuadtreeOptions.Model"/>, when given, is held whole).</summary>
    public static DownsampledGrid Downsample(GridDeclaration declaration, QuadtreeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var reader = GridImporter.Open(declaration);
        var layout = reader.Layout;
        var preview = new GridPreview(declaration.Name, layout, PreviewCells);
        var leaves = new List<QuadtreeLeaf>();
        int rows = QuadtreeBuilder.BandRows(options);
        for (int row0 = 0; row0 < layout.Ny; row0 += rows)
        {
            var band = reader.Read(row0, Math.Min(rows, layout.Ny - row0));
            leaves.AddRange(QuadtreeBuilder.BuildBand(layout, band, options));
            preview.Add(band);
        }
        return new DownsampledGrid(reader.Finish(), leaves, preview);
    }
}
