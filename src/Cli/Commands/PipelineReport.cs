using System.Globalization;
using System.Text.Json;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Problem;
using SourceModel.Reports.Html;
using SourceModel.Reports.Text;

namespace SourceModel.Cli.Commands;

/// <summary>One line of the closing table: a published value, the recovered one and its uncertainty.</summary>
/// <param name="Quantity">Parameter name, or M0 / Mw with the step it comes from.</param>
/// <param name="Unit">Unit of the values.</param>
/// <param name="Published">The published value, when given.</param>
/// <param name="Recovered">The best-fitting value.</param>
/// <param name="StandardDeviation">Standard deviation over the uncertainty run, when one ran.</param>
/// <param name="Low">2.5 % point of the uncertainty run.</param>
/// <param name="High">97.5 % point.</param>
internal sealed record ComparisonRow(string Quantity, string Unit, double? Published, double Recovered, double? StandardDeviation, double? Low, double? High)
{
    /// <summary>Whether the published value lies within the 95 % interval (null when either is missing).</summary>
    public bool? Within => Published is { } p && Low is { } lo && High is { } hi ? p >= lo && p <= hi : null;
}

/// <summary>
/// The pipeline's one report — run facts, the steps with their status, each step's own report as a section, and a
/// closing table of published against recovered values with their uncertainty — and the same table as comparison.csv
/// and on the console. Everything is read from the step folders, so a step skipped as unchanged reports exactly as
/// when it ran.
/// </summary>
internal static class PipelineReport
{
    /// <summary>What the report depends on besides the steps (part of its content hash).</summary>
    public static string Fingerprint(PipelineConfig c) => c.Published is { } p
        ? $"{p.Label}|{p.Mw}|{string.Join(",", p.Parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value:R}"))}"
        : "";

    /// <summary>The closing table, or null when there is nothing to compare (no step 1 and no step 2).</summary>
    public static IReadOnlyList<ComparisonRow>? Comparison(PipelineConfig c, string output)
    {
        var rows = new List<ComparisonRow>();
        var published = c.Published;
        var mu = c.Medium.ShearModulus;
        string geometry = Path.Combine(output, PipelineRun.FolderName(PipelineStep.Geometry));
        if (c.Geometry is not null && File.Exists(Path.Combine(geometry, "summary.json")))
        {
            var stats = c.Uncertainty is null ? null : Statistics(Path.Combine(output, PipelineRun.FolderName(PipelineStep.Uncertainty), "statistics.csv"));
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(geometry, "summary.json")));
            foreach (var p in doc.RootElement.GetProperty("parameters").EnumerateArray())
            {
                string name = p.GetProperty("name").GetString()!;
                bool isFixed = p.GetProperty("fixed").GetBoolean();
                double? pub = published?.Parameters.TryGetValue(name, out var v) == true ? v : null;
                if (isFixed && pub is null) continue;
                var s = stats?.GetValueOrDefault(name);
                rows.Add(new ComparisonRow(name, p.GetProperty("unit").GetString() ?? "", pub, p.GetProperty("value").GetDouble(), s?.Sd, s?.Low, s?.High));
            }
            double mw = doc.RootElement.GetProperty("mw").GetDouble();
            var smw = stats?.GetValueOrDefault("mw");
            double? publishedMw = published?.Mw ?? PublishedMw(c, mu);
            rows.Add(new ComparisonRow("M0 step 1 (uniform slip)", "N·m", publishedMw is { } pm ? MomentOf(pm) : null,
                doc.RootElement.GetProperty("moment_nm").GetDouble(), null, smw is null ? null : MomentOf(smw.Low), smw is null ? null : MomentOf(smw.High)));
            rows.Add(new ComparisonRow("Mw step 1 (uniform slip)", "", publishedMw, mw, smw?.Sd, smw?.Low, smw?.High));
        }
        string slip = Path.Combine(output, PipelineRun.FolderName(PipelineStep.Slip), "summary.json");
        if (c.Steps.Contains(PipelineStep.Slip) && File.Exists(slip))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(slip));
            double? publishedMw = published?.Mw ?? PublishedMw(c, mu);
            rows.Add(new ComparisonRow("M0 step 2 (distributed slip)", "N·m", publishedMw is { } pm ? MomentOf(pm) : null,
                doc.RootElement.GetProperty("moment_nm").GetDouble(), null, null, null));
            rows.Add(new ComparisonRow("Mw step 2 (distributed slip)", "", publishedMw, doc.RootElement.GetProperty("mw").GetDouble(), null, null, null));
        }
        return rows.Count == 0 ? null : rows;
    }

    /// <summary>Mw of the published parameters when they give the first rectangle's length, width and slip.</summary>
    private static double? PublishedMw(PipelineConfig c, double mu)
    {
        if (c.Published is not { } p || c.Geometry is null) return null;
        var names = c.Geometry.Layout.ParameterNames;
        string? source = names.FirstOrDefault(n => n.EndsWith(".length", StringComparison.Ordinal))?.Split('.')[0];
        if (source is null) return null;
        return p.Parameters.TryGetValue($"{source}.length", out var l) && p.Parameters.TryGetValue($"{source}.width", out var w)
               && p.Parameters.TryGetValue($"{source}.slip", out var s)
            ? SourceSet.MomentMagnitude(mu * l * w * s)
            : null;
    }

    private sealed record Stat(double Sd, double Low, double High);

    private static Dictionary<string, Stat>? Statistics(string file)
    {
        if (!File.Exists(file)) return null;
        var t = CsvTable.Load(file, "name, unit, mean, standard_deviation, p2_5, p50, p97_5");
        int sd = t.Column("standard_deviation"), lo = t.Column("p2_5"), hi = t.Column("p97_5");
        return t.Rows.ToDictionary(r => r.Fields[0], r => new Stat(t.Number(r.Line, r.Fields, sd), t.Number(r.Line, r.Fields, lo), t.Number(r.Line, r.Fields, hi)));
    }

    public static void WriteComparison(TextWriter w, IReadOnlyList<ComparisonRow> rows) =>
        CsvTable.Write(w, ["quantity", "unit", "published", "recovered", "standard_deviation", "p2_5", "p97_5", "published_within_95"],
            rows.Select(r => (IEnumerable<string>)[r.Quantity, r.Unit, O(r.Published), NumberFormat.RoundTrip(r.Recovered), O(r.StandardDeviation), O(r.Low), O(r.High),
                r.Within is { } b ? (b ? "true" : "false") : ""]));

    /// <summary>The table on the console (named and rounded for reading; comparison.csv keeps the keys and every digit).</summary>
    public static void Print(TextWriter log, PipelineConfig c, IReadOnlyList<ComparisonRow> rows)
    {
        var t = new TextTable("quantity", "unit", "published", "recovered", "± sd", "95 % interval", "within");
        foreach (var r in Cells(c, rows)) t.Add([.. r]);
        t.Write(log);
    }

    /// <summary>Each row with the quantity in words (step-1 parameters as the source layout describes them) and its
    /// numbers to the precision the spread warrants (two significant figures of the sd), or four significant figures
    /// when there is no spread.</summary>
    private static IEnumerable<IReadOnlyList<string>> Cells(PipelineConfig c, IReadOnlyList<ComparisonRow> rows) => rows.Select(r =>
    {
        string N(double v) => r.StandardDeviation is { } sd && sd > 0 ? Rounding.Like(v, sd) : G(v);
        string name = c.Geometry is { } g && g.Layout.ParameterNames.Contains(r.Quantity) ? g.Layout.Describe(r.Quantity) : r.Quantity;
        return (IReadOnlyList<string>)
        [
            name, r.Unit, r.Published is { } p ? N(p) : "—", N(r.Recovered), r.StandardDeviation is { } s ? N(s) : "—",
            r.Low is { } lo && r.High is { } hi ? $"{N(lo)} … {N(hi)}" : "—", r.Within is { } b ? (b ? "yes" : "NO") : "—",
        ];
    });

    public static void Write(string html, PipelineConfig c, string output, IReadOnlyList<PipelineRun.StepRecord> steps,
        IReadOnlyList<ComparisonRow>? comparison, IReadOnlyList<string> command)
    {
        var report = new Report($"SourceModel run: {Path.GetFileName(c.Path)}")
            .Metadata("command", "sourcemodel " + string.Join(' ', command))
            .Metadata("config", Path.GetFullPath(c.Path))
            .Metadata("resolved config", Path.Combine(output, "config.resolved.yaml"))
            .Metadata("software", $"sourcemodel {PipelineRun.Version()}")
            .Metadata("created (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        if (c.Geometry is { } g)
            report.Metadata("seeds", $"optimiser {g.Search.Seed}" + (c.Uncertainty is null ? "" : $", uncertainty {g.Uncertainty.Seed}"));
        report.Section("Steps").Table(["step", "status", "time (s)", "folder"],
            steps.Select(s => (IReadOnlyList<string>)[s.Step, s.Status, s.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
                PipelineRun.FolderName(Enum.Parse<PipelineStep>(s.Step, ignoreCase: true))]));
        foreach (var s in steps)
        {
            var step = Enum.Parse<PipelineStep>(s.Step, ignoreCase: true);
            string part = Path.Combine(output, PipelineRun.FolderName(step), "report.html");
            if (File.Exists(part)) report.Include(Report.Load(part), $"{s.Step}-");
        }
        if (comparison is not null)
        {
            report.Section(c.Published is { } p ? $"Published ({p.Label}) against recovered" : "Recovered values");
            report.Paragraph("Recovered: the best-fitting model of each step. ± sd and the 95 % interval (2.5–97.5 %) come from the " +
                             (c.Uncertainty == UncertaintyMethod.Mcmc ? "MCMC posterior" : "Monte Carlo re-inversions of the data with noise drawn from their covariance") +
                             "; 'within' says whether the published value lies inside that interval.");
            report.Table(["quantity", "unit", "published", "recovered", "± sd", "95 % interval", "within"], Cells(c, comparison));
        }
        report.Save(html);
    }

    /// <summary>M0 = 10^(1.5·Mw + 9.1) N·m, the inverse of <see cref="SourceSet.MomentMagnitude"/>.</summary>
    private static double MomentOf(double mw) => Math.Pow(10, 1.5 * mw + 9.1);

    private static string O(double? v) => v is { } x ? NumberFormat.RoundTrip(x) : "";

    private static string G(double v) => v.ToString(Math.Abs(v) >= 1e5 ? "0.###e0" : "0.####", CultureInfo.InvariantCulture);
}
