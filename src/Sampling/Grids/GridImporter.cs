using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Import;
using SourceModel.Sampling.Projection;
using SourceModel.Sampling.Quadtree;

namespace SourceModel.Sampling.Grids;

/// <summary>Reads a LOS grid under a <see cref="GridDeclaration"/>: units, sign, vectors, coherence mask.</summary>
public static class GridImporter
{
    /// <summary>Reads a grid file by its kind: netCDF when it starts with the CDF/HDF magic bytes, else x y z text.</summary>
    public static RasterGrid ReadRaster(string path, bool? geographic, string? variable = null)
    {
        if (!File.Exists(path)) throw new DataFormatException(path, 0, 0, "file not found.");
        Span<byte> magic = stackalloc byte[4];
        int got;
        using (var f = File.OpenRead(path)) got = f.Read(magic);
        bool netcdf = got == 4 && ((magic[0] == 'C' && magic[1] == 'D' && magic[2] == 'F') || (magic[0] == 0x89 && magic[1] == 'H'));
        if (netcdf)
        {
            var g = NetCdfClassicReader.Read(path, variable);
            if (geographic is { } declared && declared != g.Geographic)
                throw new DataFormatException(path, 0, 0, $"declared {(declared ? "geographic" : "metric")} coordinates contradict the file, whose axes are {(g.Geographic ? "longitude/latitude" : "not geographic")}.");
            if (g.ValidCount() == 0) throw new DataFormatException(path, 0, 0, "every value of the grid is NaN.");
            return g;
        }
        if (geographic is null)
            throw new DataFormatException(path, 0, 0, "an x y z text grid needs declared 'coordinates' (lonlat or local).");
        return XyzGridReader.Read(path, geographic.Value);
    }

    /// <summary>Imports the declared grid.</summary>
    public static LosGrid Import(GridDeclaration d)
    {
        var notes = new List<string>();
        if (d.Coordinates is { Kind: CoordinateKind.Utm })
            throw new DataFormatException(d.File, 0, 0, "UTM grids are not supported; give lonlat or local coordinates.");
        bool? geographic = d.Coordinates is null ? null : d.Coordinates.Kind == CoordinateKind.Geographic;
        var raw = ReadRaster(d.File, geographic, d.Variable);
        var unit = d.Units ?? throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': declare 'units' (m, cm or mm).");
        var sign = d.Sign ?? throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': declare 'sign' (toward_satellite or away_from_satellite).");
        double scale = unit.ToMetres() * (sign == LosSign.AwayFromSatellite ? -1 : 1);
        double localScale = raw.Geographic ? 1 : LocalScale(d, raw);
        var values = raw.Values;
        for (int k = 0; k < values.Length; k++)
        {
            values[k] *= scale;
            if (Math.Abs(values[k]) > DatasetImporter.MaxPlausibleDisplacement)
                throw new DataFormatException(d.File, 0, 0, $"grid value {values[k]:G6} m (pixel {k % raw.Nx}, {k / raw.Nx}) is not a plausible displacement; check 'units'.");
        }
        var grid = new RasterGrid(raw.Nx, raw.Ny, raw.X0 * localScale, raw.Dx * localScale, raw.Y0 * localScale, raw.Dy * localScale, values, raw.Geographic);
        notes.Add($"values in {unit.Symbol()}, {(sign == LosSign.AwayFromSatellite ? "positive away from satellite (negated)" : "positive toward satellite")}");
        notes.Add(grid.Geographic ? "coordinates lon/lat (deg)" : localScale == 1000 ? "coordinates local (km)" : "coordinates local (m)");
        // Companion grids (coherence, unit vectors) must match the data grid pixel for pixel.
        RasterGrid Companion(string path, RasterGrid like)
        {
            var g = ReadRaster(path, raw.Geographic, null);
            var scaled = new RasterGrid(g.Nx, g.Ny, g.X0 * localScale, g.Dx * localScale, g.Y0 * localScale, g.Dy * localScale, g.Values, g.Geographic);
            if (!like.SameLayout(scaled))
                throw new DataFormatException(path, 0, 0, $"grid ({g.Nx}x{g.Ny}) does not match the data grid ({like.Nx}x{like.Ny}) pixel for pixel.");
            return scaled;
        }
        if (d.CoherenceFile is { } coh)
        {
            grid = grid.Masked(Companion(coh, grid), d.CoherenceMinimum);
            notes.Add($"coherence mask {Path.GetFileName(coh)} >= {d.CoherenceMinimum}");
            if (grid.ValidCount() == 0) throw new DataFormatException(coh, 0, 0, $"no pixel has coherence >= {d.CoherenceMinimum}; nothing is left.");
        }
        var vectors = Vectors(d, grid, notes, Companion);
        var reference = grid.Geographic
            ? d.Reference ?? new GeoReference(Math.Round(grid.X((grid.Nx - 1) / 2.0), 6), Math.Round(grid.Y((grid.Ny - 1) / 2.0), 6))
            : d.Reference;
        if (reference is not null) notes.Add($"local frame: {reference}");
        return new LosGrid(d.Name, grid, vectors, reference, new ImportProvenance(d.File, "grid", notes, (int)Math.Min(int.MaxValue, grid.ValidCount())));
    }

    /// <summary>Metres per unit of a metric grid's axes: declared, or stated by the file's units attribute; both must agree.</summary>
    private static double LocalScale(GridDeclaration d, RasterGrid raw)
    {
        LengthUnit? stated = (raw.AxisUnits ?? "").Trim().ToLowerInvariant() switch
        {
            "m" or "meter" or "meters" or "metre" or "metres" => LengthUnit.Metre,
            "km" or "kilometer" or "kilometers" or "kilometre" or "kilometres" => LengthUnit.Kilometre,
            _ => null,
        };
        var declared = d.Coordinates?.Unit;
        if (declared is { } a && stated is { } b && a != b)
            throw new DataFormatException(d.File, 0, 0, $"declared coordinates in {a.Symbol()} contradict the file's axis units '{raw.AxisUnits}'.");
        var unit = declared ?? stated ?? throw new DataFormatException(d.File, 0, 0,
            $"grid '{d.Name}': the x axis states no unit ('{raw.AxisUnits}'); declare coordinates (local in m or km).");
        return unit.ToMetres();
    }

    private static PixelVectors Vectors(GridDeclaration d, RasterGrid grid, List<string> notes, Func<string, RasterGrid, RasterGrid> companion)
    {
        int given = (d.ConstantVector is null ? 0 : 1) + (d.ConstantAngles is null ? 0 : 1) + (d.VectorGrids is null ? 0 : 1);
        if (given != 1)
            throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': declare exactly one of a constant 'vector', constant 'angles' or 'vector_grids'.");
        if (d.ConstantAngles is { } a)
        {
            var conv = d.Angles ?? throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': declare the 'angles' convention.");
            if (a.A < 0 || a.A > 90) throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': {LookAngles.FirstAngleName(conv)} {a.A} is outside 0-90 degrees.");
            var (e, n, u) = LookAngles.ToUnitVector(conv, a.A, a.B);
            notes.Add($"constant angles ({a.A}, {a.B}) under {conv.Name()}");
            return PixelVectors.Uniform(e, n, u);
        }
        var dir = d.Vector ?? throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': declare 'vector' (ground_to_satellite or satellite_to_ground).");
        double flip = dir == VectorDirection.SatelliteToGround ? -1 : 1;
        if (d.ConstantVector is { } v)
        {
            if (v.Up * flip <= 0) throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': after the declared direction the vector points down; check 'vector'.");
            notes.Add($"constant vector ({v.East}, {v.North}, {v.Up}) {dir}");
            try { return PixelVectors.Uniform(v.East * flip, v.North * flip, v.Up * flip); }
            catch (ArgumentException e) { throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': {e.Message}"); }
        }
        var (fe, fn, fu) = d.VectorGrids!.Value;
        var ge = companion(fe, grid);
        var gn = companion(fn, grid);
        var gu = companion(fu, grid);
        for (int k = 0; k < grid.Values.Length; k++)
        {
            if (double.IsNaN(grid.Values[k])) continue;
            double e = ge.Values[k] * flip, n = gn.Values[k] * flip, u = gu.Values[k] * flip;
            double norm = Math.Sqrt(e * e + n * n + u * u);
            if (!(Math.Abs(norm - 1) <= 0.02) || !(u > 0))
                throw new DataFormatException(fe, 0, 0, $"pixel ({k % grid.Nx}, {k / grid.Nx}): vector ({e}, {n}, {u}) is not an upward unit vector after the declared direction.");
            ge.Values[k] = e / norm; gn.Values[k] = n / norm; gu.Values[k] = u / norm;
        }
        notes.Add($"per-pixel vectors {dir}");
        return PixelVectors.FromGrids(ge, gn, gu, grid);
    }
}
