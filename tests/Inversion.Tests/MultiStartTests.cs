using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;

namespace SourceModel.Inversion.Tests;

/// <summary>The multi-start search and its competing-minima bookkeeping (issue 19), the conjugate fault geometries it
/// polishes, and the diagnostics a user reads.</summary>
public sealed class MultiStartTests
{
    /// <summary>Himmelblau's function on [−5, 5]², scaled to the unit cube: four minima of cost 0, at (3, 2),
    /// (−2.805118, 3.131313), (−3.779310, −3.283186) and (3.584428, −1.848126). Its "alternatives" are the other three
    /// minima's neighbourhoods, mirrored through the origin and the axes — a stand-in for a fault's conjugates.</summary>
    private sealed class Himmelblau : IObjective, IAlternativeStarts
    {
        public int Dimension => 2;

        private static double F(double x, double y) => Math.Pow(x * x + y - 11, 2) + Math.Pow(x + y * y - 7, 2);

        public double Cost(ReadOnlySpan<double> u) => F(10 * u[0] - 5, 10 * u[1] - 5);

        public void CostBulk(ReadOnlySpan<double> units, Span<double> costs)
        {
            for (int p = 0; p < costs.Length; p++) costs[p] = Cost(units.Slice(2 * p, 2));
        }

        public IReadOnlyList<double[]> Alternatives(ReadOnlySpan<double> u) =>
            [[1 - u[0], u[1]], [u[0], 1 - u[1]], [1 - u[0], 1 - u[1]]];
    }

    [Fact]
    public void One_start_with_alternatives_finds_all_four_minima_of_Himmelblaus_function()
    {
        var run = Executor.Run(new MultiStart(new MultiStartOptions { Starts = 1, Polish = new PolishOptions { MaxEvaluations = 600 } }),
            new Himmelblau(), seed: 4, new ExecutorOptions { MaxIterations = 2_000 });
        Assert.Equal(TerminationReason.Converged, run.Reason);
        var minima = run.State.Minima.Select(m => (X: 10 * m[0] - 5, Y: 10 * m[1] - 5)).ToList();
        (double X, double Y)[] known = [(3, 2), (-2.805118, 3.131313), (-3.779310, -3.283186), (3.584428, -1.848126)];
        foreach (var k in known)
            Assert.Contains(minima, m => Math.Abs(m.X - k.X) < 1e-3 && Math.Abs(m.Y - k.Y) < 1e-3);
        Assert.All(run.State.MinimaCosts.Take(4), c => Assert.InRange(c, 0, 1e-8));
    }

    [Fact]
    public void Without_alternatives_one_start_finds_one_minimum_and_a_checkpointed_run_resumes_to_the_same_answer()
    {
        var options = new MultiStartOptions { Starts = 2, Alternatives = false, Polish = new PolishOptions { MaxEvaluations = 600 } };
        var whole = Executor.Run(new MultiStart(options), new Himmelblau(), seed: 9, new ExecutorOptions { MaxIterations = 5_000 });
        Assert.InRange(whole.State.Minima.Count, 1, 2);
        using var temp = new TempFiles();
        string checkpoint = Path.Combine(temp.Root, "multistart.json");
        var part = Executor.Run(new MultiStart(options), new Himmelblau(), seed: 9, new ExecutorOptions { MaxIterations = 30, CheckpointPath = checkpoint });
        Assert.Equal(TerminationReason.MaxIterations, part.Reason);
        var resumed = Executor.Resume(new MultiStart(options), new Himmelblau(), checkpoint, new ExecutorOptions { MaxIterations = 5_000 });
        Assert.Equal(whole.State.BestCost, resumed.State.BestCost);
        Assert.Equal(whole.State.BestPosition, resumed.State.BestPosition);
        Assert.Equal(whole.State.Evaluations, resumed.State.Evaluations);
    }

    /// <summary>The auxiliary plane against the gCMT solution of the 2009 L'Aquila earthquake, whose two nodal planes
    /// are 120.2/54.2/−112.8 and 336.0/41.6/−61.7 (strike/dip/rake, as given in BEAT's example configuration; see
    /// ../shared/datasets/laquila-2009-envisat-quadtree-beat/PROVENANCE.md), and the involution property.</summary>
    [Fact]
    public void The_auxiliary_plane_matches_the_gCMT_nodal_planes_and_is_its_own_inverse()
    {
        var (s, d, r) = ConjugateGeometries.AuxiliaryPlane(120.2, 54.2, -112.8);
        Assert.Equal(336.0, s, 0.3);
        Assert.Equal(41.6, d, 0.3);
        Assert.Equal(-61.7, r, 0.3);
        var back = ConjugateGeometries.AuxiliaryPlane(336.0, 41.6, -61.7);
        Assert.Equal(120.2, back.Strike, 0.3);
        Assert.Equal(54.2, back.Dip, 0.3);
        Assert.Equal(-112.8, back.Rake, 0.3);
        var rng = new Random(7);
        for (int i = 0; i < 200; i++)
        {
            double s0 = 360 * rng.NextDouble(), d0 = 1 + 88 * rng.NextDouble(), r0 = -179 + 358 * rng.NextDouble();
            var a = ConjugateGeometries.AuxiliaryPlane(s0, d0, r0);
            var b = ConjugateGeometries.AuxiliaryPlane(a.Strike, a.Dip, a.Rake);
            Assert.Equal(0, Math.Abs(((b.Strike - s0) % 360 + 540) % 360 - 180), 1e-6);
            Assert.Equal(d0, b.Dip, 1e-6);
            Assert.Equal(0, Math.Abs(((b.Rake - r0) % 360 + 540) % 360 - 180), 1e-6);
        }
    }

    [Fact]
    public void The_conjugates_of_a_fault_are_its_mirror_twice_and_its_auxiliary_plane_all_inside_the_bounds()
    {
        var layout = new SourceLayout([new SourceTemplate("fault", SourceKind.Rectangle)]);
        var space = layout.Space(Scenarios.SyntheticEvents.GenericBounds(0, 0));
        double[] full = [1_000, -2_000, 3_000, 20_000, 10_000, 100, 60, 30, 1.0, 0];
        var alternatives = ConjugateGeometries.Of(layout, space, full);
        Assert.Equal(3, alternatives.Count);
        var centroid = new RectangularFaultCentroid(full).Value;
        // Mirror about the centroid: strike + 180, same dip, same centroid.
        Assert.Equal(280, alternatives[0][5], 9);
        Assert.Equal(60, alternatives[0][6], 9);
        var m = new RectangularFaultCentroid(alternatives[0]).Value;
        Assert.Equal(centroid.East, m.East, 1e-6);
        Assert.Equal(centroid.Depth, m.Depth, 1e-6);
        // Mirror about the top edge: the same top-edge centre.
        Assert.Equal([1_000, -2_000, 3_000], alternatives[1][..3]);
        // The auxiliary plane: length and width swapped.
        Assert.Equal(10_000, alternatives[2][3]);
        Assert.Equal(20_000, alternatives[2][4]);
        foreach (var a in alternatives)
            foreach (int i in space.FreeIndices)
                Assert.InRange(a[i], space.Specs[i].Min, space.Specs[i].Max);
    }

    private readonly record struct RectangularFaultCentroid(double[] Full)
    {
        public (double East, double North, double Depth) Value =>
            new Okada.Geometry.RectangularFault(Full[0], Full[1], Full[2], Full[3], Full[4], Full[5], Full[6], default).Centroid;
    }

    [Fact]
    public void Bounds_that_leave_no_fault_below_the_surface_are_refused_with_the_parameters_named()
    {
        var layout = new SourceLayout([new SourceTemplate("f", SourceKind.Rectangle, Depth: DepthReference.Centroid)]);
        var bounds = new Dictionary<string, ParameterSpec>(Scenarios.SyntheticEvents.GenericBounds(0, 0).ToDictionary(kv => kv.Key.Replace("fault.", "f."), kv => kv.Value))
        {
            ["f.depth"] = ParameterSpec.Free("", 0, 1_000),
            ["f.width"] = ParameterSpec.Free("", 8_000, 20_000),
            ["f.dip"] = ParameterSpec.Free("", 30, 80),
        };
        var e = Assert.Throws<ArgumentException>(() => layout.Space(bounds));
        Assert.Contains("f.depth", e.Message);
        Assert.Contains("f.width", e.Message);
        Assert.Contains("f.dip", e.Message);
        Assert.Contains("2000 m deep", e.Message);
        bounds["f.depth"] = ParameterSpec.Free("", 0, 2_500);
        _ = layout.Space(bounds);
    }

    [Fact]
    public void A_parameter_at_its_bound_is_reported_except_a_wrapping_angle()
    {
        var layout = new SourceLayout([new SourceTemplate("f", SourceKind.Rectangle)]);
        var space = layout.Space(Scenarios.SyntheticEvents.GenericBounds(0, 0).ToDictionary(kv => kv.Key.Replace("fault.", "f."), kv => kv.Value));
        double[] full = [0, 0, 3_000, 20_000, 29_990, 0.1, 5.0, 179.9, 1.0, 0];
        var hits = SearchDiagnostics.AtBounds(space, full);
        Assert.Equal(["f.width upper", "f.dip lower"], hits.Select(h => $"{h.Parameter} {h.Side}"));
        Assert.Contains("widen them", hits[0].Describe());
    }
}
