using SourceModel.Inversion.Optimisation;

namespace SourceModel.Inversion.Tests;

/// <summary>The optimisers on test functions with known minima (unit-cube coordinates mapped to each function's box).</summary>
public sealed class OptimiserTests
{
    /// <summary>Rosenbrock in d dimensions on [−2, 2]^d: minimum 0 at (1, …, 1).</summary>
    private static FunctionObjective Rosenbrock(int d) => new(d, u =>
    {
        double s = 0;
        for (int k = 0; k + 1 < d; k++)
        {
            double x = 4 * u[k] - 2, y = 4 * u[k + 1] - 2;
            s += 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x);
        }
        return s;
    });

    /// <summary>Rastrigin on [−5.12, 5.12]^d: many local minima, global 0 at the origin.</summary>
    private static FunctionObjective Rastrigin(int d) => new(d, u =>
    {
        double s = 10 * d;
        foreach (double v in u)
        {
            double x = 10.24 * v - 5.12;
            s += x * x - 10 * Math.Cos(2 * Math.PI * x);
        }
        return s;
    });

    /// <summary>Himmelblau on [−6, 6]²: four global minima of value 0.</summary>
    private static FunctionObjective Himmelblau() => new(2, u =>
    {
        double x = 12 * u[0] - 6, y = 12 * u[1] - 6;
        return (x * x + y - 11) * (x * x + y - 11) + (x + y * y - 7) * (x + y * y - 7);
    });

    private static readonly (double X, double Y)[] HimmelblauMinima =
        [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)];

    [Theory]
    [InlineData(SwarmVariant.Constriction)]
    [InlineData(SwarmVariant.Inertia)]
    public void The_particle_swarm_finds_the_rastrigin_global_minimum(SwarmVariant variant)
    {
        var f = Rastrigin(4);
        var r = Executor.Run(new ParticleSwarm(new ParticleSwarmOptions { Variant = variant, SwarmSize = 40 }), f, seed: 11,
            new ExecutorOptions { MaxIterations = 600 });
        Assert.InRange(r.State.BestCost, 0, 1e-6);
        Assert.All(r.State.BestPosition, u => Assert.InRange(10.24 * u - 5.12, -1e-3, 1e-3));
        Assert.Equal(r.State.Evaluations, f.Evaluations);
    }

    [Fact]
    public void Annealing_then_polish_reach_the_rosenbrock_minimum()
    {
        var f = Rosenbrock(3);
        var r = Executor.Run(new SimulatedAnnealing(), f, seed: 5, new ExecutorOptions { MaxIterations = 300 });
        Assert.True(r.State.BestCost < 0.5, $"annealing alone reached {r.State.BestCost}");
        var p = NelderMeadPolish.Run(f, r.State.BestPosition, r.State.BestCost);
        Assert.InRange(p.Cost, 0, 1e-10);
        Assert.All(p.Position, u => Assert.InRange(4 * u - 2, 1 - 1e-4, 1 + 1e-4));
        Assert.True(p.Improvement >= 0);
    }

    [Fact]
    public void The_multi_peak_swarm_keeps_all_four_himmelblau_minima()
    {
        var r = Executor.Run(new MultiPeakSwarm(new MultiPeakSwarmOptions { SwarmSize = 60, SpeciesRadius = 0.08, MaxSpeciesSize = 12 }),
            Himmelblau(), seed: 3, new ExecutorOptions { MaxIterations = 300 });
        var peaks = MultiPeakSwarm.Peaks(r.State);
        foreach (var (x, y) in HimmelblauMinima)
        {
            var near = peaks.Where(p => Math.Abs(12 * p.Position[0] - 6 - x) < 0.01 && Math.Abs(12 * p.Position[1] - 6 - y) < 0.01).ToList();
            Assert.True(near.Count == 1, $"minimum ({x}, {y}) should be one peak; peaks: {string.Join("; ", peaks.Select(p => $"({12 * p.Position[0] - 6:F3}, {12 * p.Position[1] - 6:F3}) {p.Cost:G3}"))}");
            Assert.InRange(near[0].Cost, 0, 1e-4);
        }
        Assert.Equal(peaks.OrderBy(p => p.Cost).Select(p => p.Cost), peaks.Select(p => p.Cost));
    }

    [Fact]
    public void The_executor_reports_why_it_stopped()
    {
        var f = Rosenbrock(2);
        var pso = new ParticleSwarm(new ParticleSwarmOptions { SwarmSize = 10 });
        Assert.Equal(TerminationReason.MaxIterations, Executor.Run(pso, f, 1, new ExecutorOptions { MaxIterations = 5 }).Reason);
        var byEvaluations = Executor.Run(pso, f, 1, new ExecutorOptions { MaxEvaluations = 35 });
        Assert.Equal(TerminationReason.MaxEvaluations, byEvaluations.Reason);
        Assert.Equal(40, byEvaluations.State.Evaluations);   // the budget is checked between iterations of 10
        Assert.Equal(TerminationReason.TargetReached, Executor.Run(pso, f, 1, new ExecutorOptions { TargetCost = 1e3 }).Reason);
        Assert.Equal(TerminationReason.TimeLimit, Executor.Run(pso, new FunctionObjective(2, u => { Thread.Sleep(2); return u[0]; }), 1,
            new ExecutorOptions { TimeLimit = TimeSpan.FromMilliseconds(30) }).Reason);
        var flat = Executor.Run(pso, new FunctionObjective(2, _ => 1.0), 1, new ExecutorOptions { StagnationIterations = 5 });
        Assert.Equal(TerminationReason.Stagnated, flat.Reason);
        Assert.Equal(5, flat.State.Iteration);
        var converged = Executor.Run(new ParticleSwarm(new ParticleSwarmOptions { SwarmSize = 10, ConvergenceRadius = 1e-3 }),
            new FunctionObjective(2, u => (u[0] - 0.3) * (u[0] - 0.3) + (u[1] - 0.6) * (u[1] - 0.6)), 1, new ExecutorOptions { MaxIterations = 5000 });
        Assert.Equal(TerminationReason.Converged, converged.Reason);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Equal(TerminationReason.Cancelled, Executor.Run(pso, f, 1, new ExecutorOptions { Cancellation = cancelled.Token }).Reason);
    }

    private sealed class CancelAt(CancellationTokenSource source, int iteration) : IObserver
    {
        public void Observe(IterationReport report)
        {
            if (report.Iteration == iteration) source.Cancel();
        }
    }

    private sealed class Recorder : IObserver
    {
        public List<IterationReport> Reports { get; } = [];
        public void Observe(IterationReport report) => Reports.Add(report);
    }

    [Theory]
    [InlineData("pso")]
    [InlineData("mpso")]
    [InlineData("sa")]
    public void A_run_cancelled_and_resumed_from_its_checkpoint_ends_exactly_as_an_uninterrupted_run(string method)
    {
        using var temp = new TempFiles();
        var f = Rastrigin(3);
        var limits = new ExecutorOptions { MaxIterations = 60, CheckpointEvery = 7 };
        switch (method)
        {
            case "pso": Check(new ParticleSwarm(), s => s.Positions); break;
            case "mpso": Check(new MultiPeakSwarm(), s => s.PeakPositions); break;
            default: Check(new SimulatedAnnealing(), s => s.Steps); break;
        }

        void Check<T>(ISolver<T> solver, Func<T, double[]> detail) where T : SolverState
        {
            var whole = Executor.Run(solver, f, 99, limits);
            string checkpoint = Path.Combine(temp.Root, "run.checkpoint.json");
            using var cts = new CancellationTokenSource();
            var first = Executor.Run(solver, f, 99, limits with { CheckpointPath = checkpoint, Cancellation = cts.Token }, new CancelAt(cts, 23));
            Assert.Equal(TerminationReason.Cancelled, first.Reason);
            Assert.Equal(23, first.State.Iteration);
            var recorder = new Recorder();
            var resumed = Executor.Resume(solver, f, checkpoint, limits, recorder);
            Assert.Equal(TerminationReason.MaxIterations, resumed.Reason);
            Assert.Equal(24, recorder.Reports[0].Iteration);
            Assert.Equal(whole.State.BestPosition, resumed.State.BestPosition);
            Assert.Equal(whole.State.BestCost, resumed.State.BestCost);
            Assert.Equal(whole.State.Evaluations, resumed.State.Evaluations);
            Assert.Equal(detail(whole.State), detail(resumed.State));
            Assert.Equal(whole.History, resumed.History);
        }
    }

    [Fact]
    public void A_checkpoint_of_another_solver_or_problem_is_refused()
    {
        using var temp = new TempFiles();
        string checkpoint = Path.Combine(temp.Root, "c.json");
        Executor.Run(new ParticleSwarm(), Rastrigin(3), 1, new ExecutorOptions { MaxIterations = 2, CheckpointPath = checkpoint });
        Assert.Contains("solver 'pso'", Assert.Throws<ArgumentException>(() => Executor.Resume(new SimulatedAnnealing(), Rastrigin(3), checkpoint)).Message);
        Assert.Contains("3 coordinates", Assert.Throws<ArgumentException>(() => Executor.Resume(new ParticleSwarm(), Rastrigin(4), checkpoint)).Message);
        File.WriteAllText(checkpoint, "{ not json");
        Assert.Contains("not a readable checkpoint", Assert.Throws<ArgumentException>(() => Executor.Resume(new ParticleSwarm(), Rastrigin(3), checkpoint)).Message);
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_and_another_seed_another()
    {
        var a = Executor.Run(new ParticleSwarm(), Rastrigin(3), 4, new ExecutorOptions { MaxIterations = 20 });
        var b = Executor.Run(new ParticleSwarm(), Rastrigin(3), 4, new ExecutorOptions { MaxIterations = 20 });
        var c = Executor.Run(new ParticleSwarm(), Rastrigin(3), 5, new ExecutorOptions { MaxIterations = 20 });
        Assert.Equal(a.State.Positions, b.State.Positions);
        Assert.NotEqual(a.State.Positions, c.State.Positions);
    }
}
