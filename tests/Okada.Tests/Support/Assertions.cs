namespace SourceModel.Okada.Tests.Support;

public static class Assertions
{
    /// <summary>True when each pair agrees within rel·scale (scale per group: displacement, then derivatives).</summary>
    public static bool Agree(DisplacementGradient expected, DisplacementGradient actual, double rel,
        (double Displacement, double Gradient) floor, bool gradients = true)
    {
        if (expected.Status != actual.Status) return false;
        var e = expected.ToArray();
        var a = actual.ToArray();
        double ds = Math.Max(floor.Displacement, Tolerance.Scale(e[..3]));
        double gs = Math.Max(floor.Gradient, Tolerance.Scale(e[3..]));
        for (int j = 0; j < (gradients ? 12 : 3); j++)
        {
            double scale = j < 3 ? ds : gs;
            if (!(Math.Abs(e[j] - a[j]) <= rel * scale)) return false;
        }
        return true;
    }
}
