using MathNet.Numerics.LinearAlgebra;
using SourceModel.Inversion.Randomness;
using SourceModel.Inversion.Uncertainty;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>Issue 8 foundations: the DRAM sampler against analytic posteriors, and the chain diagnostics.</summary>
public sealed class McmcTests(ITestOutputHelper output)
{
    [Fact]
    public void On_a_linear_gaussian_problem_the_posterior_mean_and_covariance_match_the_analytic_ones_within_monte_carlo_error()
    {
        // y = Aθ + e, e ~ N(0, σ²I), flat prior on [−10, 10]³: posterior N(μ, Σ), Σ = σ²(AᵀA)⁻¹, μ = (AᵀA)⁻¹Aᵀy.
        var random = new RandomStream(11);
        int n = 20, d = 3;
        double sigma = 0.1;
        var a = Matrix<double>.Build.Dense(n, d, (_, _) => random.NextGaussian());
        var truth = Vector<double>.Build.DenseOfArray([1.0, -2.0, 0.5]);
        var y = a * truth + Vector<double>.Build.Dense(n, _ => sigma * random.NextGaussian());
        var precision = a.TransposeThisAndMultiply(a) / (sigma * sigma);
        var covariance = precision.Inverse();
        var mean = covariance * (a.TransposeThisAndMultiply(y) / (sigma * sigma));
        var density = new FunctionLogDensity(d, x =>
        {
            if (x.Any(v => Math.Abs(v) > 10)) return double.NegativeInfinity;
            var r = a * Vector<double>.Build.DenseOfArray(x) - y;
            return -0.5 * r.DotProduct(r) / (sigma * sigma);
        });
        var starts = Enumerable.Range(0, 4).Select(k => new[] { -5.0 + 3 * k, 5.0 - 2 * k, 0.0 + k }).ToArray();
        var result = McmcSampler.Run(density, starts, [1.0, 1.0, 1.0], new AdaptiveMetropolisOptions { Iterations = 30_000, BurnIn = 5_000 }, seed: 7);
        var m = result.Mean();
        var c = result.Covariance();
        var ess = result.EffectiveSampleSize();
        var rhat = result.RHat();
        for (int i = 0; i < d; i++)
        {
            double mcse = Math.Sqrt(covariance[i, i] / ess[i]);
            output.WriteLine($"θ{i}: mean {m[i]:F5} vs {mean[i]:F5} (MCSE {mcse:E2}), var {c[i, i]:E4} vs {covariance[i, i]:E4}, ESS {ess[i]:F0}, R̂ {rhat[i]:F4}, acceptance {result.AcceptanceRates.Average():P1}");
            Assert.InRange(m[i], mean[i] - 4 * mcse, mean[i] + 4 * mcse);
            double relative = 4 * Math.Sqrt(2 / ess[i]);
            Assert.InRange(c[i, i] / covariance[i, i], 1 - relative, 1 + relative);
            Assert.InRange(rhat[i], 1.0 - 1e-3, 1.01);
            for (int j = 0; j < i; j++)
            {
                double rhoTrue = covariance[i, j] / Math.Sqrt(covariance[i, i] * covariance[j, j]);
                double rho = c[i, j] / Math.Sqrt(c[i, i] * c[j, j]);
                double tolerance = 4 * (1 - rhoTrue * rhoTrue) / Math.Sqrt(Math.Min(ess[i], ess[j])) + 0.005;
                Assert.InRange(rho, rhoTrue - tolerance, rhoTrue + tolerance);
            }
        }
        // The first stage is steered to the target 23.4 % (Roberts et al. 1997); delayed rejection's smaller second try
        // then accepts part of the rest, so the total is higher.
        Assert.All(result.FirstStageAcceptanceRates, r => Assert.InRange(r, 0.20, 0.27));
        Assert.All(result.AcceptanceRates.Zip(result.FirstStageAcceptanceRates), t => Assert.InRange(t.First, t.Second + 0.05, 0.95));
    }

    [Fact]
    public void On_haarios_banana_all_chains_reach_split_rhat_below_1_01()
    {
        // The twisted Gaussian of Haario et al. (1999): x₁ ~ N(0, 100), x₂ | x₁ ~ N(−b(x₁² − 100), 1), b = 0.03.
        const double b = 0.03;
        var density = new FunctionLogDensity(2, x =>
        {
            double t = x[1] + b * (x[0] * x[0] - 100);
            return -x[0] * x[0] / 200 - 0.5 * t * t;
        });
        var starts = new[] { new[] { -20.0, -10.0 }, new[] { 20.0, -10.0 }, new[] { 0.0, 5.0 }, new[] { 10.0, 0.0 } };
        var result = McmcSampler.Run(density, starts, [1.0, 1.0], new AdaptiveMetropolisOptions { Iterations = 60_000, BurnIn = 10_000 }, seed: 3);
        var rhat = result.RHat();
        var ess = result.EffectiveSampleSize();
        output.WriteLine($"R̂ {rhat[0]:F4} {rhat[1]:F4}; ESS {ess[0]:F0} {ess[1]:F0}; acceptance {result.AcceptanceRates.Average():P1}");
        Assert.All(rhat, r => Assert.InRange(r, 1.0 - 1e-3, 1.01));
        // Both marginal means are 0 and Var(x₁) = 100.
        var m = result.Mean();
        Assert.InRange(m[0], -4 * Math.Sqrt(100 / ess[0]), 4 * Math.Sqrt(100 / ess[0]));
        double var2 = 1 + b * b * 2 * 100 * 100;   // Var(x₂) = 1 + b²·Var(x₁²) = 1 + b²·2σ⁴
        Assert.InRange(m[1], -4 * Math.Sqrt(var2 / ess[1]), 4 * Math.Sqrt(var2 / ess[1]));
        Assert.InRange(result.Covariance()[0, 0], 100 * (1 - 4 * Math.Sqrt(2 / ess[0])), 100 * (1 + 4 * Math.Sqrt(2 / ess[0])));
    }

    [Fact]
    public void The_same_seed_gives_the_same_draws_and_another_seed_other_draws()
    {
        var density = new FunctionLogDensity(2, x => -0.5 * (x[0] * x[0] + 4 * x[1] * x[1]));
        var options = new AdaptiveMetropolisOptions { Iterations = 3_000, BurnIn = 1_000 };
        double[][] starts = [[1.0, 1.0], [-1.0, 0.5]];
        var first = McmcSampler.Run(density, starts, [0.5, 0.5], options, seed: 21);
        var again = McmcSampler.Run(density, starts, [0.5, 0.5], options, seed: 21);
        var other = McmcSampler.Run(density, starts, [0.5, 0.5], options, seed: 22);
        Assert.Equal(first.Pooled(0), again.Pooled(0));
        Assert.Equal(first.Pooled(1), again.Pooled(1));
        Assert.NotEqual(first.Pooled(0), other.Pooled(0));
    }

    [Fact]
    public void A_run_cancelled_midway_and_resumed_from_its_checkpoints_gives_exactly_the_uninterrupted_draws()
    {
        const double b = 0.03;
        double Banana(double[] x)
        {
            double t = x[1] + b * (x[0] * x[0] - 100);
            return -x[0] * x[0] / 200 - 0.5 * t * t;
        }
        var options = new AdaptiveMetropolisOptions { Iterations = 12_000, BurnIn = 3_000, Thin = 3 };
        double[][] starts = [[-5.0, 0.0], [5.0, 1.0], [0.0, -2.0]];
        var whole = McmcSampler.Run(new FunctionLogDensity(2, Banana), starts, [1.0, 1.0], options, seed: 9);

        string folder = Path.Combine(Path.GetTempPath(), "sourcemodel-mcmc-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Cancel once about half the work is done (counted in density evaluations over all chains).
            using var cancel = new CancellationTokenSource();
            long calls = 0;
            var counting = new FunctionLogDensity(2, x =>
            {
                if (Interlocked.Increment(ref calls) == 30_000) cancel.Cancel();
                return Banana(x);
            });
            var checkpoints = new McmcCheckpoints(folder, Every: 700);
            Assert.ThrowsAny<OperationCanceledException>(() => McmcSampler.Run(counting, starts, [1.0, 1.0], options, seed: 9, cancel.Token, checkpoints));
            Assert.True(File.Exists(Path.Combine(folder, "chain_0.bin")));
            var resumed = McmcSampler.Run(new FunctionLogDensity(2, Banana), starts, [1.0, 1.0], options, seed: 9, checkpoints: checkpoints with { Resume = true });
            for (int c = 0; c < starts.Length; c++)
            {
                Assert.Equal(whole.LogDensities[c], resumed.LogDensities[c]);
                for (int i = 0; i < whole.Draws[c].Length; i++) Assert.Equal(whole.Draws[c][i], resumed.Draws[c][i]);
            }
            Assert.Equal(whole.AcceptanceRates, resumed.AcceptanceRates);
            Assert.Equal(whole.FirstStageAcceptanceRates, resumed.FirstStageAcceptanceRates);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData("truncate-state")]
    [InlineData("flip-state")]
    [InlineData("truncate-draws")]
    [InlineData("flip-draws")]
    public void A_truncated_or_altered_checkpoint_is_refused_with_its_file_named_never_resumed_from(string damage)
    {
        var options = new AdaptiveMetropolisOptions { Iterations = 3_000, BurnIn = 500, Thin = 2 };
        var density = new FunctionLogDensity(2, x => -0.5 * (x[0] * x[0] + x[1] * x[1]));
        string folder = Path.Combine(Path.GetTempPath(), "sourcemodel-mcmc-" + Guid.NewGuid().ToString("N"));
        try
        {
            var checkpoints = new McmcCheckpoints(folder, Every: 1_000);
            McmcSampler.Run(density, [[0.0, 0.0]], [1.0, 1.0], options, seed: 4, checkpoints: checkpoints);
            string state = McmcSampler.ChainFile(folder, 0), draws = state + ".draws";
            // Intact: resuming a finished chain reads it back.
            Assert.Equal(options.Iterations, McmcSampler.CheckpointedIterations(folder, 0));
            string target = damage.EndsWith("state", StringComparison.Ordinal) ? state : draws;
            var bytes = File.ReadAllBytes(target);
            if (damage.StartsWith("truncate", StringComparison.Ordinal)) Array.Resize(ref bytes, bytes.Length / 2);
            else bytes[bytes.Length / 3] ^= 0x40;
            File.WriteAllBytes(target, bytes);
            var e = Assert.ThrowsAny<Exception>(() => McmcSampler.Run(density, [[0.0, 0.0]], [1.0, 1.0], options, seed: 4, checkpoints: checkpoints with { Resume = true }));
            var bad = e as InvalidDataException ?? Assert.IsType<InvalidDataException>(Assert.Single(Assert.IsType<AggregateException>(e).Flatten().InnerExceptions));
            Assert.Contains(target, bad.Message);
            Assert.Contains("without --resume", bad.Message);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Resuming_without_checkpoints_is_a_clear_error()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sourcemodel-mcmc-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<FileNotFoundException>(() => McmcSampler.Run(new FunctionLogDensity(1, x => -x[0] * x[0]), [[0.0]], [1.0],
            new AdaptiveMetropolisOptions { Iterations = 100, BurnIn = 10, AdaptStart = 2 }, seed: 1, checkpoints: new McmcCheckpoints(folder, Resume: true)));
        Assert.Contains("nothing to resume", e.Message);
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
    }

    [Fact]
    public void Diagnostics_flag_chains_that_disagree_and_count_independent_draws_fully()
    {
        var random = new RandomStream(5);
        var iid = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 2_000).Select(_ => random.NextGaussian()).ToArray()).ToArray();
        Assert.InRange(ChainDiagnostics.SplitRHat(iid), 0.99, 1.01);
        Assert.InRange(ChainDiagnostics.EffectiveSampleSize(iid), 0.85 * 8_000, 1.15 * 8_000);
        // One chain shifted by two standard deviations: R̂ well above 1.
        var shifted = iid.Select((c, k) => k == 0 ? c.Select(v => v + 2).ToArray() : c).ToArray();
        Assert.True(ChainDiagnostics.SplitRHat(shifted) > 1.1);
        // A strongly autocorrelated AR(1) chain (φ = 0.9): ESS ≈ n (1 − φ)/(1 + φ) ≈ n/19.
        var ar = new double[4][];
        for (int k = 0; k < 4; k++)
        {
            ar[k] = new double[20_000];
            for (int i = 1; i < ar[k].Length; i++) ar[k][i] = 0.9 * ar[k][i - 1] + Math.Sqrt(1 - 0.81) * random.NextGaussian();
        }
        double ess = ChainDiagnostics.EffectiveSampleSize(ar);
        Assert.InRange(ess, 80_000 / 19.0 * 0.7, 80_000 / 19.0 * 1.3);
        // Quantiles interpolate between order statistics (Hyndman & Fan type 7, R's default).
        double[] five = [5, 1, 4, 2, 3];
        Assert.Equal(3.0, ChainDiagnostics.Quantile(five, 0.5), 12);
        Assert.Equal(2.0, ChainDiagnostics.Quantile(five, 0.25), 12);
        Assert.Equal(1.4, ChainDiagnostics.Quantile(five, 0.1), 12);
        Assert.Equal(5.0, ChainDiagnostics.Quantile(five, 1.0), 12);
    }
}
