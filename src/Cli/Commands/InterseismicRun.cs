using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Interseismic;
using SourceModel.Inversion.Randomness;
using SourceModel.Inversion.Uncertainty;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>One profile's fit: the data, the grid scan, the MCMC result, its statistics, the MAP model and the
/// credible band of the model along the profile.</summary>
internal sealed record ProfileOutcome(Profile Profile, ProfileProblem Problem, ProfileGridMap Grid, McmcResult Mcmc, List<QuantityStatistics> Stats,
    double[] Map, double[] BandDistance, double[] BandLow, double[] BandMedian, double[] BandHigh);

/// <summary>
/// `sourcemodel interseismic CONFIG.yaml`: imports the velocity map (tied to GNSS when asked), cuts the profiles,
/// scans slip rate × locking depth and samples the posterior on each, and writes the run folder (docs/formats.md,
/// "interseismic run folder").
/// </summary>
internal static class InterseismicRun
{
    /// <summary>Interseismic LOS velocities faster than this (m/yr) mean the values are not in the declared unit.</summary>
    private const double ImplausibleVelocity = 1.0;

    public static void Run(string path, string? outputOverride, bool html, TextWriter log, IReadOnlyList<string> command)
    {
        var clock = Stopwatch.StartNew();
        var c = InterseismicConfig.Load(path);
        string output = outputOverride is null ? c.Output : Path.GetFullPath(outputOverride);
        c.Data.RefuseInputsInside(output, path);
        using var folder = RunFolder.Claim(output, "interseismic", command, path);
        if (folder.StaleNote is { } note) log.WriteLine(note);
        var imported = c.Data.ImportAll().Select(d => d.Data).ToDictionary(d => d.Name);
        var velocities = imported[c.Velocities];
        GeometryRun.StartEstimate(path, log, RunEstimates.Interseismic(c, velocities.Count));
        if (velocities.Kind != DatasetKind.Los) throw new UserError($"{path}: dataset '{velocities.Name}' is not a LOS dataset; profiles need LOS velocities.");
        if (!velocities.HasNoiseModel) throw new UserError($"{path}: dataset '{velocities.Name}' has no sigmas or covariance; the fits need the velocities' noise.");
        double fastest = Enumerable.Range(0, velocities.Count).Max(i => Math.Abs(velocities.Value[i]));
        if (fastest > ImplausibleVelocity)
            throw new UserError(string.Create(CultureInfo.InvariantCulture,
                $"{path}: dataset '{velocities.Name}' has LOS velocities up to {fastest:G4} m/yr, far beyond interseismic rates (mm/yr to cm/yr): are the values in the declared 'units' (e.g. units: mm for mm/yr)?"));
        ReferenceFrameFit? tie = null;
        if (c.Gnss is { } g)
        {
            try { tie = GnssReference.Fit(velocities, GnssReference.Sites(imported[g.Dataset]), g.Radius, g.Ramp); }
            catch (ArgumentException e) { throw new UserError($"{path}: gnss: {UserError.Reason(e)}"); }
            velocities = GnssReference.Apply(velocities, tie);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  tied to GNSS at {tie.Sites.Count} site(s): offset {tie.Offset * 1000:0.00} mm/yr, ramp {tie.EastGradient * 1e6:0.000} / {tie.NorthGradient * 1e6:0.000} mm/yr per km (east/north)"));
        }
        var profiles = c.Profiles.Select(s => Profile.Cut(velocities, s)).ToList();
        int needed = ProfileProblem.MinimumPoints(c.Space);
        foreach (var p in profiles)
            if (p.Count < needed)
                throw new UserError($"{path}: profile {p.Swath.Name} has {p.Count} point(s) of '{velocities.Name}' in its swath ({2 * p.Swath.HalfLength:0} × {2 * p.Swath.HalfWidth:0} m); " +
                                    $"fitting {c.Space.FreeCount} parameter(s) needs at least {needed}: check that the trace crosses the data (same reference and coordinates) or widen the profiles.");
        log.WriteLine($"{path}: '{velocities.Name}' ({velocities.Count} points), {profiles.Count} profile(s) with {string.Join(", ", profiles.Select(p => p.Count))} points; " +
                      $"{c.Space.FreeCount} free parameter(s), {c.Chains} chain(s) × {c.Sampler.Iterations:N0}");
        var outcomes = new List<ProfileOutcome>();
        for (int k = 0; k < profiles.Count; k++)
        {
            var o = Fit(c, profiles[k], velocities, (long)(RandomStream.ForStream(c.Seed, k).NextUInt64() >> 1));
            outcomes.Add(o);
            var rate = o.Stats.FirstOrDefault(q => q.Name == $"{c.Grid.Fault}.slip_rate");
            var depth = o.Stats.FirstOrDefault(q => q.Name == $"{c.Grid.Fault}.locking_depth");
            string rateText = rate is null ? "slip rate fixed" : string.Create(CultureInfo.InvariantCulture, $"slip rate {rate.P50 * 1000:0.0} mm/yr [{rate.P2_5 * 1000:0.0}, {rate.P97_5 * 1000:0.0}]");
            string depthText = depth is null ? "" : string.Create(CultureInfo.InvariantCulture, $", locking depth {depth.P50 / 1000:0.0} km [{depth.P2_5 / 1000:0.0}, {depth.P97_5 / 1000:0.0}]");
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {o.Profile.Swath.Name}: {rateText}{depthText}; grid best {o.Grid.BestSlipRate * 1000:0.0} mm/yr, {o.Grid.BestLockingDepth / 1000:0.0} km (χ² {o.Grid.BestChiSquare:0.0} for {o.Profile.Count} points); max R̂ {o.Stats.Max(q => q.RHat ?? 1):0.000}"));
        }
        Directory.CreateDirectory(output);
        var files = InterseismicOutput.Write(output, c, outcomes, tie);
        if (html)
        {
            InterseismicReport.Write(Path.Combine(output, "report.html"), c, velocities, outcomes, tie, command);
            files.Add("report.html");
        }
        var summary = InterseismicOutput.Summary(c, velocities, outcomes, tie, files, clock.Elapsed);
        AtomicFile.Write(Path.Combine(output, "summary.json"), w => w.Write(JsonSerializer.Serialize(summary, new JsonSerializerOptions
        {
            WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        })));
        log.WriteLine($"wrote {files.Count + 1} file(s) to {output} in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Grid scan from mid-bounds, then MCMC started at the grid's best, then the credible band.</summary>
    private static ProfileOutcome Fit(InterseismicConfig c, Profile profile, GeodeticDataset velocities, long seed)
    {
        Matrix<double>? covariance = velocities.Covariance is { } full
            ? Matrix<double>.Build.Dense(profile.Count, profile.Count, (i, j) => full[profile.Index[i], profile.Index[j]])
            : null;
        ProfileProblem problem;
        try { problem = new ProfileProblem(profile, c.Model, c.Space, covariance); }
        catch (ArgumentException e) { throw new UserError($"{c.Path}: {UserError.Reason(e)}"); }
        var start = c.Space.Specs.Select(s => s.Fixed ?? 0.5 * (s.Min + s.Max)).ToArray();
        var grid = ProfileGridSearch.Run(problem, c.Grid.Fault, c.Grid.SlipRates, c.Grid.LockingDepths, start);
        var unit = c.Space.ToUnit(grid.Best).Select(u => Math.Clamp(u, 1e-6, 1 - 1e-6)).ToArray();
        if (!double.IsFinite(problem.Evaluate(unit))) unit = c.Space.ToUnit(start);
        var result = McmcSampler.Run(problem, Enumerable.Repeat(unit, c.Chains).ToArray(), Enumerable.Repeat(0.02, problem.Dimension).ToArray(), c.Sampler, seed);
        var free = c.Space.FreeIndices;
        var physical = result.Draws.Select(chain => chain.Select(u => c.Space.ToFull(u)).ToArray()).ToArray();
        var stats = free.Select(i => QuantityStatistics.Of(c.Space.Specs[i].Name, ScrewProfileModel.UnitOf(c.Space.Specs[i].Name),
            physical.SelectMany(ch => ch.Select(x => x[i])).ToArray(), physical.Select(ch => ch.Select(x => x[i]).ToArray()).ToArray(),
            c.Space.ToFull(result.MaximumAPosteriori())[i])).ToList();
        var (distance, low, median, high) = Band(c, profile, physical);
        return new ProfileOutcome(profile, problem, grid, result, stats, c.Space.ToFull(result.MaximumAPosteriori()), distance, low, median, high);
    }

    /// <summary>The 2.5/50/97.5 % of the model over up to 400 posterior draws, along the profile with the points'
    /// mean unit vector.</summary>
    private static (double[], double[], double[], double[]) Band(InterseismicConfig c, Profile profile, double[][][] physical)
    {
        int n = 201;
        var x = Enumerable.Range(0, n).Select(i => -profile.Swath.HalfLength + 2 * profile.Swath.HalfLength * i / (n - 1)).ToArray();
        double Mean(double[] v) => v.Average();
        var line = new Profile(profile.Swath, x, new double[n], new double[n], Enumerable.Repeat(Mean(profile.UnitEast), n).ToArray(),
            Enumerable.Repeat(Mean(profile.UnitNorth), n).ToArray(), Enumerable.Repeat(Mean(profile.UnitUp), n).ToArray(), Enumerable.Repeat(1.0, n).ToArray(), new int[n]);
        var draws = physical.SelectMany(ch => ch).ToArray();
        int every = Math.Max(1, draws.Length / 400);
        var curves = draws.Where((_, i) => i % every == 0).Select(m =>
        {
            var v = new double[n];
            c.Model.Predict(m, line, v);
            return v;
        }).ToArray();
        double Q(int i, double q) => ChainDiagnostics.Quantile(curves.Select(v => v[i]).ToArray(), q);
        return (x, Enumerable.Range(0, n).Select(i => Q(i, 0.025)).ToArray(), Enumerable.Range(0, n).Select(i => Q(i, 0.5)).ToArray(),
            Enumerable.Range(0, n).Select(i => Q(i, 0.975)).ToArray());
    }
}
