namespace SourceModel.Inversion.Parameters;

/// <summary>
/// One model parameter: free within [<see cref="Min"/>, <see cref="Max"/>], or held at <see cref="Fixed"/>. Units are
/// those of the parameter (metres, degrees, metres of slip; see <see cref="Problem.SourceTemplate"/>).
/// </summary>
/// <param name="Name">Full name, e.g. <c>fault.dip</c>.</param>
/// <param name="Min">Lower bound (for a fixed parameter without bounds: the fixed value).</param>
/// <param name="Max">Upper bound.</param>
/// <param name="Fixed">The value when the parameter is not searched.</param>
public sealed record ParameterSpec(string Name, double Min, double Max, double? Fixed = null)
{
    /// <summary>A parameter searched within [min, max].</summary>
    public static ParameterSpec Free(string name, double min, double max) => new(name, min, max);

    /// <summary>A parameter held at <paramref name="value"/>.</summary>
    public static ParameterSpec FixedAt(string name, double value) => new(name, value, value, value);

    /// <summary>True when the parameter is searched.</summary>
    public bool IsFree => Fixed is null;

    /// <summary>Width of the search range, Max − Min.</summary>
    public double Range => Max - Min;

    /// <summary>Checks the bounds; the message names the parameter and says what to change.</summary>
    public ParameterSpec Validated()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if (!double.IsFinite(Min) || !double.IsFinite(Max))
            throw new ArgumentException($"parameter '{Name}': bounds must be finite numbers, got [{Min}, {Max}].");
        if (Min > Max)
            throw new ArgumentException($"parameter '{Name}': min {Min} is greater than max {Max}.");
        if (Fixed is { } f)
        {
            if (!double.IsFinite(f)) throw new ArgumentException($"parameter '{Name}': fixed value must be finite, got {f}.");
            if (f < Min || f > Max)
                throw new ArgumentException($"parameter '{Name}': fixed value {f} lies outside its bounds [{Min}, {Max}].");
        }
        else if (Min == Max)
            throw new ArgumentException($"parameter '{Name}': min equals max ({Min}); give it as a fixed value instead.");
        return this;
    }
}
