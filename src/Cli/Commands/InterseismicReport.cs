using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Interseismic;
using Trace2D = Plotly.NET.Trace2D;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>The interseismic report: the velocity map with the trace and the profile swaths, then per profile the data
/// (points and bins) with the MAP model and the 95 % credible band, the χ² map of the grid scan, and the posteriors.</summary>
internal static class InterseismicReport
{
    public static void Write(string html, InterseismicConfig c, GeodeticDataset velocities, IReadOnlyList<ProfileOutcome> outcomes, ReferenceFrameFit? tie,
        IReadOnlyList<string> command)
    {
        var report = new Report("Interseismic profiles: screw-dislocation fits")
            .Metadata("command", "sourcemodel " + string.Join(' ', command))
            .Metadata("config", Path.GetFullPath(c.Path))
            .Metadata("created (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
            .Metadata("model", $"v(x) = Σ (s/π)·atan((x − p − shift)/D) (+ creep) along strike, projected on each point's LOS, + offset + trend·x; faults: {string.Join(", ", c.Model.Faults.Select(f => $"{f.Name} at {F(f.Position)} m"))}")
            .Metadata("sampler", $"{c.Chains} chain(s) × {c.Sampler.Iterations:N0} (burn-in {c.Sampler.BurnIn:N0}, thinning {c.Sampler.Thin}), uniform priors within the bounds");
        if (tie is not null)
            report.Metadata("reference frame", string.Create(CultureInfo.InvariantCulture,
                $"tied to {tie.Sites.Count} GNSS site(s) projected on the LOS: offset {tie.Offset * 1000:0.00} ± {Math.Sqrt(tie.Covariance[0, 0]) * 1000:0.00} mm/yr, ramp {tie.EastGradient * 1e6:0.000} / {tie.NorthGradient * 1e6:0.000} mm/yr per km east/north removed"));
        var lines = new List<Polyline> { new("trace", c.Trace.East.Select(v => v / 1000).ToArray(), c.Trace.North.Select(v => v / 1000).ToArray(), "black") };
        foreach (var o in outcomes) lines.Add(Swath(o.Profile.Swath));
        report.Section("Velocity map, trace and profiles")
            .Add(StandardFigures.PointMap("map", $"{velocities.Name}: LOS velocity", Km(velocities.East), Km(velocities.North),
                velocities.Value.ToArray().Select(v => v * 1000).ToArray(), "LOS velocity", "mm/yr", outlines: lines));
        foreach (var o in outcomes)
        {
            var p = o.Profile;
            string n = p.Swath.Name;
            var bins = p.Bins(c.BinWidth);
            var model = new double[p.Count];
            o.Problem.Model.Predict(o.Map, p, model);
            report.Section($"Profile {n}: {p.Count} points, strike {F(p.Swath.Strike)}°")
                .Table(["parameter", "unit", "2.5 %", "median", "97.5 %", "MAP", "split R̂"], o.Stats.Select(q => (IReadOnlyList<string>)
                    [q.Name, q.Unit, F(q.P2_5), F(q.P50), F(q.P97_5), F(q.Map!.Value), q.RHat!.Value.ToString("0.000", CultureInfo.InvariantCulture)]))
                .Add(ProfileFigure(n, p, bins, o, c.BinWidth));
            var chi = Enumerable.Range(0, o.Grid.LockingDepths.Length).Select(j => (IReadOnlyList<double>)Enumerable.Range(0, o.Grid.SlipRates.Length)
                .Select(i => Math.Min(o.Grid.ChiSquares[i, j] - o.Grid.BestChiSquare, 50)).ToArray()).ToArray();
            report.Add(StandardFigures.FieldMap($"grid-{n}", $"{n}: Δχ² of the grid scan (clipped at 50; 6.18 bounds the 95 % region)", o.Grid.SlipRates.Select(v => v * 1000).ToArray(),
                o.Grid.LockingDepths.Select(v => v / 1000).ToArray(), chi, "Δχ²", "–", ("slip rate", "mm/yr"), ("locking depth", "km"), depthDown: true, diverging: false, equalAspect: false));
            var varying = o.Stats.Where(q => q.StandardDeviation > 0).ToList();
            if (varying.Count >= 2)
                report.Add(StandardFigures.Corner($"corner-{n}", $"{n}: posterior", varying.Select(q => new SampledParameter(q.Name, q.Unit, q.Samples) { Best = q.Map }).ToList()));
            else
                foreach (var q in varying) report.Add(StandardFigures.Histogram($"hist-{n}-{q.Name}", $"{n}: {q.Name}", q.Samples, q.Name, q.Unit));
        }
        report.Save(html);
    }

    /// <summary>The swath's outline (km).</summary>
    private static Polyline Swath(ProfileSwath s)
    {
        var (se, sn) = s.StrikeVector;
        (double, double) P(double x, double a) => ((s.East + x * sn + a * se) / 1000, (s.North - x * se + a * sn) / 1000);
        var c = new[] { P(-s.HalfLength, -s.HalfWidth), P(s.HalfLength, -s.HalfWidth), P(s.HalfLength, s.HalfWidth), P(-s.HalfLength, s.HalfWidth), P(-s.HalfLength, -s.HalfWidth) };
        return new Polyline(s.Name, c.Select(q => q.Item1).ToArray(), c.Select(q => q.Item2).ToArray(), "blue");
    }

    private static double[] Km(ReadOnlySpan<double> metres)
    {
        var k = new double[metres.Length];
        for (int i = 0; i < k.Length; i++) k[i] = metres[i] / 1000;
        return k;
    }

    /// <summary>The profile: every point (grey), the bins with their spread, the 95 % band and the median model.</summary>
    private static Figure ProfileFigure(string n, Profile p, IReadOnlyList<(double Centre, double Mean, double StandardDeviation, int Count)> bins, ProfileOutcome o, double binWidth)
    {
        Trace2D Line(string name, double[] y, string colour, double width) => Plot.Trace("scatter").With("name", name).With("mode", "lines")
            .With("x", Km(o.BandDistance)).With("y", Plot.Gaps(y.Select(v => v * 1000))).With("line", Plot.Object().With("color", colour).With("width", width));
        return Figure.Of($"profile-{n}", Plot.Layout($"{n}: LOS velocity across the fault (mean LOS vector for the model curves)", legend: true)
                .With("xaxis", Plot.Axis("distance to the right of strike", "km")).With("yaxis", Plot.Axis("LOS velocity", "mm/yr")),
            [
                Plot.Trace("scatter").With("name", "data").With("mode", "markers").With("x", Km(p.Distance)).With("y", Plot.Gaps(p.Value.Select(v => v * 1000)))
                    .With("marker", Plot.Object().With("size", 3).With("color", "lightgray")),
                Plot.Trace("scatter").With("name", $"bins of {F(binWidth / 1000)} km").With("mode", "markers")
                    .With("x", bins.Select(b => b.Centre / 1000).ToArray()).With("y", Plot.Gaps(bins.Select(b => b.Mean * 1000)))
                    .With("error_y", Plot.Object().With("type", "data").With("array", Plot.Gaps(bins.Select(b => b.StandardDeviation * 1000))).With("visible", true))
                    .With("marker", Plot.Object().With("size", 6)),
                Line("2.5 %", o.BandLow, "orange", 1),
                Line("97.5 %", o.BandHigh, "orange", 1),
                Line("posterior median model", o.BandMedian, "red", 2),
            ]);
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
