using System.Globalization;

namespace SourceModel.Sampling.Import;

/// <summary>
/// GTdef input files (Georgia Tech deformation inversion): only the data lines are read —
/// <c>point 3 NAME lon lat z Ue Un Uv eUe eUn eUv weight</c> (GNSS) or
/// <c>los 1 NAME lon lat z ULOS eULOS dirE dirN dirV weight</c> (InSAR) — every other keyword (fault, kappa, …) is
/// skipped. A <c>coord</c> line other than <c>geo</c> is an error (only geographic GTdef files are supported).
/// </summary>
public static class GtdefReader
{
    /// <summary>Reads the <c>point 3</c> lines (<paramref name="los"/> false) or the <c>los 1</c> lines.</summary>
    public static RawTable Read(string path, bool los)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new DataFormatException(path, 0, 0, "the file is empty.");
        var roles = los
            ? new[] { ColumnRole.Longitude, ColumnRole.Latitude, ColumnRole.Elevation, ColumnRole.Value, ColumnRole.Sigma,
                      ColumnRole.VectorEast, ColumnRole.VectorNorth, ColumnRole.VectorUp, ColumnRole.Weight }
            : new[] { ColumnRole.Longitude, ColumnRole.Latitude, ColumnRole.Elevation, ColumnRole.GnssEast, ColumnRole.GnssNorth,
                      ColumnRole.GnssUp, ColumnRole.SigmaEast, ColumnRole.SigmaNorth, ColumnRole.SigmaUp, ColumnRole.Weight };
        string keyword = los ? "los" : "point", type = los ? "1" : "3";
        var values = roles.Select(_ => new List<double>()).ToArray();
        var names = new List<string>();
        var lineNumbers = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (t.Length == 0 || t[0].StartsWith('#')) continue;
            if (t[0] == "coord" && (t.Length < 2 || t[1] != "geo"))
                throw new DataFormatException(path, i + 1, 2, $"only 'coord geo' files are supported, found '{string.Join(' ', t)}'.");
            if (t[0] != keyword) continue;
            if (t.Length < 2 || t[1] != type)
                throw new DataFormatException(path, i + 1, 2, $"only '{keyword} {type}' lines are supported, found '{keyword} {(t.Length > 1 ? t[1] : "")}'.");
            int expected = 3 + roles.Length;
            if (t.Length != expected)
                throw new DataFormatException(path, i + 1, 0, $"a '{keyword} {type}' line has {expected} fields, found {t.Length}.");
            names.Add(t[2]);
            for (int k = 0; k < roles.Length; k++)
            {
                if (!double.TryParse(t[3 + k], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    throw new DataFormatException(path, i + 1, 4 + k, $"expected a number for '{roles[k].Name()}', got '{t[3 + k]}'.");
                if (!double.IsFinite(v))
                    throw new DataFormatException(path, i + 1, 4 + k, $"'{t[3 + k]}' is not a finite number ('{roles[k].Name()}').");
                values[k].Add(v);
            }
            lineNumbers.Add(i + 1);
        }
        if (names.Count == 0) throw new DataFormatException(path, 0, 0, $"no '{keyword} {type}' lines found.");
        var columns = new Dictionary<ColumnRole, double[]>();
        var fieldOf = new Dictionary<ColumnRole, int> { [ColumnRole.Name] = 3 };
        for (int k = 0; k < roles.Length; k++)
        {
            columns[roles[k]] = values[k].ToArray();
            fieldOf[roles[k]] = 4 + k;
        }
        return new RawTable(path, names.Count, columns, fieldOf, names.ToArray(), lineNumbers.ToArray());
    }
}
