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
}
