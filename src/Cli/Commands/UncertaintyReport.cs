using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Inversion.Uncertainty;
using SourceModel.Okada.Discretisation;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;
using SourceModel.Reports.Text;

namespace SourceModel.Cli.Commands;

/// <summary>The uncertainty report: the table of spreads, a grid of histograms and the corner plot of trade-offs (best
/// model and any published value marked) and, for MCMC, the trace of every chain and the chain diagnostics.</summary>
internal static class UncertaintyReport
{
    /// <summary>Points drawn per scatter panel or trace: enough to see a trade-off, small enough for a light page.</summary>
    private const int MaxPlotted = 2000;

    public static void MonteCarlo(string html, UncertaintyProblem p, UncertaintyState state, IReadOnlyList<MonteCarloRow> rows,
        IReadOnlyList<QuantityStatistics> stats, IReadOnlyList<string> command, (DiscretisedFault Fault, List<QuantityStatistics> Patches)? slip)
    {
        var report = Start("Uncertainty: Monte Carlo re-inversion", p, command)
            .Metadata("method", $"{rows.Count} realisations of the data perturbed with noise from each dataset's covariance (or sigmas), " +
                                $"each re-inverted with {UncertaintyRun.RealisationSearchName(p.Config)}; run seed {state.Seed}")
            .Metadata("misfit", $"mean {F(rows.Average(r => r.Misfit))}, range {F(rows.Min(r => r.Misfit))} – {F(rows.Max(r => r.Misfit))}");
        Body(report, p, stats, withChains: false);
        report.Section("Misfit of the realisations")
            .Add(StandardFigures.Histogram("misfit", "misfit of each realisation's best model", rows.Select(r => r.Misfit).ToArray(), "misfit", "σ"));
        if (slip is { } s)
        {
            var corners = s.Fault.Patches.Select(q => q.Geometry.Corners().Select(k => (k.East / 1000, k.North / 1000, -k.Depth / 1000)).ToArray()).ToArray();
            report.Section("Slip (step 2 on the fixed fault, every realisation)")
                .Paragraph($"each realisation's data inverted for slip on {Path.GetFileName(p.Config.Uncertainty.MonteCarlo.Slip!.Path)}'s fault " +
                           $"({s.Fault.Patches.Count} patches) at its smoothing weight {F(p.Config.Uncertainty.MonteCarlo.Slip.Weight.Fixed!.Value)}: the spread is the data-noise uncertainty of slip on that fault.")
                .Add(StandardFigures.SlipPatches3D("slip-mean", "mean slip over the realisations", corners, s.Patches.Select(q => q.Mean).ToArray()))
                .Add(StandardFigures.SlipPatches3D("slip-sd", "standard deviation of slip", corners, s.Patches.Select(q => q.StandardDeviation).ToArray()));
        }
        Save(report, html);
    }

    public static void Mcmc(string html, UncertaintyProblem p, McmcResult result, double[][][] physical, double[][] mw,
        IReadOnlyList<QuantityStatistics> stats, IReadOnlyList<string> command)
    {
        var m = p.Config.Uncertainty.Mcmc;
        var report = Start("Uncertainty: MCMC posterior", p, command)
            .Metadata("sampler", $"{(m.Sampler.DelayedRejection ? "DRAM (adaptive Metropolis with delayed rejection)" : "adaptive Metropolis")}, " +
                                 $"{result.Draws.Length} chain(s) × {m.Sampler.Iterations:N0} iterations, burn-in {m.Sampler.BurnIn:N0} (adaptation only there), thinning {m.Sampler.Thin}; " +
                                 $"{result.Evaluations:N0} likelihood evaluations; chains start at {(m.StartAtOptimum ? "the step-1 optimum" : "random points of the bounds")}")
            .Metadata("priors", "uniform within each parameter's bounds" + (m.NoiseScale is { } s ? $"; per-dataset noise scale log-uniform in [{F(s.Min)}, {F(s.Max)}]" : ""))
            .Metadata("diagnostics", $"largest split R̂ {stats.Max(q => q.RHat ?? 0):0.000} (< 1.01 is converged), smallest effective sample size {stats.Min(q => q.EffectiveSize ?? 0):0}");
        Body(report, p, stats, withChains: true);
        report.Section("Chains")
            .Table(["chain", "acceptance rate", "first-stage acceptance", "draws kept", "mean log posterior"], Enumerable.Range(0, result.Draws.Length).Select(k => (IReadOnlyList<string>)
                [k.ToString(CultureInfo.InvariantCulture), result.AcceptanceRates[k].ToString("0.000", CultureInfo.InvariantCulture),
                 result.FirstStageAcceptanceRates[k].ToString("0.000", CultureInfo.InvariantCulture),
                 result.Draws[k].Length.ToString(CultureInfo.InvariantCulture), F(result.LogDensities[k].Average())]));
        var posterior = p.Posterior();
        var map = GeometryFit.Of(posterior.Problem, posterior.ToPhysical(result.MaximumAPosteriori()));
        report.Section($"Maximum a posteriori model (the kept draw of highest density): Mw {map.MomentMagnitude.ToString("0.000", CultureInfo.InvariantCulture)}, misfit {F(map.Cost)}")
            .Table(["parameter", "value", "unit"], posterior.Problem.Space.Specs.Select((s, i) => (IReadOnlyList<string>)
                [Describe(p, s.Name), Rounding.ByUnit(map.Parameters[i], UncertaintyOutput.Unit(s.Name), SourceTemplate.IsSlipAmount(s.Name)), UncertaintyOutput.Unit(s.Name) + (s.IsFree ? "" : " (fixed)")]));
        var outlines = GeometryReport.Outlines(map.Sources);
        for (int k = 0; k < p.Data.Count; k++) DatasetFitOutput.AddSection(report, k, p.Data[k], map.Datasets[k], outlines);
        report.Section("Traces")
            .Paragraph("Traces after the burn-in, one line per chain: well-mixed chains overlap and show no trend.");
        for (int j = 0; j < stats.Count; j++)
        {
            var q = stats[j];
            var chains = Enumerable.Range(0, physical.Length).Select(k =>
            {
                var (x, y) = Thin(q.Name == "mw" ? mw[k] : physical[k].Select(x => x[j]).ToArray());
                return ($"chain {k}", (IReadOnlyList<double>)x, (IReadOnlyList<double>)y);
            }).ToArray();
            report.Add(StandardFigures.Lines($"trace-{j}", $"trace of {Describe(p, q.Name)}", ("draw after burn-in", "count"), (Describe(p, q.Name), UnitOrDash(q.Unit)), chains));
        }
        Save(report, html);
    }

    private static Report Start(string title, UncertaintyProblem p, IReadOnlyList<string> command) => new Report(title)
        .Metadata("command", "sourcemodel " + string.Join(' ', command))
        .Metadata("config", Path.GetFullPath(p.Config.Path))
        .Metadata("created (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
        .Metadata("data", string.Join("; ", p.Data.Select(d => $"{d.Name}: {d.Count} points")));

    /// <summary>The table (values rounded to the precision their spread warrants), the histogram grid and the corner
    /// plot, with the best model (step 1's optimum for Monte Carlo, the MAP draw for MCMC) marked.</summary>
    private static void Body(Report report, UncertaintyProblem p, IReadOnlyList<QuantityStatistics> stats, bool withChains)
    {
        report.Section("Spread of each quantity")
            .Table(withChains
                    ? ["quantity", "unit", "mean ± std. dev.", "2.5 %", "50 %", "97.5 %", "MAP", "split R̂", "ESS"]
                    : ["quantity", "unit", "mean ± std. dev.", "2.5 %", "50 %", "97.5 %", "best fit"],
                stats.Select(q =>
                {
                    string L(double v) => Rounding.Like(v, q.StandardDeviation);
                    return (IReadOnlyList<string>)(withChains
                        ? [Describe(p, q.Name), UnitOrDash(q.Unit), Rounding.WithUncertainty(q.Mean, q.StandardDeviation), L(q.P2_5), L(q.P50), L(q.P97_5), L(q.Map!.Value),
                           q.RHat!.Value.ToString("0.000", CultureInfo.InvariantCulture), q.EffectiveSize!.Value.ToString("0", CultureInfo.InvariantCulture)]
                        : [Describe(p, q.Name), UnitOrDash(q.Unit), Rounding.WithUncertainty(q.Mean, q.StandardDeviation), L(q.P2_5), L(q.P50), L(q.P97_5),
                           q.Best is { } b ? L(b) : ""]);
                }));
        var marked = stats.Select(q => new SampledParameter(Describe(p, q.Name), UnitOrDash(q.Unit), q.Samples)
        {
            Best = q.Map ?? q.Best,
            Published = p.Published is { } published && published.TryGetValue(q.Name, out double v) ? v : null,
        }).ToList();
        report.Section("Histograms")
            .Paragraph("Each panel: the samples of one quantity; the red line is the best model" +
                       (p.Published is { Count: > 0 } ? ", the dashed line the published value." : "."))
            .Add(StandardFigures.HistogramGrid("histograms", "marginal distributions", marked));
        var varying = marked.Where((_, j) => stats[j].StandardDeviation > 0).ToList();
        if (varying.Count >= 2)
            report.Section("Trade-offs (corner plot)")
                .Paragraph($"{varying[0].Samples.Count:N0} samples; the scatter panels draw at most {MaxPlotted:N0} of them, evenly spaced, the histograms all.")
                .Add(StandardFigures.Corner("corner", "pairwise trade-offs", varying, MaxPlotted));
    }

    /// <summary>A quantity in words: the source parameters as <see cref="Inversion.Problem.SourceLayout.Describe"/> names
    /// them, Mw and the step-2 Mw spelled out.</summary>
    internal static string Describe(UncertaintyProblem p, string name) => name switch
    {
        "mw" => "Mw",
        "slip.mw" => "Mw of the slip model",
        _ => p.Observed.Layout.Describe(name),
    };

    private static string UnitOrDash(string unit) => unit.Length == 0 ? "–" : unit;

    private static (double[] X, double[] Y) Thin(double[] values)
    {
        int every = Math.Max(1, (values.Length + MaxPlotted - 1) / MaxPlotted);
        var idx = Enumerable.Range(0, values.Length).Where(i => i % every == 0).ToArray();
        return (idx.Select(i => (double)i).ToArray(), idx.Select(i => values[i]).ToArray());
    }

    private static void Save(Report report, string html)
    {
        report.Save(html);
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
