using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Scenarios;
using SourceModel.Inversion.Uncertainty;
using SourceModel.Sampling;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>Issue 8, "must show": Monte Carlo re-inversion of the Jiashi synthetic — spreads that shrink with the noise
/// and contain the truth; a shard gives exactly the rows of the whole run.</summary>
public sealed class MonteCarloTests(ITestOutputHelper output)
{
    private static readonly MonteCarloOptions Options = new()
    {
        Realisations = 12, Seed = 5,
        Search = new GeometrySearchOptions
        {
            Swarm = new ParticleSwarmOptions { SwarmSize = 30 }, Executor = new ExecutorOptions { MaxIterations = 80 },
            Polish = new PolishOptions { MaxEvaluations = 1_500 },
        },
    };

    private static GeometryProblem ProblemFor(IReadOnlyList<GeodeticDataset> data)
    {
        var layout = new SourceLayout([new SourceTemplate("fault", SourceKind.Rectangle)]);
        return new GeometryProblem(layout, layout.Space(JiashiFixture.Bounds), data.Select(d => DatasetTerm.Prepare(d, NuisanceModel.Offset)));
    }

    private static IReadOnlyList<GeodeticDataset> Data(double noise) =>
        Jiashi2020.Build(new JiashiScenarioOptions { NoiseSigma = noise, Seed = 8 }).Datasets;

    [Fact]
    public void Spreads_shrink_as_the_noise_falls_and_contain_the_truth()
    {
        var loud = MonteCarlo.Run(Data(0.010), ProblemFor, Options);
        var quiet = MonteCarlo.Run(Data(0.0025), ProblemFor, Options);
        var (sLoud, sQuiet) = (loud.StandardDeviation(), quiet.StandardDeviation());
        foreach (var name in new[] { "fault.depth", "fault.dip", "fault.slip", "fault.length", "fault.strike" })
        {
            int i = Array.IndexOf(loud.Names, name);
            double truth = JiashiFixture.Truth[name];
            output.WriteLine($"{name}: σ(10 mm) {sLoud[i]:G3}, σ(2.5 mm) {sQuiet[i]:G3}; truth {truth} in [{loud.Percentile(i, 0):G5}, {loud.Percentile(i, 1):G5}] and [{quiet.Percentile(i, 0):G5}, {quiet.Percentile(i, 1):G5}]");
            // Four times less noise: the spread falls (by about four for a linearised problem; at least by half here).
            Assert.InRange(sQuiet[i], 0, 0.5 * sLoud[i]);
            // The truth lies within the mean ± 3 standard deviations of each ensemble.
            foreach (var (m, s) in new[] { (loud.Mean()[i], sLoud[i]), (quiet.Mean()[i], sQuiet[i]) })
                Assert.InRange(truth, m - 3 * s, m + 3 * s);
        }
    }

    [Fact]
    public void A_shard_gives_exactly_the_rows_of_the_whole_run()
    {
        var data = Data(0.005);
        var options = Options with { Realisations = 4 };
        var whole = MonteCarlo.Run(data, ProblemFor, options);
        var shard = MonteCarlo.Run(data, ProblemFor, options, first: 2, count: 2);
        Assert.Equal([2, 3], shard.Indices);
        Assert.Equal(whole.Parameters[2], shard.Parameters[0]);
        Assert.Equal(whole.Parameters[3], shard.Parameters[1]);
        Assert.Equal(whole.Misfits[2..], shard.Misfits);
    }
}
