using SourceModel.Inversion.Problem;

namespace SourceModel.Inversion.Results;

/// <summary>How one dataset is fitted by a model.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="Observed">Observations, m.</param>
/// <param name="Model">Prediction, m: sources plus nuisance terms.</param>
/// <param name="SourcePrediction">The sources' part of the prediction, m.</param>
/// <param name="Residual">Observed − model, m.</param>
/// <param name="NuisanceNames">Names (with units) of the fitted nuisance coefficients.</param>
/// <param name="Nuisance">Fitted nuisance coefficients (polynomial about <paramref name="CentreEast"/>, <paramref name="CentreNorth"/>).</param>
/// <param name="CentreEast">Origin of the nuisance polynomial, m east.</param>
/// <param name="CentreNorth">Origin of the nuisance polynomial, m north.</param>
/// <param name="Rms">Root mean square of the residual, m (unwhitened).</param>
/// <param name="WhitenedRms">Root mean square of the whitened, unweighted residual (dimensionless; m when not whitened).</param>
/// <param name="Correlation">Pearson correlation of observed and modelled values.</param>
/// <param name="Weight">Relative weight of the dataset.</param>
public sealed record DatasetFit(string Name, double[] Observed, double[] Model, double[] SourcePrediction, double[] Residual,
    IReadOnlyList<string> NuisanceNames, double[] Nuisance, double CentreEast, double CentreNorth,
    double Rms, double WhitenedRms, double Correlation, double Weight)
{
    /// <summary>Number of observations.</summary>
    public int Count => Observed.Length;
}

/// <summary>A model evaluated in full: the misfit, its sources and moment, and the fit to every dataset.</summary>
/// <param name="Cost">Weighted RMS misfit σ (see <see cref="GeometryProblem"/>).</param>
/// <param name="Parameters">Full parameter vector (names in <see cref="GeometryProblem.Layout"/>).</param>
/// <param name="Sources">The sources.</param>
/// <param name="Moment">Scalar moment M0, N·m.</param>
/// <param name="MomentMagnitude">Mw = (2/3)(log10 M0 − 9.1).</param>
/// <param name="Datasets">Fit per dataset.</param>
public sealed record GeometryFit(double Cost, double[] Parameters, SourceSet Sources, double Moment, double MomentMagnitude,
    IReadOnlyList<DatasetFit> Datasets)
{
    /// <summary>Evaluates a valid full parameter vector in detail; throws when it describes no valid source.</summary>
    public static GeometryFit Of(GeometryProblem problem, ReadOnlySpan<double> full)
    {
        var sources = problem.Layout.Realise(full, out double violation)
            ?? throw new ArgumentException(FormattableString.Invariant(
                $"the parameters describe no valid source (violation {violation:G4}): with these bounds the fault cannot lie below the surface; check depth, width and dip."));
        var fits = new List<DatasetFit>();
        double sum = 0;
        foreach (var t in problem.Terms)
        {
            int n = t.Count;
            var source = new double[n];
            problem.AddPrediction(sources, t, source);
            var whitened = (double[])source.Clone();
            t.Whiten(whitened);
            for (int i = 0; i < n; i++) whitened[i] = t.WhitenedObserved[i] - whitened[i];
            var (coefficients, nuisance) = t.NuisanceFit(whitened);
            double ss = t.ProjectedSumOfSquares(whitened);
            sum += t.Weight * t.Weight * ss;
            var model = new double[n];
            var residual = new double[n];
            for (int i = 0; i < n; i++)
            {
                model[i] = source[i] + nuisance[i];
                residual[i] = t.Observed[i] - model[i];
            }
            fits.Add(new DatasetFit(t.Name, (double[])t.Observed.Clone(), model, source, residual,
                NuisanceColumns.Names(t.Nuisance), coefficients, t.CentreEast, t.CentreNorth,
                Math.Sqrt(residual.Sum(r => r * r) / n), Math.Sqrt(ss / n), Statistics.Correlation(t.Observed, model), t.Weight));
        }
        double m0 = sources.Moment(problem.Medium);
        return new GeometryFit(Math.Sqrt(sum / problem.DataCount), full.ToArray(), sources, m0, SourceSet.MomentMagnitude(m0), fits);
    }
}

/// <summary>Small statistics used by the reports.</summary>
public static class Statistics
{
    /// <summary>Pearson correlation; NaN when either series is constant.</summary>
    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n; mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++)
        {
            double x = a[i] - ma, y = b[i] - mb;
            sab += x * y; saa += x * x; sbb += y * y;
        }
        // Clamped: rounding can put a perfect fit a few ulps above 1.
        return saa > 0 && sbb > 0 ? Math.Clamp(sab / Math.Sqrt(saa * sbb), -1, 1) : double.NaN;
    }
}
