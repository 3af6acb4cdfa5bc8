using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Import;
using SourceModel.Sampling.Projection;
using SourceModel.Sampling.Quadtree;

namespace SourceModel.Sampling.Grids;

/// <summary>
/// A declared LOS grid opened for reading a band of rows at a time, so that a grid larger than memory is imported in
/// memory of one band: every convention and companion layout is checked when it opens, every value as its band is read
/// (units and sign applied, plausibility, coherence mask, per-pixel vectors checked and normalised). Call
/// <see cref="Finish"/> after the last band: it refuses a grid left with no value and gives the provenance.
/// </summary>
public sealed class LosGridReader : IDisposable
{
    private readonly GridDeclaration d;
    private readonly IGridRows data;
    private readonly IGridRows? coherence;
    private readonly (IGridRows E, IGridRows N, IGridRows U)? vectorGrids;
    private readonly PixelVectors? constant;
    private readonly double scale, flip;
    private readonly List<string> notes = [];
    private readonly List<IGridRows> opened = [];
    private long rawValid, valid;

    internal LosGridReader(GridDeclaration d)
    {
        this.d = d;
        try
        {
            if (d.Coordinates is { Kind: CoordinateKind.Utm })
                throw new DataFormatException(d.File, 0, 0, "UTM grids are not supported; give lonlat or local coordinates.");
            bool? geographic = d.Coordinates is null ? null : d.Coordinates.Kind == CoordinateKind.Geographic;
            data = Keep(GridImporter.OpenRaster(d.File, geographic, d.Variable));
            var unit = d.Units ?? throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': declare 'units' (m, cm or mm).");
            var sign = d.Sign ?? throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': declare 'sign' (toward_satellite or away_from_satellite).");
            scale = unit.ToMetres() * (sign == LosSign.AwayFromSatellite ? -1 : 1);
            var raw = data.Layout;
            double localScale = raw.Geographic ? 1 : LocalScale(d, raw);
            Layout = raw.Scaled(localScale) with { AxisUnits = null };
            notes.Add($"values in {unit.Symbol()}, {(sign == LosSign.AwayFromSatellite ? "positive away from satellite (negated)" : "positive toward satellite")}");
            notes.Add(Layout.Geographic ? "coordinates lon/lat (deg)" : localScale == 1000 ? "coordinates local (km)" : "coordinates local (m)");
            if (d.CoherenceFile is { } coh)
            {
                coherence = Companion(coh);
                notes.Add($"coherence mask {Path.GetFileName(coh)} >= {d.CoherenceMinimum}");
            }
            (constant, vectorGrids, flip) = Vectors();
            Reference = Layout.Geographic
                ? d.Reference ?? new GeoReference(Math.Round(Layout.X((Layout.Nx - 1) / 2.0), 6), Math.Round(Layout.Y((Layout.Ny - 1) / 2.0), 6))
                : d.Reference;
            if (Reference is not null) notes.Add($"local frame: {Reference}");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Shape and coordinates of the grid (lon/lat degrees or local metres).</summary>
    public GridLayout Layout { get; } = null!;

    /// <summary>Local frame origin: declared, else the centre of a geographic grid; null for a grid in local metres.</summary>
    public GeoReference? Reference { get; }

    /// <summary>Pixels with a value (after the coherence mask) in the bands read so far.</summary>
    public long ValidCount => valid;

    /// <summary>Rows <paramref name="row0"/> … <paramref name="row0"/> + <paramref name="rows"/> − 1: values in metres,
    /// positive toward the satellite, masked; unit vectors ground to satellite.</summary>
    public GridBand Read(int row0, int rows)
    {
        int nx = Layout.Nx;
        var band = Layout.Band(row0, rows);
        var values = new double[(long)nx * rows];
        data.Read(row0, rows, values);
        double[]? keep = null;
        if (coherence is not null)
        {
            keep = new double[values.Length];
            coherence.Read(row0, rows, keep);
        }
        for (int k = 0; k < values.Length; k++)
        {
            if (double.IsNaN(values[k])) continue;
            rawValid++;
            values[k] *= scale;
            if (Math.Abs(values[k]) > DatasetImporter.MaxPlausibleDisplacement)
                throw new DataFormatException(d.File, 0, 0, $"grid value {values[k]:G6} m (pixel {k % nx}, {row0 + k / nx}) is not a plausible displacement; check 'units'.");
            if (keep is not null && !(keep[k] >= d.CoherenceMinimum)) values[k] = double.NaN;
            else valid++;
        }
        var grid = RasterGrid.Of(band, values);
        return new GridBand(row0, grid, constant ?? PerPixelVectors(row0, rows, grid));
    }

    /// <summary>Checks that the grid kept some value and gives its header; call after the last band.</summary>
    public LosGridHeader Finish()
    {
        if (rawValid == 0) throw new DataFormatException(d.File, 0, 0, "every value of the grid is NaN.");
        if (valid == 0) throw new DataFormatException(d.CoherenceFile ?? d.File, 0, 0, $"no pixel has coherence >= {d.CoherenceMinimum}; nothing is left.");
        return new LosGridHeader(d.Name, Layout, Reference, new ImportProvenance(d.File, "grid", notes, (int)Math.Min(int.MaxValue, valid)));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var rows in opened) rows.Dispose();
        opened.Clear();
    }

    private IGridRows Keep(IGridRows rows)
    {
        opened.Add(rows);
        return rows;
    }

    /// <summary>A companion grid (coherence, unit vectors) must match the data grid pixel for pixel.</summary>
    private IGridRows Companion(string path)
    {
        var rows = Keep(GridImporter.OpenRaster(path, Layout.Geographic, null));
        var layout = rows.Layout.Scaled(Layout.Dx / data.Layout.Dx);
        if (!Layout.SameAs(layout))
            throw new DataFormatException(path, 0, 0, $"grid ({layout.Nx}x{layout.Ny}) does not match the data grid ({Layout.Nx}x{Layout.Ny}) pixel for pixel.");
        return rows;
    }

    /// <summary>Metres per unit of a metric grid's axes: declared, or stated by the file's units attribute; both must agree.</summary>
    private static double LocalScale(GridDeclaration d, GridLayout raw)
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

    /// <summary>The declared look: one constant vector, or three grids (opened here, read with each band) and the sign
    /// that turns them ground to satellite.</summary>
    private (PixelVectors?, (IGridRows, IGridRows, IGridRows)?, double) Vectors()
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
            return (PixelVectors.Uniform(e, n, u), null, 1);
        }
        var dir = d.Vector ?? throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': declare 'vector' (ground_to_satellite or satellite_to_ground).");
        double sign = dir == VectorDirection.SatelliteToGround ? -1 : 1;
        if (d.ConstantVector is { } v)
        {
            if (v.Up * sign <= 0) throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': after the declared direction the vector points down; check 'vector'.");
            notes.Add($"constant vector ({v.East}, {v.North}, {v.Up}) {dir}");
            try { return (PixelVectors.Uniform(v.East * sign, v.North * sign, v.Up * sign), null, sign); }
            catch (ArgumentException e) { throw new DataFormatException(d.File, 0, 0, $"grid '{d.Name}': {e.Message}"); }
        }
        var (fe, fn, fu) = d.VectorGrids!.Value;
        notes.Add($"per-pixel vectors {dir}");
        return (null, (Companion(fe), Companion(fn), Companion(fu)), sign);
    }

    /// <summary>The band's per-pixel vectors, checked (upward, unit length within 2 %) and normalised where there is data.</summary>
    private PixelVectors PerPixelVectors(int row0, int rows, RasterGrid band)
    {
        var (re, rn, ru) = vectorGrids!.Value;
        int nx = Layout.Nx;
        double[] ge = new double[band.Values.Length], gn = new double[ge.Length], gu = new double[ge.Length];
        re.Read(row0, rows, ge);
        rn.Read(row0, rows, gn);
        ru.Read(row0, rows, gu);
        for (int k = 0; k < ge.Length; k++)
        {
            if (double.IsNaN(band.Values[k])) continue;
            double e = ge[k] * flip, n = gn[k] * flip, u = gu[k] * flip;
            double norm = Math.Sqrt(e * e + n * n + u * u);
            if (!(Math.Abs(norm - 1) <= 0.02) || !(u > 0))
                throw new DataFormatException(re.Path, 0, 0, $"pixel ({k % nx}, {row0 + k / nx}): vector ({e}, {n}, {u}) is not an upward unit vector after the declared direction.");
            ge[k] = e / norm; gn[k] = n / norm; gu[k] = u / norm;
        }
        var layout = band.Layout;
        return PixelVectors.FromGrids(RasterGrid.Of(layout, ge), RasterGrid.Of(layout, gn), RasterGrid.Of(layout, gu), band);
    }
}
