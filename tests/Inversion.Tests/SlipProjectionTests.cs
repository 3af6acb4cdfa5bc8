using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Scenarios;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Inversion.Tests;

/// <summary>Variable projection of the slip (issue 19): the constrained 2-D slip solve, the per-component kernel, and
/// the projected misfit against the full one.</summary>
public sealed class SlipProjectionTests
{
    private static double Quadratic(double a11, double a12, double a22, double b1, double b2, double s, double d) =>
        a11 * s * s + 2 * a12 * s * d + a22 * d * d - 2 * (b1 * s + b2 * d);

    /// <summary>The sector solve against a dense polar grid (1/200 of the window × 1/400 of the slip range) over random
    /// positive-definite and semi-definite quadratics and random windows: never worse than the grid by more than its
    /// resolution allows, and always inside the sector.</summary>
    [Fact]
    public void The_sector_minimum_is_no_worse_than_a_dense_grid_and_lies_in_the_sector()
    {
        var rng = new Random(19);
        for (int trial = 0; trial < 300; trial++)
        {
            // A = LLᵀ (rank 1 in every fifth trial), b anywhere.
            double l11 = rng.NextDouble() * 2, l21 = rng.NextDouble() * 2 - 1, l22 = trial % 5 == 0 ? 0 : rng.NextDouble() * 2;
            double a11 = l11 * l11, a12 = l11 * l21, a22 = l21 * l21 + l22 * l22;
            double b1 = 4 * (rng.NextDouble() - 0.5), b2 = 4 * (rng.NextDouble() - 0.5);
            double r1 = -180 + 360 * rng.NextDouble(), width = trial % 3 == 0 ? 360 : 300 * rng.NextDouble();
            var sector = new SlipSector(r1, r1 + width, 0.05, 0.05 + 3 * rng.NextDouble());
            var (s, d) = sector.Minimise(a11, a12, a22, b1, b2);
            double rho = Math.Sqrt(s * s + d * d), rake = sector.RakeOf(s, d);
            Assert.InRange(rho, sector.MinSlip - 1e-12, sector.MaxSlip + 1e-12);
            Assert.InRange(rake, sector.MinRake - 1e-9, sector.MaxRake + 1e-9);
            double q = Quadratic(a11, a12, a22, b1, b2, s, d), grid = double.PositiveInfinity;
            for (int i = 0; i <= 400; i++)
                for (int j = 0; j <= 200; j++)
                {
                    double t = (sector.MinRake + width * j / 200.0) * Math.PI / 180, p = sector.MinSlip + (sector.MaxSlip - sector.MinSlip) * i / 400.0;
                    grid = Math.Min(grid, Quadratic(a11, a12, a22, b1, b2, p * Math.Cos(t), p * Math.Sin(t)));
                }
            Assert.True(q <= grid + 1e-9, $"trial {trial}: sector minimum {q} above the grid's {grid}");
        }
    }

    [Fact]
    public void A_fixed_rake_solves_the_slip_on_a_ray_and_a_fixed_slip_on_an_arc()
    {
        // Free minimum at (1, 1) (rake 45°, |s| = √2) for A = I, b = (1, 1).
        var ray = new SlipSector(90, 90, 0, 5).Minimise(1, 0, 1, 1, 1);
        Assert.Equal(0, ray.StrikeSlip, 12);
        Assert.Equal(1, ray.DipSlip, 12);
        var arc = new SlipSector(-180, 180, 1, 1).Minimise(1, 0, 1, 1, 1);
        Assert.Equal(Math.Sqrt(0.5), arc.StrikeSlip, 8);
        Assert.Equal(Math.Sqrt(0.5), arc.DipSlip, 8);
        var inside = new SlipSector(0, 90, 0, 5).Minimise(1, 0, 1, 1, 1);
        Assert.Equal(1, inside.StrikeSlip, 12);
        Assert.Equal(1, inside.DipSlip, 12);
    }

    [Fact]
    public void The_component_kernel_equals_two_forward_models_of_unit_strike_and_dip_slip()
    {
        var fault = new RectangularFault(1_500, -2_000, 1_200, 14_000, 7_000, 33, 61, FaultSlip.FromRake(-70, 2));
        var rng = new Random(5);
        int n = 257;
        double[] e = new double[n], no = new double[n], ue = new double[n], un = new double[n], uu = new double[n];
        for (int i = 0; i < n; i++)
        {
            (e[i], no[i]) = (40_000 * (rng.NextDouble() - 0.5), 40_000 * (rng.NextDouble() - 0.5));
            var v = LosVector.FromIncidenceAndHeading(30 + 15 * rng.NextDouble(), -170 + 20 * rng.NextDouble());
            (ue[i], un[i], uu[i]) = (v.East, v.North, v.Up);
        }
        var strike = new double[n];
        var dip = new double[n];
        SurfaceDisplacement.AddProjectedComponents(fault, ElasticMedium.Default, e, no, ue, un, uu, strike, dip);
        var strikeRef = new double[n];
        var dipRef = new double[n];
        SurfaceDisplacement.AddProjected(fault with { Slip = new FaultSlip(1, 0) }, ElasticMedium.Default, e, no, ue, un, uu, strikeRef);
        SurfaceDisplacement.AddProjected(fault with { Slip = new FaultSlip(0, 1) }, ElasticMedium.Default, e, no, ue, un, uu, dipRef);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(strikeRef[i], strike[i], 1e-15 + 1e-12 * Math.Abs(strikeRef[i]));
            Assert.Equal(dipRef[i], dip[i], 1e-15 + 1e-12 * Math.Abs(dipRef[i]));
        }
    }

    [Fact]
    public void The_projected_misfit_equals_the_full_misfit_at_the_solved_slip_and_never_exceeds_it()
    {
        var ev = SyntheticEvents.Build(3);
        var layout = new SourceLayout([new SourceTemplate("fault", SourceKind.Rectangle)]);
        var problem = new GeometryProblem(layout, layout.Space(ev.Bounds), ev.Datasets.Select(d => DatasetTerm.Prepare(d, NuisanceModel.Linear)));
        var projected = SlipProjectedProblem.TryCreate(problem)!;
        Assert.Equal(7, projected.Dimension);
        Assert.Equal(["fault.rake", "fault.slip"], projected.SolvedNames);
        var rng = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            var unit = Enumerable.Range(0, problem.Dimension).Select(_ => rng.NextDouble()).ToArray();
            var full = problem.Space.ToFull(unit);
            var reduced = projected.Reduce(full);
            double cost = projected.Cost(reduced);
            var completed = projected.Complete(reduced);
            if (problem.Layout.Realise(full, out _) is null)
            {
                Assert.True(cost >= problem.PenaltyBase);
                continue;
            }
            // The solved slip is the best one for that geometry: the full misfit there equals the projected misfit,
            // and any other rake and slip does no better.
            Assert.Equal(cost, problem.CostOfFull(completed), 1e-9 * cost);
            Assert.True(cost <= problem.CostOfFull(full) * (1 + 1e-12));
            Assert.InRange(completed[7], -180, 180);
            Assert.InRange(completed[8], 0.05, 5);
        }
        var truth = layout.ParameterNames.Select(n => ev.TrueParameters.GetValueOrDefault(n)).ToArray();
        var atTruth = projected.Complete(projected.Reduce(truth));
        Assert.Equal(ev.Truth.Slip.Rake, atTruth[7], 3.0);   // noise moves the solved rake by a few degrees at most
        Assert.Equal(ev.Truth.Slip.Magnitude, atTruth[8], 0.05 * ev.Truth.Slip.Magnitude);
    }

    [Fact]
    public void Without_a_rake_and_slip_rectangle_there_is_nothing_to_project()
    {
        var layout = new SourceLayout([new SourceTemplate("p", SourceKind.Point)]);
        var ev = SyntheticEvents.Build(1);
        var problem = new GeometryProblem(layout, layout.Space(new Dictionary<string, ParameterSpec>
        {
            ["p.east"] = ParameterSpec.Free("", -5_000, 5_000), ["p.north"] = ParameterSpec.Free("", -5_000, 5_000),
            ["p.depth"] = ParameterSpec.Free("", 1_000, 9_000), ["p.strike"] = ParameterSpec.Free("", 0, 360),
            ["p.dip"] = ParameterSpec.Free("", 5, 89), ["p.rake"] = ParameterSpec.Free("", -180, 180), ["p.potency"] = ParameterSpec.Free("", 1e6, 1e9),
        }), ev.Datasets.Select(d => DatasetTerm.Prepare(d, NuisanceModel.Offset)));
        Assert.Null(SlipProjectedProblem.TryCreate(problem));
    }
}
