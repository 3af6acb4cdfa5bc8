using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Interseismic;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>The files of an interseismic run folder (docs/formats.md, "interseismic run folder") and its summary.</summary>
internal static class InterseismicOutput
{
    /// <summary>Writes the per-profile CSVs; returns their names.</summary>
    public static List<string> Write(string output, InterseismicConfig c, IReadOnlyList<ProfileOutcome> outcomes, ReferenceFrameFit? tie)
    {
        var files = new List<string>();
        void Add(string name, Action<TextWriter> write)
        {
            AtomicFile.Write(Path.Combine(output, name), write);
            files.Add(name);
        }
        Add("profiles.csv", w => CsvTable.Write(w, ["profile", "centre_east_m", "centre_north_m", "strike_deg", "length_m", "width_m", "points", "grid_slip_rate_m_per_yr",
                "grid_locking_depth_m", "grid_chi_square", "max_split_rhat"],
            outcomes.Select(o => (IEnumerable<string>)[o.Profile.Swath.Name, R(o.Profile.Swath.East), R(o.Profile.Swath.North), R(o.Profile.Swath.Strike),
                R(2 * o.Profile.Swath.HalfLength), R(2 * o.Profile.Swath.HalfWidth), I(o.Profile.Count), R(o.Grid.BestSlipRate), R(o.Grid.BestLockingDepth), R(o.Grid.BestChiSquare),
                R(o.Stats.Max(q => q.RHat ?? 1))])));
        foreach (var o in outcomes)
        {
            var p = o.Profile;
            string n = p.Swath.Name;
            var model = new double[p.Count];
            o.Problem.Model.Predict(o.Map, p, model);
            Add($"profile_{n}.csv", w => CsvTable.Write(w, ["distance_m", "along_m", "observed_m_per_yr", "model_m_per_yr", "residual_m_per_yr", "sigma_m_per_yr", "los_e", "los_n", "los_u", "index"],
                Enumerable.Range(0, p.Count).Select(i => (IEnumerable<string>)[R(p.Distance[i]), R(p.Along[i]), R(p.Value[i]), R(model[i]), R(p.Value[i] - model[i]),
                    R(p.Sigma[i]), R(p.UnitEast[i]), R(p.UnitNorth[i]), R(p.UnitUp[i]), I(p.Index[i])])));
            Add($"bins_{n}.csv", w => CsvTable.Write(w, ["distance_m", "mean_m_per_yr", "standard_deviation_m_per_yr", "count"],
                p.Bins(c.BinWidth).Select(b => (IEnumerable<string>)[R(b.Centre), R(b.Mean), R(b.StandardDeviation), I(b.Count)])));
            Add($"grid_{n}.csv", w => CsvTable.Write(w, ["slip_rate_m_per_yr", "locking_depth_m", "chi_square"],
                Enumerable.Range(0, o.Grid.SlipRates.Length).SelectMany(i => Enumerable.Range(0, o.Grid.LockingDepths.Length).Select(j =>
                    (IEnumerable<string>)[R(o.Grid.SlipRates[i]), R(o.Grid.LockingDepths[j]), R(o.Grid.ChiSquares[i, j])]))));
            var names = c.Space.FreeIndices.Select(i => c.Space.Specs[i].Name).ToArray();
            Add($"samples_{n}.csv", w => CsvTable.Write(w, ["chain", "draw", "log_posterior", .. names],
                Enumerable.Range(0, o.Mcmc.Draws.Length).SelectMany(k => o.Mcmc.Draws[k].Select((u, i) =>
                {
                    var full = c.Space.ToFull(u);
                    return (IEnumerable<string>)[I(k), I(i), R(o.Mcmc.LogDensities[k][i]), .. c.Space.FreeIndices.Select(j => R(full[j]))];
                }))));
            Add($"band_{n}.csv", w => CsvTable.Write(w, ["distance_m", "p2_5_m_per_yr", "p50_m_per_yr", "p97_5_m_per_yr"],
                Enumerable.Range(0, o.BandDistance.Length).Select(i => (IEnumerable<string>)[R(o.BandDistance[i]), R(o.BandLow[i]), R(o.BandMedian[i]), R(o.BandHigh[i])])));
        }
        return files;
    }

    /// <summary>summary.json.</summary>
    public static object Summary(InterseismicConfig c, GeodeticDataset velocities, IReadOnlyList<ProfileOutcome> outcomes, ReferenceFrameFit? tie,
        List<string> files, TimeSpan elapsed) => new
    {
        software = "sourcemodel",
        version = typeof(InterseismicOutput).Assembly.GetName().Version?.ToString(),
        config = Path.GetFullPath(c.Path),
        created_utc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        elapsed_s = elapsed.TotalSeconds,
        dataset = new { name = velocities.Name, points = velocities.Count },
        trace = new { east_m = c.Trace.East, north_m = c.Trace.North, mean_strike_deg = c.Trace.MeanStrike, length_m = c.Trace.Length },
        faults = c.Model.Faults.Select(f => new { name = f.Name, position_m = f.Position }),
        parameters = c.Space.Specs.Select(s => new { name = s.Name, unit = ScrewProfileModel.UnitOf(s.Name), min = s.Min, max = s.Max, @fixed = s.Fixed }),
        mcmc = new { chains = c.Chains, iterations = c.Sampler.Iterations, burn_in = c.Sampler.BurnIn, thin = c.Sampler.Thin, delayed_rejection = c.Sampler.DelayedRejection, seed = c.Seed },
        gnss = tie is null ? null : new
        {
            dataset = c.Gnss!.Dataset, radius_m = c.Gnss.Radius, ramp = c.Gnss.Ramp, sites = tie.Sites, offset_m_per_yr = tie.Offset,
            east_gradient_per_yr = tie.EastGradient, north_gradient_per_yr = tie.NorthGradient, centre_east_m = tie.CentreEast, centre_north_m = tie.CentreNorth,
            offset_sigma_m_per_yr = Math.Sqrt(tie.Covariance[0, 0]), residual_rms_m_per_yr = Math.Sqrt(tie.Residuals.Average(r => r * r)),
        },
        profiles = outcomes.Select(o =>
        {
            var (rate, depth) = o.Grid.Region(6.18);
            return new
            {
                name = o.Profile.Swath.Name, centre_east_m = o.Profile.Swath.East, centre_north_m = o.Profile.Swath.North, strike_deg = o.Profile.Swath.Strike,
                points = o.Profile.Count,
                grid = new
                {
                    fault = c.Grid.Fault, slip_rate_m_per_yr = o.Grid.BestSlipRate, locking_depth_m = o.Grid.BestLockingDepth, chi_square = o.Grid.BestChiSquare,
                    region_95 = new { slip_rate_m_per_yr = new[] { rate.Min, rate.Max }, locking_depth_m = new[] { depth.Min, depth.Max } },
                },
                posterior = o.Stats.Select(q => new
                {
                    name = q.Name, unit = q.Unit, mean = q.Mean, standard_deviation = q.StandardDeviation, p2_5 = q.P2_5, p50 = q.P50, p97_5 = q.P97_5,
                    map = q.Map, split_rhat = q.RHat, effective_sample_size = q.EffectiveSize,
                }),
                acceptance_rates = o.Mcmc.AcceptanceRates,
            };
        }),
        files,
    };

    private static string R(double v) => NumberFormat.RoundTrip(v);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
