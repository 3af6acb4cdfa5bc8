using System.Globalization;
using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling.Import;

/// <summary>
/// This toolkit's own point CSV: what the quadtree writes and any tool can read back without declarations. The first
/// line is <c># sourcemodel-csv 1; reference LON LAT PROJECTION</c> (or <c>reference none</c>); then the header
/// <c>east_m,north_m,lon,lat,elevation_m,value_m,unit_e,unit_n,unit_u,leaf_size_m,pixels,scatter_m</c>. Values in m,
/// positive toward the satellite; unit vectors ground to satellite; lon/lat are informational (may be <c>nan</c>).
/// </summary>
public static class SourceModelCsv
{
    private const string Magic = "# sourcemodel-csv 1;";

    /// <summary>Writes <paramref name="d"/>; <paramref name="scatter"/> (m per row, optional) records quadtree leaf scatter.</summary>
    public static void Write(GeodeticDataset d, TextWriter w, IReadOnlyList<double>? scatter = null)
    {
        static string F(double v) => double.IsNaN(v) ? "nan" : v.ToString("R", CultureInfo.InvariantCulture);
        var r = d.Reference;
        w.Write(Magic);
        w.WriteLine(r is null ? " reference none" : $" reference {F(r.Longitude)} {F(r.Latitude)} {(r.Kind == ProjectionKind.Utm ? $"utm {r.EffectiveZone}" : "transverse-mercator")}");
        w.WriteLine(string.Join(',', FormatLayouts.SourceModelCsvHeader));
        for (int i = 0; i < d.Count; i++)
        {
            w.WriteLine(string.Join(',',
                F(d.East[i]), F(d.North[i]),
                d.Longitude.Length > 0 ? F(d.Longitude[i]) : "nan", d.Latitude.Length > 0 ? F(d.Latitude[i]) : "nan",
                F(d.Elevation[i]), F(d.Value[i]), F(d.UnitEast[i]), F(d.UnitNorth[i]), F(d.UnitUp[i]),
                d.LeafSize.Length > 0 ? F(d.LeafSize[i]) : "0", d.PixelCount.Length > 0 ? d.PixelCount[i].ToString(CultureInfo.InvariantCulture) : "0",
                scatter is null ? "nan" : F(scatter[i])));
        }
    }

    /// <summary>The reference stated on the first line of a sourcemodel CSV (null for <c>reference none</c>).</summary>
    public static GeoReference? ReadReference(string path)
    {
        string first;
        using (var reader = new StreamReader(path)) first = reader.ReadLine() ?? "";
        if (!first.StartsWith(Magic, StringComparison.Ordinal))
            throw new DataFormatException(path, 1, 0, $"expected the first line '{Magic} reference …' of a sourcemodel CSV.");
        var t = first[Magic.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (t.Length == 2 && t[0] == "reference" && t[1] == "none") return null;
        if (t.Length >= 4 && t[0] == "reference"
            && double.TryParse(t[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double lon)
            && double.TryParse(t[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double lat))
        {
            if (t[3] == "transverse-mercator" && t.Length == 4) return new GeoReference(lon, lat);
            if (t[3] == "utm" && t.Length == 5 && int.TryParse(t[4], out int zone)) return new GeoReference(lon, lat, ProjectionKind.Utm, zone);
        }
        throw new DataFormatException(path, 1, 0, "expected 'reference none' or 'reference LON LAT transverse-mercator|utm ZONE' on the first line.");
    }
}
