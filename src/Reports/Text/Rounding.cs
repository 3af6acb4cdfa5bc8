using System.Globalization;

namespace SourceModel.Reports.Text;

/// <summary>
/// Numbers as a reader wants them in a table: an uncertainty to two significant figures and its value to the same
/// decimal place ("4616 ± 214", not "4616.0698 ± 213.87"), and values without one to the step their unit warrants.
/// </summary>
public static class Rounding
{
    /// <summary>The decimal places that show <paramref name="uncertainty"/> to two significant figures (0 for ≥ 10).</summary>
    public static int Decimals(double uncertainty)
    {
        if (!(uncertainty > 0) || !double.IsFinite(uncertainty)) return 3;
        return Math.Clamp(1 - (int)Math.Floor(Math.Log10(uncertainty)), 0, 12);
    }

    /// <summary>"value ± uncertainty", both to <see cref="Decimals"/> of the uncertainty.</summary>
    public static string WithUncertainty(double value, double uncertainty)
    {
        int d = Decimals(uncertainty);
        return $"{Fixed(value, d)} ± {Fixed(uncertainty, d)}";
    }

    /// <summary><paramref name="value"/> to the decimals an <paramref name="uncertainty"/> warrants (for quantiles
    /// beside a standard deviation).</summary>
    public static string Like(double value, double uncertainty) => Fixed(value, Decimals(uncertainty));

    /// <summary><paramref name="value"/> rounded to a multiple of <paramref name="step"/> (a power of ten: 1 m, 0.1°,
    /// 0.001 m), written without trailing noise.</summary>
    public static string ToStep(double value, double step)
    {
        int d = step >= 1 ? 0 : (int)Math.Round(-Math.Log10(step));
        return Fixed(Math.Round(value / step) * step, d);
    }

    /// <summary>The step a quantity is read to, by unit: 1 m for positions and sizes, 0.1° for angles, 1 mm for slip
    /// (<paramref name="isSlip"/>), 0.01 for magnitudes (unit "" or "Mw"), four significant figures otherwise.</summary>
    public static string ByUnit(double value, string unit, bool isSlip = false) => unit switch
    {
        "m" when isSlip => ToStep(value, 0.001),
        "m" => ToStep(value, 1),
        "deg" or "°" => ToStep(value, 0.1),
        "" or "Mw" or "–" => ToStep(value, 0.01),
        _ => value.ToString("G4", CultureInfo.InvariantCulture),
    };

    private static string Fixed(double value, int decimals)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        string s = value.ToString("F" + decimals, CultureInfo.InvariantCulture);
        return s.StartsWith('-') && s.Trim('-', '0', '.').Length == 0 ? s[1..] : s;   // no "-0.0"
    }
}
