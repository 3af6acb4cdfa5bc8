using DynamicObj;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace SourceModel.Reports.Figures;

/// <summary>
/// Short hands over Plotly.NET's own objects (<see cref="Trace2D"/>, <see cref="Layout"/>, <see cref="LinearAxis"/>, …)
/// for the attributes its typed constructors reach only through long lists of F# options: every object here is a
/// Plotly.NET object, set through its dynamic-property escape hatch with plotly.js's own attribute names.
/// </summary>
public static class Plot
{
    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> unless the value is null (unset attributes are
    /// left out of the JSON, so plotly.js applies its own default).</summary>
    public static T With<T>(this T target, string key, object? value) where T : DynamicObj.DynamicObj
    {
        if (value is not null) target.SetProperty(key, value);
        return target;
    }

    /// <summary>A 2-D trace of plotly type <paramref name="type"/> (scatter, heatmap, histogram, …).</summary>
    public static Trace2D Trace(string type) => new(type);

    /// <summary>A 3-D trace (mesh3d).</summary>
    public static Trace3D Trace3D(string type) => new(type);

    /// <summary>A plotly object for a nested attribute (marker, line, colour bar, annotation, shape).</summary>
    public static DynamicObj.DynamicObj Object() => new();

    /// <summary>Title text object.</summary>
    public static Title Title(string text) => new Title().With("text", text);

    /// <summary>A linear axis titled with a quantity and its unit, without plotly's zero line (a line across a map at
    /// x = 0 reads as a feature of the data).</summary>
    public static LinearAxis Axis(string quantity, string unit) => Axis($"{quantity} ({unit})");

    /// <summary>A linear axis with a title, without the zero line.</summary>
    public static LinearAxis Axis(string title) => new LinearAxis().With("title", Title(title)).With("zeroline", false);

    /// <summary>A layout with a title and no legend unless asked.</summary>
    public static Layout Layout(string title, bool legend = false) => new Layout().With("title", Title(title)).With("showlegend", legend);

    /// <summary>A colour bar titled with the quantity and unit.</summary>
    public static DynamicObj.DynamicObj ColourBar(string quantity, string unit) => Object().With("title", Title($"{quantity} ({unit})"));

    /// <summary>Values for plotly: JSON has no NaN or infinities, and plotly reads null as a missing value (a gap).</summary>
    public static double?[] Gaps(IEnumerable<double> values) => values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();

    /// <summary>The axis-reference names of subplot <paramref name="k"/> (1-based): ("x", "y") for 1, ("x2", "y2") …</summary>
    public static (string X, string Y) AxisPair(int k) => k == 1 ? ("x", "y") : ($"x{k}", $"y{k}");

    /// <summary>The layout attribute name of an axis reference: "x" → "xaxis", "y3" → "yaxis3".</summary>
    public static string LayoutKey(string axisReference) => axisReference[..1] + "axis" + axisReference[1..];
}
