using MathNet.Numerics.LinearAlgebra;
using SourceModel.Sampling;

namespace SourceModel.Inversion.Interseismic;

/// <summary>A GNSS velocity in the local frame.</summary>
/// <param name="Site">Station code.</param>
/// <param name="East">Easting, m.</param>
/// <param name="North">Northing, m.</param>
/// <param name="VelocityEast">East velocity, m/yr.</param>
/// <param name="VelocityNorth">North velocity, m/yr.</param>
/// <param name="VelocityUp">Up velocity, m/yr.</param>
/// <param name="SigmaEast">Standard deviation of the east velocity, m/yr (> 0).</param>
/// <param name="SigmaNorth">Of the north velocity, m/yr.</param>
/// <param name="SigmaUp">Of the up velocity, m/yr.</param>
public sealed record GnssVelocity(string Site, double East, double North, double VelocityEast, double VelocityNorth, double VelocityUp,
    double SigmaEast, double SigmaNorth, double SigmaUp);

/// <summary>The reference-frame correction of a LOS velocity map: InSAR − GNSS-in-LOS = a + b·(e − e₀) + c·(n − n₀).</summary>
/// <param name="Offset">a, m/yr.</param>
/// <param name="EastGradient">b, m/yr per m (0 without a ramp).</param>
/// <param name="NorthGradient">c, m/yr per m.</param>
/// <param name="Covariance">Covariance of (a, b, c) from the weighted fit.</param>
/// <param name="CentreEast">e₀: mean easting of the sites used, m.</param>
/// <param name="CentreNorth">n₀, m.</param>
/// <param name="Sites">Sites used (with InSAR points within the radius).</param>
/// <param name="Residuals">InSAR − GNSS-in-LOS − correction at each site used, m/yr.</param>
public sealed record ReferenceFrameFit(double Offset, double EastGradient, double NorthGradient, double[,] Covariance, double CentreEast,
    double CentreNorth, IReadOnlyList<string> Sites, double[] Residuals)
{
    /// <summary>The correction at a point, m/yr.</summary>
    public double At(double east, double north) => Offset + EastGradient * (east - CentreEast) + NorthGradient * (north - CentreNorth);
}

/// <summary>
/// Ties an InSAR LOS velocity map to a GNSS reference frame: each site's velocity is projected on the LOS of the
/// InSAR points around it (mean unit vector within a radius), compared with their mean LOS velocity, and an offset
/// (and, optionally, a planar ramp) is fitted to the differences by weighted least squares, with variances
/// (ê σ_GNSS)² + σ²_InSAR mean.
/// </summary>
public static class GnssReference
{
    /// <summary>Fits the offset (and ramp) from the sites with InSAR points within <paramref name="radius"/> (m).</summary>
    public static ReferenceFrameFit Fit(GeodeticDataset insar, IReadOnlyList<GnssVelocity> gnss, double radius, bool ramp = true)
    {
        ArgumentNullException.ThrowIfNull(insar);
        ArgumentNullException.ThrowIfNull(gnss);
        if (!(radius > 0)) throw new ArgumentException($"the search radius must be positive, got {radius} m.");
        if (insar.Sigma.Length == 0) throw new ArgumentException($"dataset '{insar.Name}' has no sigmas to weight the tie with.");
        var rows = new List<(string Site, double E, double N, double D, double Variance)>();
        foreach (var g in gnss)
        {
            if (!(g.SigmaEast > 0 && g.SigmaNorth > 0 && g.SigmaUp > 0)) throw new ArgumentException($"GNSS site {g.Site}: sigmas must be positive.");
            double ue = 0, un = 0, uu = 0, value = 0, variance = 0;
            int n = 0;
            for (int i = 0; i < insar.Count; i++)
            {
                double de = insar.East[i] - g.East, dn = insar.North[i] - g.North;
                if (de * de + dn * dn > radius * radius) continue;
                ue += insar.UnitEast[i]; un += insar.UnitNorth[i]; uu += insar.UnitUp[i];
                value += insar.Value[i]; variance += insar.Sigma[i] * insar.Sigma[i];
                n++;
            }
            if (n == 0) continue;
            (ue, un, uu, value, variance) = (ue / n, un / n, uu / n, value / n, variance / ((double)n * n));
            double los = ue * g.VelocityEast + un * g.VelocityNorth + uu * g.VelocityUp;
            double sigma2 = Math.Pow(ue * g.SigmaEast, 2) + Math.Pow(un * g.SigmaNorth, 2) + Math.Pow(uu * g.SigmaUp, 2) + variance;
            rows.Add((g.Site, g.East, g.North, value - los, sigma2));
        }
        int p = ramp ? 3 : 1;
        if (rows.Count < p)
            throw new ArgumentException($"{rows.Count} GNSS site(s) have InSAR points within {radius} m; an offset{(ramp ? " and ramp" : "")} needs at least {p}.");
        double e0 = rows.Average(r => r.E), n0 = rows.Average(r => r.N);
        var a = Matrix<double>.Build.Dense(rows.Count, p, (i, j) => (j switch { 0 => 1.0, 1 => rows[i].E - e0, _ => rows[i].N - n0 }) / Math.Sqrt(rows[i].Variance));
        var b = Vector<double>.Build.Dense(rows.Count, i => rows[i].D / Math.Sqrt(rows[i].Variance));
        var normal = a.TransposeThisAndMultiply(a);
        var coefficients = normal.Solve(a.TransposeThisAndMultiply(b));
        var covariance = normal.Inverse();
        var full = new double[3, 3];
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) full[i, j] = covariance[i, j];
        var fit = new ReferenceFrameFit(coefficients[0], ramp ? coefficients[1] : 0, ramp ? coefficients[2] : 0, full, e0, n0, rows.Select(r => r.Site).ToArray(), []);
        return fit with { Residuals = rows.Select(r => r.D - fit.At(r.E, r.N)).ToArray() };
    }

    /// <summary>Site velocities from an imported GNSS dataset (one row per component, labelled SITE.E/.N/.U, each with
    /// its unit vector; the three vectors of a site are summed back into a velocity, so grid-north rotations of the
    /// import are undone). Every site needs all three components and sigmas.</summary>
    public static IReadOnlyList<GnssVelocity> Sites(GeodeticDataset gnss)
    {
        ArgumentNullException.ThrowIfNull(gnss);
        if (gnss.Labels.Count != gnss.Count || gnss.Sigma.Length != gnss.Count)
            throw new ArgumentException($"dataset '{gnss.Name}' is not a GNSS dataset with labelled components and sigmas (declare it with gnss_e/gnss_n/gnss_u and sigma_e/sigma_n/sigma_u columns).");
        var sites = new List<GnssVelocity>();
        foreach (var group in Enumerable.Range(0, gnss.Count).GroupBy(i => gnss.Labels[i][..Math.Max(0, gnss.Labels[i].LastIndexOf('.'))]))
        {
            var rows = group.ToArray();
            if (rows.Length != 3)
                throw new ArgumentException($"GNSS site {group.Key} in '{gnss.Name}' has {rows.Length} component(s); projecting on the LOS needs east, north and up.");
            double ve = 0, vn = 0, vu = 0;
            var sigma = new double[3];
            foreach (int i in rows)
            {
                ve += gnss.Value[i] * gnss.UnitEast[i];
                vn += gnss.Value[i] * gnss.UnitNorth[i];
                vu += gnss.Value[i] * gnss.UnitUp[i];
                // The sigma goes with the axis its unit vector is closest to.
                int axis = Math.Abs(gnss.UnitUp[i]) > 0.5 ? 2 : Math.Abs(gnss.UnitEast[i]) > Math.Abs(gnss.UnitNorth[i]) ? 0 : 1;
                sigma[axis] = gnss.Sigma[i];
            }
            if (sigma.Any(x => !(x > 0))) throw new ArgumentException($"GNSS site {group.Key} in '{gnss.Name}' needs one east, one north and one up component with positive sigmas.");
            sites.Add(new GnssVelocity(group.Key, gnss.East[rows[0]], gnss.North[rows[0]], ve, vn, vu, sigma[0], sigma[1], sigma[2]));
        }
        return sites;
    }

    /// <summary>The map with the correction removed.</summary>
    public static GeodeticDataset Apply(GeodeticDataset insar, ReferenceFrameFit fit)
    {
        ArgumentNullException.ThrowIfNull(insar);
        ArgumentNullException.ThrowIfNull(fit);
        var v = new double[insar.Count];
        for (int i = 0; i < v.Length; i++) v[i] = insar.Value[i] - fit.At(insar.East[i], insar.North[i]);
        return insar.WithValues(v);
    }
}
