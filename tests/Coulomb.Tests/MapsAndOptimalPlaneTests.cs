using SourceModel.Coulomb.Resolution;
using SourceModel.Okada;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Tests;

/// <summary>Optimally oriented planes, grids, cross-sections and receiver patches.</summary>
public sealed class MapsAndOptimalPlaneTests
{
    private static readonly ElasticMedium Medium = ElasticMedium.FromYoung(8e10, 0.25);

    private static double TotalCfs(SymmetricTensor total, ReceiverPlane plane, double friction)
    {
        var r = CoulombStress.Resolve(total, plane, friction);
        return r.Optimal.Coulomb;
    }

    [Fact]
    public void The_optimal_plane_is_the_most_failure_prone_orientation_in_the_total_stress()
    {
        var rng = new Random(12);
        for (int trial = 0; trial < 20; trial++)
        {
            var regional = new RegionalStress([
                new PrincipalAxis(360 * rng.NextDouble(), 30 * rng.NextDouble(), 1e7, 0),
                new PrincipalAxis(360 * rng.NextDouble(), 90 * rng.NextDouble(), 3e6, 0),
                new PrincipalAxis(360 * rng.NextDouble(), 10 * rng.NextDouble(), 0, 0)]).At(0);
            var change = new SymmetricTensor(1e5 * (rng.NextDouble() - 0.5), 1e5 * (rng.NextDouble() - 0.5), 1e5 * (rng.NextDouble() - 0.5),
                1e5 * (rng.NextDouble() - 0.5), 1e5 * (rng.NextDouble() - 0.5), 1e5 * (rng.NextDouble() - 0.5));
            var total = new SymmetricTensor(regional.Xx + change.Xx, regional.Yy + change.Yy, regional.Zz + change.Zz,
                regional.Xy + change.Xy, regional.Xz + change.Xz, regional.Yz + change.Yz);
            var best = OptimalPlanes.Evaluate(change, regional, 0.4);
            double ours = TotalCfs(total, best.Plane, 0.4);
            double brute = double.NegativeInfinity;
            for (double strike = 0; strike < 360; strike += 2)
                for (double dip = 1; dip <= 90; dip += 1)
                    brute = Math.Max(brute, TotalCfs(total, new ReceiverPlane(strike, dip, 0), 0.4));
            // No sampled orientation beats the analytic optimum; the optimum is within the sampling of the best sample.
            Assert.True(ours >= brute - 1e-9 * Math.Abs(brute), $"trial {trial}: optimum {ours:G8} < sampled {brute:G8}");
            Assert.True(ours - brute < 2e-3 * Math.Abs(brute), $"trial {trial}: optimum {ours:G8} far above sampled {brute:G8}");
            // The reported rake is the direction of the total shear traction on that plane.
            var onPlane = CoulombStress.Resolve(total, best.Plane, 0.4);
            Assert.InRange(onPlane.ShearAt(best.Plane.Rake), 0.999999 * Math.Sqrt(onPlane.ShearStrike * onPlane.ShearStrike + onPlane.ShearDip * onPlane.ShearDip), double.MaxValue);
        }
    }

    [Fact]
    public void Regional_stress_axes_become_a_compressive_tensor_with_those_principal_directions()
    {
        var r = new RegionalStress([new PrincipalAxis(0, 0, 100e5, 0), new PrincipalAxis(90, 0, 30e5, 0), new PrincipalAxis(0, 90, 0, 1e3)]);
        var t = r.At(2000);
        Assert.Equal(-100e5, t.Yy, 6);      // S1 north-south, compression positive in → tension-positive tensor
        Assert.Equal(-30e5, t.Xx, 6);
        Assert.Equal(-2e6, t.Zz, 6);        // S3 vertical: 0 + 1000 Pa/m · 2000 m
        Assert.Equal(0, t.Xy, 6);
    }

    [Fact]
    public void Grid_and_cross_section_nodes_cover_their_ranges()
    {
        var (e, n, d) = CoulombMaps.HorizontalGrid(-1000, 1000, 0, 500, 500, [5000, 10000]);
        Assert.Equal(5 * 2 * 2, e.Length);
        Assert.Equal((-1000.0, 0.0, 5000.0), (e[0], n[0], d[0]));
        Assert.Equal((1000.0, 500.0, 10000.0), (e[^1], n[^1], d[^1]));
        var (se, sn, sd, s) = CoulombMaps.CrossSection(0, 0, 3000, 4000, 1000, 0, 2000, 1000);
        Assert.Equal(6 * 3, se.Length);
        Assert.Equal((3000.0, 4000.0, 2000.0, 5000.0), (se[^1], sn[^1], sd[^1], s[^1]));
        Assert.Throws<ArgumentException>(() => CoulombMaps.CrossSection(0, 0, 0, 0, 1000, 0, 2000, 1000));
    }

    [Fact]
    public void A_receiver_patch_on_the_source_plane_sees_a_stress_drop_and_patches_match_point_evaluation()
    {
        var source = new RectangularFault(0, 0, 2000, 20000, 10000, 30, 60, FaultSlip.FromRake(90, 2));
        var patches = DiscretisedSample(source);
        var onPatches = CoulombMaps.OnPatches([source], Medium, 0.4, patches, rake: 90);
        Assert.All(onPatches, p => Assert.True(p.Stress.ShearInRake < 0, "the slipping plane is unloaded in its own rake"));
        var c = patches[3].Centroid;
        var point = CoulombMaps.AtPoints([source], Medium, 0.4, [c.East], [c.North], [c.Depth], ReceiverSpec.Specified(new ReceiverPlane(30, 60, 90)))[0];
        Assert.Equal(point.Stress.Coulomb, onPatches[3].Stress.Coulomb, 9);
        var optimal = CoulombMaps.OnPatches([source], Medium, 0.4, patches, rake: null);
        Assert.All(optimal.Zip(onPatches), z => Assert.True(z.First.Stress.Coulomb >= z.Second.Stress.Coulomb - 1e-9));
    }

    [Theory]
    [InlineData(0.0)]     // left-lateral
    [InlineData(180.0)]   // right-lateral
    public void The_slip_zone_of_a_uniform_slip_source_drops_its_stress_by_the_analytic_amount(double rake)
    {
        // A long vertical strike-slip rectangle deep in the half-space (400 km × 10 km, top at 100 km: the free surface and
        // the ends are far): at mid-width the plane's shear stress in the slip direction falls by the antiplane value of a
        // uniform slip D over a width W in an infinite body, two screw dislocations W/2 away: Δτ = 2μD/(πW) — the stress
        // drop of a long strike-slip fault (Kanamori & Anderson 1975, BSSA 65, 1073, table 1, with its width W/2 doubled by
        // the image of the free surface). μ = 30 GPa, D = 1 m, W = 10 km: 1.91 MPa (19.1 bar).
        const double width = 10_000, slip = 1;
        var source = new RectangularFault(0, 0, 100_000, 400_000, width, 0, 90, FaultSlip.FromRake(rake, slip));
        // The plane in 9 × 5 patches, each resolved in the source's own rake (the per-patch overload, as a slip model's
        // fault plane is), and once in the optimal rake.
        var patches = Enumerable.Range(0, 5).SelectMany(j => Enumerable.Range(0, 9).Select(i =>
            source with { North = -200_000 + (i + 0.5) * 400_000 / 9, TopDepth = 100_000 + j * width / 5, Length = 400_000 / 9.0, Width = width / 5, Slip = default })).ToArray();
        var own = CoulombMaps.OnPatches([source], Medium, 0.4, patches, patches.Select(_ => (double?)rake).ToArray());
        double expected = 2 * Medium.ShearModulus * slip / (Math.PI * width);
        var centre = own[2 * 9 + 4];
        Assert.InRange(-centre.Stress.ShearInRake / expected, 0.98, 1.02);   // measured 1.0001
        Assert.Equal(rake, centre.Plane.Rake, 9);
        // The stress drops over the whole slip zone, most at mid-width; resolved in its optimal rake the same patch
        // shows a rise — the misleading picture the fault-plane default used to give.
        Assert.All(own, p => Assert.True(p.Stress.ShearInRake < 0));
        var optimal = CoulombMaps.OnPatches([source], Medium, 0.4, patches, rake: null);
        Assert.True(optimal[2 * 9 + 4].Stress.Coulomb > 0);
        Assert.Throws<ArgumentException>(() => CoulombMaps.OnPatches([source], Medium, 0.4, patches, new double?[3]));
    }

    private static RectangularFault[] DiscretisedSample(RectangularFault f)
    {
        // Four patches along strike, two down dip, by hand (independent of the discretisation code).
        var list = new List<RectangularFault>();
        double l = f.Length / 4, w = f.Width / 2;
        var (se, sn) = f.StrikeDirection;
        var (sd, cd) = Math.SinCos(f.Dip * Math.PI / 180);
        for (int j = 0; j < 2; j++)
            for (int i = 0; i < 4; i++)
            {
                double along = -f.Length / 2 + (i + 0.5) * l, down = j * w;
                // Top-edge centre of the patch: along strike, then down dip (horizontal offset to the right of strike).
                double e = f.East + along * se + down * cd * sn, n = f.North + along * sn - down * cd * se;
                list.Add(f with { East = e, North = n, TopDepth = f.TopDepth + down * sd, Length = l, Width = w });
            }
        return list.ToArray();
    }

    [Fact]
    public void A_plane_slip_model_gives_the_stress_of_its_patches_summed_one_by_one()
    {
        var rng = new Random(3);
        var plane = new RectangularFault(2000, -1000, 500, 24e3, 12e3, 75, 35, default);
        var slips = Enumerable.Range(0, 6 * 4).Select(_ => FaultSlip.FromRake(60 + 60 * rng.NextDouble(), 2 * rng.NextDouble())).ToArray();
        slips[5] = default;
        var model = new Stress.PlaneSlipModel(plane, 6, 4, slips);
        var (e, n, d) = CoulombMaps.HorizontalGrid(-30e3, 30e3, -30e3, 30e3, 3e3, [0, 4e3, 9e3]);
        var grid = Stress.HalfSpaceStress.Compute([], [model], Medium, e, n, d);
        // Reference: each patch on its own (one rectangle per call, so no grouping), summed here.
        var sum = new Stress.StressField(e.Length);
        foreach (var patch in model.Patches())
        {
            var one = Stress.HalfSpaceStress.Compute([patch], Medium, e, n, d);
            for (int i = 0; i < e.Length; i++)
            {
                sum.Ee[i] += one.Ee[i]; sum.Nn[i] += one.Nn[i]; sum.Uu[i] += one.Uu[i];
                sum.En[i] += one.En[i]; sum.Eu[i] += one.Eu[i]; sum.Nu[i] += one.Nu[i];
                if (one.Status[i] != OkadaStatus.Normal) sum.Status[i] = one.Status[i];
            }
        }
        // Loose rectangles that tile the plane are grouped automatically and give the same field.
        var loose = Stress.HalfSpaceStress.Compute(model.Patches().Reverse().ToArray(), Medium, e, n, d);
        Assert.Equal(plane.Area, model.Patches().Sum(p => p.Area), 3);
        for (int i = 0; i < e.Length; i++)
        {
            Assert.Equal(sum.Status[i], grid.Status[i]);
            var a = grid[i];
            var b = sum[i];
            double scale = new[] { b.Xx, b.Yy, b.Zz, b.Xy, b.Xz, b.Yz }.Max(Math.Abs) + 1e3;
            var c = loose[i];
            foreach (var (x, y) in new[] { (a.Xx, b.Xx), (a.Yy, b.Yy), (a.Zz, b.Zz), (a.Xy, b.Xy), (a.Xz, b.Xz), (a.Yz, b.Yz),
                                           (c.Xx, b.Xx), (c.Yy, b.Yy), (c.Zz, b.Zz), (c.Xy, b.Xy), (c.Xz, b.Xz), (c.Yz, b.Yz) })
                Assert.True(Math.Abs(x - y) <= 1e-8 * scale, $"point {i}: {x:R} vs {y:R}");
        }
        Assert.Throws<ArgumentException>(() => new Stress.PlaneSlipModel(plane, 6, 4, slips[..5]).Validated());
    }

    [Fact]
    public void Patches_that_tile_a_plane_are_grouped_back_and_others_are_left_alone()
    {
        var plane = new RectangularFault(1000, 2000, 3000, 30e3, 12e3, 200, 25, default);
        var slips = Enumerable.Range(0, 10 * 4).Select(k => new FaultSlip(0.1 * k, 1 + 0.01 * k)).ToArray();
        var patches = new Stress.PlaneSlipModel(plane, 10, 4, slips).Patches();
        var shuffled = patches.OrderBy(p => (p.East * 7919 + p.North) % 13).Where((_, k) => k != 17).ToArray();   // one cell missing
        var (planes, singles) = Stress.PlaneGrouping.Group(shuffled);
        var found = Assert.Single(planes);
        Assert.Empty(singles);
        Assert.Equal((10, 4), (found.Along, found.Down));
        Assert.Equal(plane.East, found.Plane.East, 6);
        Assert.Equal(plane.North, found.Plane.North, 6);
        Assert.Equal(plane.TopDepth, found.Plane.TopDepth, 6);
        Assert.Equal(1, found.Slips.Count(s => s == default));                 // the missing cell, as zero slip
        Assert.Equal(shuffled.Sum(p => p.Slip.DipSlip), found.Slips.Sum(s => s.DipSlip), 9);
        // Off-grid, out-of-plane or overlapping rectangles are evaluated one by one.
        var moved = patches.Select((p, k) => k == 3 ? p with { East = p.East + 10 } : p).ToArray();
        Assert.Empty(Stress.PlaneGrouping.Group(moved).Planes);
        var twice = patches.Concat([patches[0]]).ToArray();
        Assert.Empty(Stress.PlaneGrouping.Group(twice).Planes);
        Assert.Empty(Stress.PlaneGrouping.Group(patches[..3]).Planes);
    }
}
