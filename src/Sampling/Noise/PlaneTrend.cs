namespace SourceModel.Sampling.Noise;

/// <summary>The least-squares plane v ≈ a + b·east + c·north, removed before a variogram so orbital ramps and long-
/// wavelength signal do not masquerade as correlated noise.</summary>
public static class PlaneTrend
{
    /// <summary>Values minus their best-fitting plane (a new array) and the plane coefficients (m, m/m, m/m).</summary>
    public static (double[] Residual, double Offset, double EastSlope, double NorthSlope) Remove(
        ReadOnlySpan<double> east, ReadOnlySpan<double> north, ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (east.Length != n || north.Length != n) throw new ArgumentException("east, north and values must have the same length.");
        if (n < 3) throw new ArgumentException($"a plane needs at least 3 points, got {n}.");
        double me = 0, mn = 0, mv = 0;
        for (int i = 0; i < n; i++) { me += east[i]; mn += north[i]; mv += values[i]; }
        me /= n; mn /= n; mv /= n;
        double see = 0, snn = 0, sen = 0, sev = 0, snv = 0;
        for (int i = 0; i < n; i++)
        {
            double e = east[i] - me, no = north[i] - mn, v = values[i] - mv;
            see += e * e; snn += no * no; sen += e * no; sev += e * v; snv += no * v;
        }
        double det = see * snn - sen * sen;
        if (!(Math.Abs(det) > 1e-12 * Math.Max(1, see * snn))) throw new ArgumentException("the points lie on a line; a plane cannot be fitted.");
        double b = (sev * snn - snv * sen) / det, c = (snv * see - sev * sen) / det;
        double a = mv - b * me - c * mn;
        var r = new double[n];
        for (int i = 0; i < n; i++) r[i] = values[i] - (a + b * east[i] + c * north[i]);
        return (r, a, b, c);
    }
}
