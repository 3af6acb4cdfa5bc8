using MathNet.Numerics.Distributions;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;

namespace SourceModel.Inversion.Results;

/// <summary>
/// One distinct minimum of a search compared with the best. With whitened residuals χ² = N·σ² (σ the misfit), so
/// Δχ² = N(σ_k² − σ_1²); the ratio F = σ_k²/σ_1² of two fits with the same number of parameters follows an F
/// distribution with (N − p, N − p) degrees of freedom when both explain the data equally well, and a p-value above
/// the significance level means the data cannot decide between them.
/// </summary>
/// <param name="Rank">1 = best.</param>
/// <param name="Cost">Misfit σ.</param>
/// <param name="DeltaChiSquare">N(σ_k² − σ_1²) (0 for the best).</param>
/// <param name="FRatio">σ_k²/σ_1².</param>
/// <param name="PValue">Probability of an F ratio at least this large if the two minima fitted equally well.</param>
/// <param name="Indistinguishable">True (for rank > 1) when <paramref name="PValue"/> exceeds the significance level.</param>
/// <param name="MomentMagnitude">Mw of the minimum.</param>
/// <param name="Parameters">Full parameter vector.</param>
public sealed record CompetingMinimum(int Rank, double Cost, double DeltaChiSquare, double FRatio, double PValue, bool Indistinguishable,
    double MomentMagnitude, double[] Parameters);

/// <summary>A free parameter of the best model that ended at (within 2 % of the range of) one of its bounds.</summary>
/// <param name="Parameter">Full name.</param>
/// <param name="Side"><c>lower</c> or <c>upper</c>.</param>
/// <param name="Value">The value found.</param>
/// <param name="Bound">The bound it sits at.</param>
public sealed record BoundHit(string Parameter, string Side, double Value, double Bound)
{
    /// <summary>One line for logs and reports.</summary>
    public string Describe() => FormattableString.Invariant(
        $"{Parameter} = {Value:G6} is at its {Side} bound {Bound:G6}: the bounds may exclude the answer; widen them or say why they hold.");
}

/// <summary>What a user must be told about a step-1 result beyond the best model: the competing minima and the
/// parameters stopped by a bound.</summary>
public static class SearchDiagnostics
{
    /// <summary>Significance level of the F-test between minima.</summary>
    public const double SignificanceLevel = 0.05;

    /// <summary>The result's distinct minima with Δχ², F ratio and p-value relative to the best.</summary>
    /// <param name="result">A search result.</param>
    /// <param name="problem">Its problem (for N and the number of parameters).</param>
    public static IReadOnlyList<CompetingMinimum> Minima(GeometryResult result, GeometryProblem problem)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(problem);
        int n = problem.DataCount;
        int p = problem.Space.FreeCount + problem.Terms.Sum(t => NuisanceColumns.Names(t.Nuisance).Count);
        double dof = Math.Max(1, n - p);
        double best = result.Peaks.Count > 0 ? result.Peaks.Min(q => q.Cost) : result.Best.Cost;
        return result.Peaks.OrderBy(q => q.Cost).Select((q, i) =>
        {
            double f = best > 0 ? q.Cost * q.Cost / (best * best) : 1;
            double pValue = i == 0 ? 1 : 1 - FisherSnedecor.CDF(dof, dof, f);
            return new CompetingMinimum(i + 1, q.Cost, n * (q.Cost * q.Cost - best * best), f, pValue,
                i > 0 && pValue > SignificanceLevel, q.MomentMagnitude, q.Parameters);
        }).ToList();
    }

    /// <summary>Free parameters of <paramref name="full"/> within 2 % of the range of a bound. Angles whose bounds span
    /// a whole turn (strike 0–360, rake −180–180) wrap and are never "at" a bound, and physical limits (a top depth of 0,
    /// a dip of 0 or 90) are answers, not bounds to widen.</summary>
    public static IReadOnlyList<BoundHit> AtBounds(ParameterSpace space, ReadOnlySpan<double> full)
    {
        ArgumentNullException.ThrowIfNull(space);
        var hits = new List<BoundHit>();
        foreach (int i in space.FreeIndices)
        {
            var s = space.Specs[i];
            string p = s.Name[(s.Name.IndexOf('.') + 1)..];
            if (p is "strike" or "rake" && s.Range >= 360 - 1e-9) continue;
            double tolerance = 0.02 * s.Range;
            // A physical limit is an answer, not a wrong bound: a top edge at the surface, a horizontal or vertical fault.
            bool physicalMin = (p == "depth" && s.Min == 0) || (p == "dip" && s.Min == 0);
            bool physicalMax = p == "dip" && s.Max == 90;
            if (full[i] - s.Min <= tolerance && !physicalMin) hits.Add(new BoundHit(s.Name, "lower", full[i], s.Min));
            else if (s.Max - full[i] <= tolerance && !physicalMax) hits.Add(new BoundHit(s.Name, "upper", full[i], s.Max));
        }
        return hits;
    }
}
