using System.Globalization;

namespace SourceModel.Reports.Figures;

/// <summary>
/// The colour scales of every figure, given explicitly (not by plotly name) because the quadtree maps fill each leaf's
/// polygon with a colour computed here, which must match the colour bar exactly.
/// </summary>
public static class ColourScales
{
    /// <summary>Diverging scale for signed quantities (LOS, ΔCFS): ColorBrewer RdBu, blue for negative, white at zero,
    /// red for positive, so small values fade into the background.</summary>
    public static IReadOnlyList<(double At, string Rgb)> Diverging { get; } =
    [
        (0.0, "#053061"), (0.1, "#2166ac"), (0.2, "#4393c3"), (0.3, "#92c5de"), (0.4, "#d1e5f0"), (0.5, "#f7f7f7"),
        (0.6, "#fddbc7"), (0.7, "#f4a582"), (0.8, "#d6604d"), (0.9, "#b2182b"), (1.0, "#67001f"),
    ];

    /// <summary>plotly's name of the sequential scale for magnitudes (slip, misfit).</summary>
    public const string Sequential = "Viridis";

    /// <summary>The diverging scale as a plotly colorscale attribute.</summary>
    public static object[][] DivergingAttribute { get; } = Diverging.Select(s => new object[] { s.At, s.Rgb }).ToArray();

    /// <summary>The colour at position <paramref name="t"/> ∈ [0, 1] of the diverging scale (linear in RGB between its
    /// stops, as plotly interpolates), as "rgb(r,g,b)".</summary>
    public static string DivergingAt(double t)
    {
        t = Math.Clamp(double.IsFinite(t) ? t : 0.5, 0, 1);
        int k = Math.Min((int)(t * (Diverging.Count - 1)), Diverging.Count - 2);
        var (a, ca) = Diverging[k];
        var (b, cb) = Diverging[k + 1];
        double f = (t - a) / (b - a);
        int Channel(string hex, int at) => int.Parse(hex.AsSpan(1 + 2 * at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        int Mix(int at) => (int)Math.Round(Channel(ca, at) + f * (Channel(cb, at) - Channel(ca, at)));
        return $"rgb({Mix(0)},{Mix(1)},{Mix(2)})";
    }

    /// <summary>Largest |value| (ignoring NaN), for a symmetric colour range; 1 when all are zero.</summary>
    public static double SymmetricLimit(IEnumerable<double> values)
    {
        double m = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return m > 0 ? m : 1;
    }

    /// <summary>A robust symmetric limit: the <paramref name="percentile"/> of |value| over the finite values (for ΔCFS,
    /// those away from the source, where the near-field singularity would otherwise wash out every lobe); falls back to
    /// <see cref="SymmetricLimit"/> when nothing is left.</summary>
    public static double RobustLimit(IEnumerable<double> values, double percentile = 98)
    {
        var a = values.Where(double.IsFinite).Select(Math.Abs).Order().ToArray();
        if (a.Length == 0) return 1;
        double rank = percentile / 100 * (a.Length - 1);
        int lo = (int)Math.Floor(rank), hi = Math.Min(lo + 1, a.Length - 1);
        double q = a[lo] + (rank - lo) * (a[hi] - a[lo]);
        return q > 0 ? q : SymmetricLimit(a);
    }
}
