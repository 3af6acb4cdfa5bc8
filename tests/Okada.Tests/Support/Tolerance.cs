namespace SourceModel.Okada.Tests.Support;

/// <summary>Two-sided comparisons with tolerances scaled to the magnitude of the expected values.</summary>
public static class Tolerance
{
    /// <summary>|actual − expected| ≤ rel·max(|expected|, scale) (scale guards values that cancel to ~0).</summary>
    public static void Close(double expected, double actual, double rel, double scale, string what)
    {
        double bound = rel * Math.Max(Math.Abs(expected), scale);
        if (!(Math.Abs(actual - expected) <= bound))
            throw new Xunit.Sdk.XunitException(
                $"{what}: expected {expected:R}, got {actual:R} (|diff| = {Math.Abs(actual - expected):E3} > {bound:E3}).");
    }

    /// <summary>Largest magnitude among values (used as the scale of a set of outputs).</summary>
    public static double Scale(IEnumerable<double> values) => values.Select(Math.Abs).DefaultIfEmpty(0).Max();
}
