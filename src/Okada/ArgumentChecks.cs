using System.Globalization;

namespace SourceModel.Okada;

/// <summary>Validation at the public boundary: messages say which parameter, its value, and what is allowed.</summary>
internal static class ArgumentChecks
{
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} = {value}: a finite number is required."), name);
    }

    public static void Positive(double value, string name)
    {
        Finite(value, name);
        if (!(value > 0))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} = {value}: must be > 0."), name);
    }

    public static void NonNegative(double value, string name)
    {
        Finite(value, name);
        if (value < 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} = {value}: must be >= 0."), name);
    }

    public static void Dip(double dip, string name)
    {
        Finite(dip, name);
        if (dip < 0 || dip > 90)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} = {dip} degrees: the dip must be in [0, 90] (the fault dips to the right of strike)."), name);
    }

    public static void Alpha(double alpha)
    {
        if (!(alpha > 0 && alpha <= 1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"ALPHA = {alpha}: (lambda+mu)/(lambda+2mu) must be in (0, 1]; 2/3 for Poisson's ratio 0.25."), "ALPHA");
    }

    /// <summary>Rounding slack for "top edge at the surface": a few ulps of the depth scale.</summary>
    public static double SurfaceTolerance(double depth, double width) =>
        1e-12 * Math.Max(1.0, Math.Max(Math.Abs(depth), Math.Abs(width)));

    /// <summary>Checks that every coordinate of a batch is finite; names the first offending index.</summary>
    public static void FiniteAll(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}[{i}] = {values[i]}: observation coordinates must be finite."), name);
        }
    }
}
