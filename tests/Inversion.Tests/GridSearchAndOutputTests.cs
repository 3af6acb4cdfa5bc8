using System.Text.Json;
using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Inversion.Scenarios;
using SourceModel.Okada.Geometry;
using SourceModel.Sampling.Projection;

namespace SourceModel.Inversion.Tests;

public sealed class GridSearchAndOutputTests
{
    private static double[] TruthVector(GeometryProblem p) =>
        p.Space.Specs.Select(s => JiashiFixture.Truth.TryGetValue(s.Name, out double v) ? v : 0.0).ToArray();

    [Fact]
    public void A_dip_scan_with_the_rest_refitted_has_its_minimum_at_the_true_dip()
    {
        var problem = JiashiFixture.Problem(JiashiFixture.Clean);
        var start = TruthVector(problem);
        start[problem.Space.IndexOf("fault.slip")] = 0.5;      // the refit must find slip and the rest again
        start[problem.Space.IndexOf("fault.depth")] = 5_500;
        var scan = GridSearch.Run(problem, new GridAxis("fault.dip", [4, 6.8, 8.8, 10.8, 14, 20]), null, start, new PolishOptions { MaxEvaluations = 1500 });
        Assert.True(scan.Reoptimised);
        Assert.Equal((2, 0), scan.Minimum);
        // Misfit grows away from the true dip on both sides.
        Assert.True(scan.Cost(0) > scan.Cost(1) && scan.Cost(1) > scan.Cost(2));
        Assert.True(scan.Cost(5) > scan.Cost(4) && scan.Cost(4) > scan.Cost(3) && scan.Cost(3) > scan.Cost(2));
        Assert.All(scan.Parameters, p => Assert.Equal(10, p.Length));
    }

    [Fact]
    public void A_two_parameter_scan_without_refit_evaluates_every_node_at_the_start_values()
    {
        var problem = JiashiFixture.Problem(JiashiFixture.Clean);
        var start = TruthVector(problem);
        var depth = GridAxis.Linear("fault.depth", 3_580, 5_580, 3);
        var dip = GridAxis.Linear("fault.dip", 6.8, 10.8, 3);
        var scan = GridSearch.Run(problem, depth, dip, start);
        Assert.False(scan.Reoptimised);
        Assert.Equal(9, scan.Costs.Length);
        Assert.Equal((1, 1), scan.Minimum);
        var node = (double[])start.Clone();
        node[problem.Space.IndexOf("fault.depth")] = 3_580;
        node[problem.Space.IndexOf("fault.dip")] = 10.8;
        Assert.Equal(problem.CostOfFull(node), scan.Cost(0, 2));
        Assert.Throws<ArgumentException>(() => GridSearch.Run(problem, new GridAxis("fault.dipp", [1]), null, start));
        Assert.Throws<ArgumentException>(() => GridSearch.Run(problem, depth, depth, start));
    }

    [Fact]
    public void The_geojson_outline_holds_the_corners_and_the_trace_lies_up_dip_at_the_surface()
    {
        var fault = Jiashi2020.Truth;
        var json = FaultGeoJson.ToJson(new SourceSet([fault], []), null);
        using var doc = JsonDocument.Parse(json);
        var features = doc.RootElement.GetProperty("features");
        Assert.Equal(2, features.GetArrayLength());
        var ring = features[0].GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.Equal(5, ring.GetArrayLength());
        var corners = fault.Corners();
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(corners[k].East, ring[k][0].GetDouble(), 9);
            Assert.Equal(-corners[k].Depth, ring[k][2].GetDouble(), 9);
        }
        var trace = features[1].GetProperty("geometry").GetProperty("coordinates");
        // The surface trace is the top edge moved up-dip by topDepth/tan(dip), i.e. to the left of the strike direction.
        double h = fault.TopDepth / Math.Tan(fault.Dip * Math.PI / 180);
        double midE = 0.5 * (trace[0][0].GetDouble() + trace[1][0].GetDouble()), midN = 0.5 * (trace[0][1].GetDouble() + trace[1][1].GetDouble());
        Assert.InRange(Math.Sqrt((midE - fault.East) * (midE - fault.East) + (midN - fault.North) * (midN - fault.North)), h - 1e-6, h + 1e-6);
        var (se, sn) = fault.StrikeDirection;
        Assert.True(se * (midN - fault.North) - sn * (midE - fault.East) > 0, "the trace must lie on the up-dip side (left of strike)");
        Assert.Equal(0, trace[0][2].GetDouble());
        // With a reference the coordinates are geographic, near it.
        using var geo = JsonDocument.Parse(FaultGeoJson.ToJson(new SourceSet([fault], []), new GeoReference(77.3, 39.9)));
        var lonlat = geo.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0];
        Assert.InRange(lonlat[0].GetDouble(), 77.1, 77.5);
        Assert.InRange(lonlat[1].GetDouble(), 39.8, 40.0);
    }

    [Fact]
    public void Moment_and_magnitude_of_the_published_jiashi_source()
    {
        // M0 = μ·L·W·s = 30 GPa × 22.7 km × 4.7 km × 0.37 m = 1.1843e18 N·m → Mw 5.98 (published InSAR Mw ≈ 6.0).
        var s = new SourceSet([Jiashi2020.Truth], []);
        double m0 = s.Moment(Okada.Mechanics.ElasticMedium.Default);
        Assert.InRange(m0, 1.18425e18 - 1e13, 1.18425e18 + 1e13);
        Assert.InRange(SourceSet.MomentMagnitude(m0), 5.982 - 0.001, 5.982 + 0.001);
    }

    [Fact]
    public void The_synthetic_scenario_is_quadtree_like_and_reproducible()
    {
        var a = Jiashi2020.Build(new JiashiScenarioOptions { NoiseSigma = 0.005, Seed = 4 });
        var b = Jiashi2020.Build(new JiashiScenarioOptions { NoiseSigma = 0.005, Seed = 4 });
        int total = a.Datasets.Sum(d => d.Count);
        Assert.InRange(total, 900, 2_000);
        Assert.Equal(a.Datasets[0].Value.ToArray(), b.Datasets[0].Value.ToArray());
        // Leaves are small near the fault and large far from it.
        var d0 = a.Datasets[0];
        var sizes = d0.LeafSize.ToArray();
        Assert.True(sizes.Max() >= 8 * sizes.Min());
        // The noise has the size its covariance says: the RMS of noisy − clean against sqrt(mean of the leaf variances)
        // (each below 5 mm², a leaf averaging over its pixels). Correlated noise leaves few independent samples: ±35 %.
        var clean = JiashiFixture.Clean.Datasets[0].Value.ToArray();
        var noisy = d0.Value.ToArray();
        double rms = Math.Sqrt(noisy.Zip(clean, (x, y) => (x - y) * (x - y)).Average());
        double expected = Math.Sqrt(Enumerable.Range(0, d0.Count).Average(i => d0.Covariance![i, i]));
        Assert.InRange(expected, 0.001, 0.005);
        Assert.InRange(rms, 0.65 * expected, 1.35 * expected);
    }
}
