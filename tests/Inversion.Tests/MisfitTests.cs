using MathNet.Numerics.LinearAlgebra;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Sampling.Projection;

namespace SourceModel.Inversion.Tests;

/// <summary>The step-1 misfit σ = sqrt(Σ (w·W(d − Gm))² / N) with nuisance terms solved inside.</summary>
public sealed class MisfitTests
{
    private static readonly LosVector Asc = LosVector.FromIncidenceAndHeading(39, -12);
    private static readonly LosVector Dsc = LosVector.FromIncidenceAndHeading(34, -168);
    private static readonly SourceLayout Layout = new([new SourceTemplate("f", SourceKind.Rectangle)]);
    private static readonly RectangularFault Truth = TestProblems.StrikeSlip;

    /// <summary>Bounds around the truth; the free parameters are east, depth and slip.</summary>
    private static ParameterSpace Space(DepthReference reference = DepthReference.Top) =>
        new SourceLayout([new SourceTemplate("f", SourceKind.Rectangle, Depth: reference)]).Space(new Dictionary<string, ParameterSpec>
        {
            ["f.east"] = ParameterSpec.Free("", -10_000, 10_000), ["f.north"] = ParameterSpec.FixedAt("", Truth.North),
            ["f.depth"] = ParameterSpec.Free("", 0, 10_000), ["f.length"] = ParameterSpec.FixedAt("", Truth.Length),
            ["f.width"] = ParameterSpec.FixedAt("", Truth.Width), ["f.strike"] = ParameterSpec.FixedAt("", Truth.Strike),
            ["f.dip"] = ParameterSpec.FixedAt("", Truth.Dip), ["f.rake"] = ParameterSpec.FixedAt("", Truth.Slip.Rake),
            ["f.slip"] = ParameterSpec.Free("", 0, 3),
        });

    private static double[] TrueVector => [Truth.East, Truth.North, Truth.TopDepth, Truth.Length, Truth.Width, Truth.Strike, Truth.Dip, Truth.Slip.Rake, Truth.Slip.Magnitude, 0];

    [Fact]
    public void The_misfit_is_the_weighted_whitened_rms_over_all_data_computed_by_hand()
    {
        var a = TestProblems.Los("a", Truth, Asc, sigma: Enumerable.Range(0, 144).Select(i => 0.01 + 0.0001 * i).ToArray(), weight: 0.8);
        var d = TestProblems.Los("d", Truth, Dsc, side: 10, sigma: Enumerable.Repeat(0.02, 100).ToArray());
        var problem = new GeometryProblem(Layout, Space(), [DatasetTerm.Prepare(a), DatasetTerm.Prepare(d)]);
        var model = TrueVector;
        model[8] = 0.9;   // slip 0.9 instead of 1.2: residual = 0.3/1.2 of the signal
        var predicted = Truth with { Slip = FaultSlip.FromRake(Truth.Slip.Rake, 0.9) };
        double sum = 0;
        foreach (var (data, w) in new[] { (a, 0.8), (d, 1.0) })
        {
            var f = SurfaceDisplacement.Compute([predicted], [], Okada.Mechanics.ElasticMedium.Default, data.East.ToArray(), data.North.ToArray());
            for (int i = 0; i < data.Count; i++)
            {
                double p = f.East[i] * data.UnitEast[i] + f.North[i] * data.UnitNorth[i] + f.Up[i] * data.UnitUp[i];
                double r = w * (data.Value[i] - p) / data.Sigma[i];
                sum += r * r;
            }
        }
        double expected = Math.Sqrt(sum / 244);
        double cost = problem.CostOfFull(model);
        Assert.InRange(cost, expected * (1 - 1e-12), expected * (1 + 1e-12));
        Assert.InRange(problem.CostOfFull(TrueVector), 0, 1e-12);
    }

    [Fact]
    public void A_diagonal_covariance_whitens_exactly_like_the_sigmas()
    {
        var sigma = Enumerable.Range(0, 144).Select(i => 0.005 + 0.0002 * i).ToArray();
        var bySigma = TestProblems.Los("a", Truth, Asc, sigma: sigma, extra: (e, n) => 0.01 * Math.Sin(e / 7000));
        var byCovariance = bySigma.WithCovariance(Matrix<double>.Build.DenseOfDiagonalArray(sigma.Select(s => s * s).ToArray()));
        var p1 = new GeometryProblem(Layout, Space(), [DatasetTerm.Prepare(bySigma, whitening: WhiteningMode.Sigma)]);
        var p2 = new GeometryProblem(Layout, Space(), [DatasetTerm.Prepare(byCovariance, whitening: WhiteningMode.Covariance)]);
        foreach (var u in new[] { new[] { 0.3, 0.2, 0.4 }, [0.5, 0.1, 0.5], [0.9, 0.9, 0.1] })
        {
            double c1 = p1.Cost(u), c2 = p2.Cost(u);
            Assert.InRange(c2, c1 * (1 - 1e-12), c1 * (1 + 1e-12));
        }
    }

    [Theory]
    [InlineData(NuisanceModel.Offset)]
    [InlineData(NuisanceModel.Linear)]
    [InlineData(NuisanceModel.Quadratic)]
    public void Nuisance_terms_are_solved_inside_the_misfit_and_reported_in_physical_units(NuisanceModel model)
    {
        // Offset 3 cm, ramp 2e-7 (2 mm per 10 km) east and −1e-7 north, quadratic 1e-12 per m² east².
        double Ramp(double e, double n) => 0.03 + (model >= NuisanceModel.Linear ? 2e-7 * e - 1e-7 * n : 0) + (model == NuisanceModel.Quadratic ? 1e-12 * e * e : 0);
        var data = TestProblems.Los("a", Truth, Asc, extra: Ramp);
        var problem = new GeometryProblem(Layout, Space(), [DatasetTerm.Prepare(data, model)]);
        Assert.InRange(problem.CostOfFull(TrueVector), 0, 1e-9);
        var fit = GeometryFit.Of(problem, TrueVector).Datasets[0];
        // The polynomial is about the dataset centre; evaluate it at a few points and compare with the ramp.
        foreach (var (e, n) in new[] { (0.0, 0.0), (10_000.0, -5_000.0), (-20_000.0, 15_000.0) })
        {
            double x = e - fit.CentreEast, y = n - fit.CentreNorth;
            double[] basis = [1, x, y, x * x, x * y, y * y];
            double value = fit.Nuisance.Select((c, k) => c * basis[k]).Sum();
            Assert.InRange(value, Ramp(e, n) - 1e-9, Ramp(e, n) + 1e-9);
        }
        Assert.InRange(fit.Rms, 0, 1e-9);
        // Without the nuisance model the same data misfit by the ramp itself.
        var plain = new GeometryProblem(Layout, Space(), [DatasetTerm.Prepare(data)]);
        Assert.True(plain.CostOfFull(TrueVector) > 1.0);
    }

    [Fact]
    public void Bulk_evaluation_equals_one_at_a_time_for_every_group_size()
    {
        var cov = Matrix<double>.Build.Dense(100, 100, (i, j) => 1e-4 * Math.Exp(-Math.Abs(i - j) / 5.0) + (i == j ? 1e-5 : 0));
        var a = TestProblems.Los("a", Truth, Asc, side: 10, covariance: cov);
        var problem = new GeometryProblem(Layout, Space(), [DatasetTerm.Prepare(a, NuisanceModel.Linear), DatasetTerm.Prepare(TestProblems.Los("d", Truth, Dsc))]);
        var r = new Randomness.RandomStream(3);
        for (int count = 1; count <= 11; count++)
        {
            var points = Enumerable.Range(0, count * 3).Select(_ => r.NextDouble()).ToArray();
            var bulk = new double[count];
            problem.CostBulk(points, bulk);
            for (int p = 0; p < count; p++)
            {
                double single = problem.Cost(points.AsSpan(p * 3, 3));
                Assert.InRange(bulk[p], single * (1 - 1e-13), single * (1 + 1e-13));
            }
        }
    }

    [Fact]
    public void A_geometry_above_the_surface_is_penalised_counted_and_never_throws()
    {
        var data = TestProblems.Los("a", Truth, Asc);
        var centroidLayout = new SourceLayout([new SourceTemplate("f", SourceKind.Rectangle, Depth: DepthReference.Centroid)]);
        var problem = new GeometryProblem(centroidLayout, Space(DepthReference.Centroid), [DatasetTerm.Prepare(data)]);
        // Centroid depth 1 km for a 10 km wide fault dipping 70°: the top would be 3.7 km above ground.
        double shallow = problem.Cost([0.5, 0.1, 0.5]), shallower = problem.Cost([0.5, 0.0, 0.5]);
        double valid = problem.Cost([0.5, 0.8, 0.5]);
        Assert.True(double.IsFinite(shallow) && double.IsFinite(shallower));
        Assert.True(shallow > problem.ZeroModelCost && shallow > valid, "an invalid geometry must cost more than any valid model");
        Assert.True(shallower > shallow, "the penalty grows with the violation, steering the search back");
        Assert.Equal(2, problem.InvalidEvaluations);
        Assert.Equal(3, problem.Evaluations);
    }

    [Fact]
    public void Datasets_in_different_frames_or_with_mixed_whitening_are_refused()
    {
        var a = TestProblems.Los("a", Truth, Asc, reference: new GeoReference(13.35, 42.29));
        var b = TestProblems.Los("b", Truth, Dsc, reference: new GeoReference(13.40, 42.29));
        var e = Assert.Throws<ArgumentException>(() => new GeometryProblem(Layout, Space(), [DatasetTerm.Prepare(a), DatasetTerm.Prepare(b)]));
        Assert.Contains("different local frames", e.Message);
        var c = TestProblems.Los("c", Truth, Dsc, reference: new GeoReference(13.35, 42.29));
        e = Assert.Throws<ArgumentException>(() => new GeometryProblem(Layout, Space(), [DatasetTerm.Prepare(a), DatasetTerm.Prepare(c, whitening: WhiteningMode.None)]));
        Assert.Contains("not whitened", e.Message);
    }

    [Fact]
    public void A_point_source_is_realised_from_rake_and_potency()
    {
        var layout = new SourceLayout([new SourceTemplate("p", SourceKind.Point)]);
        var s = layout.Realise([100, 200, 5_000, 30, 60, 90, 1e7], out double violation)!;
        Assert.Equal(0, violation);
        var p = Assert.Single(s.Points);
        Assert.InRange(p.DipPotency, 1e7 - 1e-6, 1e7 + 1e-6);
        Assert.InRange(p.StrikePotency, -1e-6, 1e-6);
        Assert.Null(layout.Realise([100, 200, -5, 30, 60, 90, 1e7], out violation));
        Assert.Equal(5, violation);
    }
}
