using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using SourceModel.Sampling.Conventions;

namespace SourceModel.Sampling.Import;

/// <summary>Reads a square covariance matrix written as text (comma- or whitespace-separated, one row per line,
/// '#' comments) and converts it to m².</summary>
public static class CovarianceFileReader
{
    private static readonly char[] Separators = [',', ' ', '\t', ';'];

    /// <summary>Reads an <paramref name="expected"/>×<paramref name="expected"/> matrix whose entries are in
    /// <paramref name="unit"/>² and returns it in m².</summary>
    public static Matrix<double> Read(string path, int expected, LengthUnit unit = LengthUnit.Metre)
    {
        double scale = unit.ToMetres() * unit.ToMetres();
        var m = Matrix<double>.Build.Dense(expected, expected);
        int row = 0, lineNo = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNo++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != expected)
                throw new DataFormatException(path, lineNo, 0, $"expected {expected} covariance entries (one per data row), found {fields.Length}.");
            if (row >= expected)
                throw new DataFormatException(path, lineNo, 0, $"more than {expected} rows; the covariance must be {expected}x{expected}.");
            for (int j = 0; j < expected; j++)
            {
                if (!double.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                    throw new DataFormatException(path, lineNo, j + 1, $"expected a finite number, got '{fields[j]}'.");
                m[row, j] = v * scale;
            }
            row++;
        }
        if (row != expected)
            throw new DataFormatException(path, 0, 0, $"covariance has {row} rows; expected {expected} (one per data row, in data order).");
        try
        {
            return CovarianceChecks.RequireSymmetricPositiveDiagonal(m, "covariance");
        }
        catch (ArgumentException e)
        {
            throw new DataFormatException(path, 0, 0, e.Message);
        }
    }
}
