using System.Globalization;
using System.Text;
using SourceModel.Okada.Forward;

namespace SourceModel.Cli.Tests;

/// <summary>Synthetic LOS points in local metres, as the step-1 and step-2 command tests write and declare them.</summary>
internal static class LocalLosCsv
{
    /// <summary>The CSV text: x, y, value, unit vector and sigma per point.</summary>
    public static string Text(IReadOnlyList<double> east, IReadOnlyList<double> north, IReadOnlyList<double> value, LosVector los, double sigma)
    {
        var csv = new StringBuilder("x,y,value,ve,vn,vu,sigma\n");
        for (int k = 0; k < east.Count; k++)
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{east[k]},{north[k]},{value[k]:R},{los.East:R},{los.North:R},{los.Up:R},{sigma}"));
        return csv.ToString();
    }

    /// <summary>The dataset declaration (a YAML list item under <c>datasets:</c>) for such a file.</summary>
    public static string Declaration(string name, string file) => $"""
          - name: {name}
            file: {file}
            format: delimited
            delimiter: comma
            header: true
            columns: {"{"}x: x, y: y, value: value, vector_e: ve, vector_n: vn, vector_u: vu, sigma: sigma{"}"}
            coordinates: {"{"}system: local, unit: m{"}"}
            units: m
            sign: toward_satellite
            vector: ground_to_satellite
        """;
}
