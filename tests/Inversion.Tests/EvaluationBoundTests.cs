using Xunit.Abstractions;
using SourceModel.Inversion.Optimisation;

namespace SourceModel.Inversion.Tests;

/// <summary>
/// <see cref="GeometrySearchOptions.EvaluationBound"/> — what run-time estimates before a run are built on (issue 21) —
/// bounds the evaluations a real search makes, and is not loose where the search cannot stop early.
/// </summary>
public sealed class EvaluationBoundTests(ITestOutputHelper output)
{
    public static TheoryData<string> Methods => ["pso", "mpso", "sa", "multistart", "starts"];

    private static GeometrySearchOptions Search(string method) => method switch
    {
        "pso" => new() { Method = OptimiserKind.ParticleSwarm, Swarm = new() { SwarmSize = 16 }, Executor = new() { MaxIterations = 40 }, Polish = new() { MaxEvaluations = 300 } },
        "mpso" => new() { Method = OptimiserKind.MultiPeakSwarm, MultiPeak = new() { SwarmSize = 24, MaxPeaks = 3 }, Executor = new() { MaxIterations = 40 }, Polish = new() { MaxEvaluations = 200 } },
        "sa" => new() { Method = OptimiserKind.SimulatedAnnealing, Annealing = new() { SweepsPerIteration = 2 }, Executor = new() { MaxIterations = 30 }, Polish = new() { MaxEvaluations = 300 } },
        "multistart" => new()
        {
            Method = OptimiserKind.MultiStart, Executor = new() { MaxIterations = 10_000 },
            MultiStart = new() { Starts = 2, SwarmIterations = 40, Swarm = new() { SwarmSize = 16 }, Polish = new() { MaxEvaluations = 250 }, MaxPolishes = 6 },
        },
        _ => new()
        {
            Starts = [JiashiFixture.Problem(JiashiFixture.Clean).Space.Specs.Select(s => 0.5 * (s.Min + s.Max)).ToArray()],
            MultiStart = new() { Polish = new() { MaxEvaluations = 400 } },
        },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_search_never_makes_more_evaluations_than_its_bound(string method)
    {
        var problem = JiashiFixture.Problem(JiashiFixture.Clean);
        var search = Search(method) with { Seed = 3 };
        var result = GeometryInversion.Run(problem, search);
        long bound = search.EvaluationBound(problem.Dimension);
        output.WriteLine($"{method}: {result.Evaluations} evaluations, bound {bound}, {result.Termination}");
        Assert.InRange(result.Evaluations, 1, bound);
        // A swarm without a stagnation stop runs every iteration: the bound is then within its polish budget.
        if (method is "pso") Assert.InRange(result.Evaluations, bound - 300 - 16, bound);
    }

    [Fact]
    public void The_bound_grows_with_every_budget_key_and_stops_at_the_evaluation_limit()
    {
        var pso = Search("pso");
        long b = pso.EvaluationBound(9);
        Assert.Equal(16L * 41 + 300, b);
        Assert.Equal(16L * 81 + 300, (pso with { Executor = new() { MaxIterations = 80 } }).EvaluationBound(9));
        var multi = Search("multistart");
        Assert.Equal(2L * 16 * 41 + 6 * 250, multi.EvaluationBound(9));
        Assert.Equal(2L * 16 * 41 + 6 * 250, multi.EvaluationBound(3));   // the dimension matters only to annealing
        Assert.Equal(2L * 30 * 9 + 300, Search("sa").EvaluationBound(9));
        Assert.Equal(24L * 41 + 4 * 200, Search("mpso").EvaluationBound(9));
        Assert.Equal(500 + 300, (pso with { Executor = new() { MaxIterations = 40, MaxEvaluations = 500 } }).EvaluationBound(9));
    }
}
