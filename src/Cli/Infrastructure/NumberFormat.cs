using System.Globalization;

namespace SourceModel.Cli.Infrastructure;

/// <summary>Invariant-culture number text: shortest round-trip output, strict parsing.</summary>
internal static class NumberFormat
{
    /// <summary>Shortest text that parses back to exactly the same double.</summary>
    public static string RoundTrip(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses a finite or non-finite double written in invariant culture (e.g. 1.5, -2e3).</summary>
    public static bool TryParse(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Exactly <paramref name="count"/> finite comma-separated numbers, or null.</summary>
    public static double[]? TryParseList(string text, int count)
    {
        var parts = text.Split(',');
        if (parts.Length != count) return null;
        var values = new double[count];
        for (int i = 0; i < count; i++)
            if (!TryParse(parts[i].Trim(), out values[i]) || !double.IsFinite(values[i])) return null;
        return values;
    }
}
