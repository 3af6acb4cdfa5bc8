using SourceModel.Sampling.Import;

namespace SourceModel.Sampling.Grids;

/// <summary>Reads a LOS grid under a <see cref="GridDeclaration"/>: units, sign, vectors, coherence mask — whole
/// (<see cref="Import"/>) or a band of rows at a time (<see cref="Open"/>).</summary>
public static class GridImporter
{
    /// <summary>Opens a grid file by its kind: netCDF when it starts with the CDF/HDF magic bytes (read a band at a
    /// time), else x y z text (read whole: its nodes may come in any order).</summary>
    public static IGridRows OpenRaster(string path, bool? geographic, string? variable = null)
    {
        if (!File.Exists(path)) throw new DataFormatException(path, 0, 0, "file not found.");
        Span<byte> magic = stackalloc byte[4];
        int got;
        using (var f = File.OpenRead(path)) got = f.Read(magic);
        bool netcdf = got == 4 && ((magic[0] == 'C' && magic[1] == 'D' && magic[2] == 'F') || (magic[0] == 0x89 && magic[1] == 'H'));
        if (netcdf)
        {
            var rows = NetCdfClassicReader.Open(path, variable);
            if (geographic is { } declared && declared != rows.Layout.Geographic)
            {
                rows.Dispose();
                throw new DataFormatException(path, 0, 0, $"declared {(declared ? "geographic" : "metric")} coordinates contradict the file, whose axes are {(rows.Layout.Geographic ? "longitude/latitude" : "not geographic")}.");
            }
            return rows;
        }
        if (geographic is null)
            throw new DataFormatException(path, 0, 0, "an x y z text grid needs declared 'coordinates' (lonlat or local).");
        return new InMemoryGridRows(XyzGridReader.Read(path, geographic.Value), path);
    }

    /// <summary>Reads a grid file whole (see <see cref="OpenRaster"/>); refuses a grid with no value.</summary>
    public static RasterGrid ReadRaster(string path, bool? geographic, string? variable = null)
    {
        using var rows = OpenRaster(path, geographic, variable);
        var values = new double[rows.Layout.Pixels];
        rows.Read(0, rows.Layout.Ny, values);
        var grid = RasterGrid.Of(rows.Layout, values);
        if (grid.ValidCount() == 0) throw new DataFormatException(path, 0, 0, "every value of the grid is NaN.");
        return grid;
    }

    /// <summary>Opens the declared grid and its companions (coherence, vector grids) for reading in bands; conventions
    /// and layouts are checked here, values as the bands are read.</summary>
    public static LosGridReader Open(GridDeclaration d) => new(d);

    /// <summary>Imports the declared grid whole.</summary>
    public static LosGrid Import(GridDeclaration d)
    {
        using var reader = Open(d);
        var band = reader.Read(0, reader.Layout.Ny);
        var header = reader.Finish();
        return new LosGrid(header.Name, band.Values, band.Vectors, header.Reference, header.Provenance);
    }
}
