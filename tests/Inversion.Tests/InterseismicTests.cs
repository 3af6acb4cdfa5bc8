using MathNet.Numerics.LinearAlgebra;
using SourceModel.Inversion.Interseismic;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Uncertainty;
using SourceModel.Okada;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Sampling;
using SourceModel.Sampling.Noise;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>Interseismic profiles: cutting swaths, the screw-dislocation model in the LOS, grid search and MCMC
/// recovery with honest credible intervals, and the GNSS reference-frame tie.</summary>
public sealed class InterseismicTests(ITestOutputHelper output)
{
    private static readonly LosVector Ascending = LosVector.FromIncidenceAndHeading(39, -12);

    /// <summary>A fault trace striking N30°E through the origin, 200 km long.</summary>
    private static readonly FaultTrace Trace = new([-50_000, 50_000], [-86_602.54, 86_602.54]);

    private static GeodeticDataset Dataset(double[] e, double[] n, double[] v, double sigma) => new("track", DatasetKind.Los, e, n, v,
        Enumerable.Repeat(Ascending.East, e.Length).ToArray(), Enumerable.Repeat(Ascending.North, e.Length).ToArray(),
        Enumerable.Repeat(Ascending.Up, e.Length).ToArray(), new ImportProvenance("test", "synthetic", [], e.Length),
        sigma: Enumerable.Repeat(sigma, e.Length).ToArray());

    [Fact]
    public void A_swath_keeps_the_points_within_its_length_and_width_and_signs_distance_to_the_right_of_strike()
    {
        var e = new List<double>();
        var n = new List<double>();
        for (int i = -100; i <= 100; i++) for (int j = -100; j <= 100; j++) { e.Add(2_000.0 * i + 1); n.Add(2_000.0 * j + 1); }
        var data = Dataset([.. e], [.. n], e.Select(x => x / 1e6).ToArray(), 0.001);
        var swath = ProfileSwath.AlongTrace(Trace, 1, 150_000, 20_000, perSegment: false)[0];
        Assert.Equal(30, swath.Strike, 6);
        Assert.Equal(0, swath.East, 6);
        var p = Profile.Cut(data, swath);
        // Area 150 × 20 km at one point per 4 km²: about 750 points.
        Assert.InRange(p.Count, 700, 800);
        Assert.All(p.Distance, x => Assert.InRange(x, -75_000, 75_000));
        Assert.All(p.Along, a => Assert.InRange(a, -10_000, 10_000));
        // Right of a N30°E strike is S60°E-ish: east is positive distance, west negative.
        int eastmost = Array.IndexOf(p.Distance, p.Distance.Max());
        Assert.True(data.East[p.Index[eastmost]] > 50_000);
        double strike = swath.Strike * Math.PI / 180;
        for (int k = 0; k < p.Count; k++)
        {
            double x = data.East[p.Index[k]] * Math.Cos(strike) - data.North[p.Index[k]] * Math.Sin(strike);
            Assert.Equal(x, p.Distance[k], 6);
        }
        var bins = p.Bins(10_000);
        Assert.Equal(p.Count, bins.Sum(b => b.Count));
        Assert.Equal(p.Distance.Select(x => Math.Floor(x / 10_000)).Distinct().Count(), bins.Count);
        Assert.All(bins, b => Assert.Equal(0.5, b.Centre / 10_000 - Math.Floor(b.Centre / 10_000), 9));
        Assert.True(bins.Zip(bins.Skip(1)).All(t => t.First.Centre < t.Second.Centre));
        // The crossing of the profile line with the trace is the centre.
        Assert.Equal(0, Trace.Crossing(30_000 * Math.Cos(Math.PI / 6), -30_000 * Math.Sin(Math.PI / 6), 300)!.Value - 30_000, 6);
    }

    [Fact]
    public void The_screw_dislocation_in_the_los_equals_a_very_long_deep_okada_fault_to_1e_6()
    {
        // Okada (DC3D, the general path): a vertical left-lateral fault striking north from D = 15 km to 10¹³ m depth,
        // ±10¹⁵ m long, 1 unit of slip; at the surface it is antiplane: only the fault-parallel component survives.
        double d = 15_000, bottom = 1e13;
        var dc3d = new Dc3dSource(2.0 / 3.0, d, 90, -100 * bottom, 100 * bottom, -bottom, 0, 1, 0, 0);
        var x = Enumerable.Range(0, 81).Select(i => -200_000.0 + 5_000 * i + 17).ToArray();
        var swath = new ProfileSwath("P", 0, 0, 0, 300_000, 1_000);
        var profile = new Profile(swath, x, new double[x.Length], new double[x.Length], Enumerable.Repeat(Ascending.East, x.Length).ToArray(),
            Enumerable.Repeat(Ascending.North, x.Length).ToArray(), Enumerable.Repeat(Ascending.Up, x.Length).ToArray(), Enumerable.Repeat(1.0, x.Length).ToArray(),
            Enumerable.Range(0, x.Length).ToArray());
        var model = new ScrewProfileModel([new ParallelFault("main")]);
        var los = new double[x.Length];
        model.Tectonic([1, d, 0, 0, 0, 0, 0], profile, los);
        for (int i = 0; i < x.Length; i++)
        {
            // Okada's x is along strike (north), y to its left (west): the point at east = x[i] is y = −x[i].
            var u = Okada92.Dc3d(dc3d, 0, -x[i], 0);
            double okada = u.Ux * Ascending.North - u.Uy * Ascending.East + u.Uz * Ascending.Up;
            Assert.True(Math.Abs(los[i] - okada) <= 1e-6 * Math.Abs(okada), $"x = {x[i]}: screw {los[i]}, Okada {okada}");
        }
    }

    [Fact]
    public void Parallel_faults_add_a_shift_moves_the_fault_and_creep_steps_the_velocity_at_the_trace()
    {
        var x = Enumerable.Range(0, 41).Select(i => -100_000.0 + 5_000 * i + 3).ToArray();
        var swath = new ProfileSwath("P", 0, 0, 90, 100_000, 1_000);
        int n = x.Length;
        var profile = new Profile(swath, x, new double[n], new double[n], Enumerable.Repeat(Ascending.East, n).ToArray(),
            Enumerable.Repeat(Ascending.North, n).ToArray(), Enumerable.Repeat(Ascending.Up, n).ToArray(), Enumerable.Repeat(1.0, n).ToArray(), new int[n]);
        var both = new ScrewProfileModel([new ParallelFault("a"), new ParallelFault("b", 30_000)]);
        var sum = new double[n];
        both.Predict([-0.01, 10_000, 0, 0, 0, -0.005, 20_000, 0, 0, 2_000, 0.001, 0], profile, sum);
        var one = new ScrewProfileModel([new ParallelFault("a")]);
        var a = new double[n];
        var b = new double[n];
        one.Predict([-0.01, 10_000, 0, 0, 0, 0.001, 0], profile, a);
        one.Predict([-0.005, 20_000, 0, 0, 32_000, 0, 0], profile, b);   // fault b: position 30 km + shift 2 km
        for (int i = 0; i < n; i++) Assert.Equal(a[i] + b[i], sum[i], 15);
        // LOS = v · (ê · ŝ) with ŝ east for strike 90°.
        var screw = new ScrewDislocation(-0.01, 10_000);
        Assert.Equal(screw.FaultParallelVelocity(x[7]) * Ascending.East + 0.001, a[7], 15);
        // Shallow creep of 3 mm/yr above 2 km: a 3 mm/yr step of the fault-parallel velocity across the trace.
        var creep = new double[2];
        var pair = profile with { Distance = [-0.5, 0.5], Along = [0, 0], Value = [0, 0], UnitEast = [1, 1], UnitNorth = [0, 0], UnitUp = [0, 0], Sigma = [1, 1], Index = [0, 1] };
        one.Predict([-0.01, 10_000, 0.003, 2_000, 0, 0, 0], pair, creep);
        Assert.Equal(0.003, creep[1] - creep[0], 4);
        Assert.NotNull(one.Violation([-0.01, 10_000, 0.003, 20_000, 0, 0, 0]));   // creep deeper than the lock
        Assert.NotNull(one.Violation([-0.01, 0, 0, 0, 0, 0, 0]));                  // no locking depth
    }

    /// <summary>A 400 km profile across an east-striking right-lateral fault (20 mm/yr, locked to 15 km; seen in
    /// ascending LOS through ê_east = −0.62) with an offset and a ramp, and 1 mm/yr of noise correlated over 10 km
    /// (plus 0.5 mm/yr white).</summary>
    private static (Profile Profile, Matrix<double> Covariance, double[] Truth) Synthetic(int seed)
    {
        double[] truth = [-0.020, 15_000, 0, 0, 0, 0.003, 2e-9];
        int n = 201;
        var x = Enumerable.Range(0, n).Select(i => -200_000.0 + 2_000 * i + 0.5).ToArray();
        var swath = new ProfileSwath("synthetic", 0, 0, 90, 200_000, 5_000);
        var profile = new Profile(swath, x, new double[n], new double[n], Enumerable.Repeat(Ascending.East, n).ToArray(),
            Enumerable.Repeat(Ascending.North, n).ToArray(), Enumerable.Repeat(Ascending.Up, n).ToArray(), Enumerable.Repeat(0.002, n).ToArray(),
            Enumerable.Range(0, n).ToArray());
        var model = new ScrewProfileModel([new ParallelFault("main")]);
        var covariance = Matrix<double>.Build.Dense(n, n, (i, j) => 0.001 * 0.001 * Math.Exp(-Math.Abs(x[i] - x[j]) / 10_000) + (i == j ? 0.0005 * 0.0005 : 0));
        var clean = new double[n];
        model.Predict(truth, profile, clean);
        var noise = new CorrelatedNoise(covariance).Realisation(seed, 0);
        return (profile with { Value = clean.Select((v, i) => v + noise[i]).ToArray() }, covariance, truth);
    }

    private static ParameterSpace Space() => new(
    [
        ParameterSpec.Free("main.slip_rate", -0.05, 0.05), ParameterSpec.Free("main.locking_depth", 1_000, 60_000),
        ParameterSpec.FixedAt("main.creep_rate", 0), ParameterSpec.FixedAt("main.creep_depth", 0), ParameterSpec.FixedAt("main.shift", 0),
        ParameterSpec.Free("offset", -0.02, 0.02), ParameterSpec.Free("trend", -1e-7, 1e-7),
    ]);

    [Fact]
    public void The_grid_search_recovers_slip_rate_and_locking_depth_within_its_95_percent_region()
    {
        var (profile, covariance, truth) = Synthetic(1);
        var problem = new ProfileProblem(profile, new ScrewProfileModel([new ParallelFault("main")]), Space(), covariance);
        var rates = Enumerable.Range(0, 61).Select(i => -0.035 + 0.0005 * i).ToArray();
        var depths = Enumerable.Range(0, 59).Select(j => 1_000 + 1_000.0 * j).ToArray();
        var map = ProfileGridSearch.Run(problem, "main", rates, depths, truth);
        var (rate, depth) = map.Region(6.18);
        output.WriteLine($"best rate {map.BestSlipRate * 1000:F2} mm/yr, depth {map.BestLockingDepth / 1000:F1} km, χ² {map.BestChiSquare:F1} for {profile.Count} points; " +
                         $"95 %: rate {rate.Min * 1000:F1}..{rate.Max * 1000:F1}, depth {depth.Min / 1000:F0}..{depth.Max / 1000:F0} km");
        Assert.InRange(truth[0], rate.Min, rate.Max);
        Assert.InRange(truth[1], depth.Min, depth.Max);
        Assert.InRange(map.BestChiSquare, 0.7 * profile.Count, 1.3 * profile.Count);
        // The offset solved at the best node is near the truth (3 mm/yr): within 1 mm/yr, the sill of the noise.
        Assert.InRange(map.Best[5], truth[5] - 0.001, truth[5] + 0.001);
    }

    [Fact]
    public void Mcmc_credible_intervals_of_slip_rate_and_locking_depth_have_their_stated_coverage_over_50_repeats()
    {
        int covered = 0, total = 0;
        var options = new AdaptiveMetropolisOptions { Iterations = 16_000, BurnIn = 4_000, Thin = 4 };
        for (int seed = 1; seed <= 50; seed++)
        {
            var (profile, covariance, truth) = Synthetic(seed);
            var problem = new ProfileProblem(profile, new ScrewProfileModel([new ParallelFault("main")]), problemSpace, covariance);
            var start = problemSpace.ToUnit(truth);
            var result = McmcSampler.Run(problem, [start, start], [0.01, 0.01, 0.01, 0.01], options, seed);
            for (int k = 0; k < 2; k++)
            {
                var spec = problemSpace.Specs[k];
                double lo = spec.Min + spec.Range * result.Percentile(k, 0.025), hi = spec.Min + spec.Range * result.Percentile(k, 0.975);
                total++;
                if (truth[k] >= lo && truth[k] <= hi) covered++;
            }
        }
        double coverage = (double)covered / total;
        output.WriteLine($"95 % credible intervals held the truth in {covered} of {total} cases ({coverage:P0})");
        Assert.InRange(coverage, 0.85, 0.99);
    }

    private static readonly ParameterSpace problemSpace = Space();

    [Fact]
    public void A_gnss_tie_recovers_the_offset_and_ramp_of_a_velocity_map()
    {
        // A map of LOS velocities: the screw signal of a north-striking fault plus 4 mm/yr + a ramp of 3 mm/yr per
        // 100 km east and −2 per 100 km north, with 1 mm/yr white noise; 12 GNSS sites carry the true velocities.
        var random = new Randomness.RandomStream(3);
        var e = Enumerable.Range(0, 4000).Select(_ => -150_000 + 300_000 * random.NextDouble()).ToArray();
        var n = Enumerable.Range(0, 4000).Select(_ => -150_000 + 300_000 * random.NextDouble()).ToArray();
        var screw = new ScrewDislocation(-0.02, 15_000);
        double Los(double east) => screw.FaultParallelVelocity(east) * Ascending.North;   // fault-parallel = north
        var v = e.Select((x, i) => Los(x) + 0.004 + 3e-8 * x - 2e-8 * n[i] + 0.001 * random.NextGaussian()).ToArray();
        var data = Dataset(e, n, v, 0.001);
        var sites = Enumerable.Range(0, 12).Select(k =>
        {
            double se = -120_000 + 240_000 * random.NextDouble(), sn = -120_000 + 240_000 * random.NextDouble();
            return new GnssVelocity($"S{k:00}", se, sn, 0, screw.FaultParallelVelocity(se), 0, 0.0005, 0.0005, 0.002);
        }).ToList();
        var fit = GnssReference.Fit(data, sites, 5_000);
        output.WriteLine($"offset {fit.Offset * 1000:F2} mm/yr at ({fit.CentreEast / 1000:F0}, {fit.CentreNorth / 1000:F0}) km, ramp {fit.EastGradient * 1e8:F2} / {fit.NorthGradient * 1e8:F2} mm/yr per 100 km");
        double expected = 0.004 + 3e-8 * fit.CentreEast - 2e-8 * fit.CentreNorth;
        Assert.InRange(fit.Offset, expected - 4 * Math.Sqrt(fit.Covariance[0, 0]), expected + 4 * Math.Sqrt(fit.Covariance[0, 0]));
        Assert.InRange(fit.EastGradient, 3e-8 - 4 * Math.Sqrt(fit.Covariance[1, 1]), 3e-8 + 4 * Math.Sqrt(fit.Covariance[1, 1]));
        Assert.InRange(fit.NorthGradient, -2e-8 - 4 * Math.Sqrt(fit.Covariance[2, 2]), -2e-8 + 4 * Math.Sqrt(fit.Covariance[2, 2]));
        var corrected = GnssReference.Apply(data, fit);
        double rms = Math.Sqrt(Enumerable.Range(0, e.Length).Average(i => Math.Pow(corrected.Value[i] - Los(e[i]), 2)));
        Assert.InRange(rms, 0, 0.0015);
        Assert.Throws<ArgumentException>(() => GnssReference.Fit(data, sites.Take(2).ToList(), 5_000));
    }

    [Fact]
    public void A_trace_that_crosses_no_data_or_a_profile_with_too_few_points_is_refused()
    {
        var data = Dataset([500_000, 500_100], [0, 0], [0.001, 0.002], 0.001);
        var swath = ProfileSwath.AlongTrace(Trace, 2, 100_000, 10_000, perSegment: true)[0];
        var empty = Profile.Cut(data, swath);
        Assert.Equal(0, empty.Count);
        var e = Assert.Throws<ArgumentException>(() => new ProfileProblem(empty, new ScrewProfileModel([new ParallelFault("main")]), Space()));
        Assert.Contains("has 0 point(s)", e.Message);
        Assert.Throws<ArgumentException>(() => new FaultTrace([0, 0], [1, 1]));
        Assert.Throws<ArgumentException>(() => new ScrewProfileModel([new ParallelFault("a.b")]));
        Assert.Throws<ArgumentException>(() => ProfileSwath.AlongTrace(Trace, 0, 1, 1, false));
    }
}
