using SourceModel.Reports.Tests;

namespace SourceModel.Examples.Tests;

/// <summary>
/// The teaching examples (examples/NN-….cs, docs/teaching.md), each built and run with `dotnet run` as a student
/// would: the numbers they print must obey the physics they claim, and their pages must render in Chromium.
/// </summary>
public sealed class TeachingExampleTests
{
    [Fact]
    public void Example_01_strike_slip_uplift_is_four_lobed_thrusts_lift_the_hanging_wall_normal_faults_drop_it()
    {
        var r = ExampleRun.Of("01");
        // uz of a vertical strike-slip fault is odd in east and in north about its centre (Okada 1985, Fig. 3).
        Assert.InRange(r["strike-slip.uz_east_antisymmetry"], 0, 1e-12);
        Assert.InRange(r["strike-slip.uz_north_antisymmetry"], 0, 1e-12);
        Assert.Equal(r["strike-slip.max_uplift_m"], r["strike-slip.max_subsidence_m"], 12);
        // The thrust's hanging wall (east of the trace) rises; the normal fault's hanging wall sinks, its footwall rises.
        Assert.True(r["thrust.max_uplift_m"] > 3 * r["thrust.max_subsidence_m"]);
        Assert.InRange(r["thrust.max_uplift_east_km"], 0, 10);
        Assert.True(r["normal.max_subsidence_m"] > 3 * r["normal.max_uplift_m"]);
        Assert.InRange(r["normal.max_uplift_east_km"], -20, 0);
        // An opening dyke lifts both flanks symmetrically.
        Assert.InRange(Math.Abs(r["tensile.max_uplift_east_km"]), 1, 10);
    }

    [Fact]
    public void Example_02_a_surface_rupture_steps_by_the_vertical_slip_and_burial_smooths_the_hanging_wall_bulge()
    {
        var r = ExampleRun.Of("02");
        // uz jumps across the trace by slip × sin(dip) = 0.5 m (sampled 100 m apart: within 1 %).
        Assert.InRange(r["surface.jump_at_trace_m"], 0.495, 0.505);
        foreach (string c in new[] { "surface", "buried" })
            Assert.True(r[$"{c}.hanging_wall_mean_uplift_m"] > 2 * Math.Abs(r[$"{c}.footwall_mean_uplift_m"]), $"{c}: the hanging wall must rise above the footwall");
        Assert.True(r["buried.max_uplift_m"] < r["surface.max_uplift_m"]);
        Assert.InRange(r["buried.max_uplift_east_km"], 0.1, 10);
        // The largest uplift comes at an intermediate dip (sin δ grows, the slip goes deeper).
        Assert.True(r["dip_45.max_uplift_m"] > r["dip_15.max_uplift_m"]);
        Assert.True(r["dip_45.max_uplift_m"] > r["dip_60.max_uplift_m"]);
        Assert.True(r["dip_60.bulge_width_km"] > r["dip_15.bulge_width_km"]);
    }

    [Fact]
    public void Example_03_strike_slip_along_the_flight_direction_is_nearly_invisible_in_the_line_of_sight()
    {
        var r = ExampleRun.Of("03");
        // Over the middle of a long strike-slip fault the motion is fault-parallel, so LOS / |u| = |ê · ŝ|:
        // |ê_north| = sin 39° sin 12° = 0.131 for a north-striking fault, |ê_east| = sin 39° cos 12° = 0.616 for an east-striking one.
        double north = Math.Sin(39 * Math.PI / 180) * Math.Sin(12 * Math.PI / 180), east = Math.Sin(39 * Math.PI / 180) * Math.Cos(12 * Math.PI / 180);
        foreach (string track in new[] { "ascending", "descending" })
        {
            Assert.InRange(r[$"strike_slip_north.{track}.los_to_displacement"], 0.97 * north, 1.05 * north);
            Assert.InRange(r[$"strike_slip_east.{track}.los_to_displacement"], 0.97 * east, 1.03 * east);
        }
        // A thrust whose hanging wall moves west and up: towards the ascending satellite (looking east), partly away
        // from the descending one (looking west).
        Assert.True(r["thrust_north.ascending.max_abs_los_m"] > 2 * r["thrust_north.descending.max_abs_los_m"]);
    }

    [Fact]
    public void Example_04_the_screw_dislocation_tends_to_half_the_slip_rate_and_equals_a_long_deep_okada_fault()
    {
        var r = ExampleRun.Of("04");
        foreach (string d in new[] { "D_5km", "D_15km", "D_30km" })
        {
            // v(D) = s/4, dv/dx(0) = s/(πD), v → s/2 far away (Savage & Burford 1973).
            Assert.Equal(0.25, r[$"{d}.v_at_D_over_rate"], 5);
            Assert.Equal(1.0, r[$"{d}.slope_at_trace_times_pi_D_over_rate"], 5);
            Assert.InRange(r[$"{d}.v_at_1000km_over_half_rate"], 0.97, 1.0);
            Assert.True(r[$"{d}.v_at_1000km_over_half_rate"] > r[$"{d}.v_at_200km_over_half_rate"]);
        }
        // The rectangle's bottom at B = 10¹¹ m takes (s/π)·atan(x/B) ≤ 6.4·10⁻⁷ s off within 200 km.
        Assert.InRange(r["okada_vs_screw.max_difference_over_rate"], 0, 1e-6);
        Assert.Equal(5.0, r["creep.step_at_trace_mm_per_yr"], 2);
    }

    [Fact]
    public void Example_05_a_point_source_matches_the_rectangle_once_the_centroid_is_deeper_than_the_fault_is_wide()
    {
        var r = ExampleRun.Of("05");
        double[] depths = [4, 6, 10, 20, 40];
        var differences = depths.Select(d => r[$"depth_{d}km.relative_difference"]).ToArray();
        for (int k = 1; k < differences.Length; k++) Assert.True(differences[k] < differences[k - 1], "the difference must fall with depth");
        Assert.InRange(differences[^2], 0, 0.1);      // centroid at 2 × the fault size: within 10 %
        Assert.InRange(differences[^1], 0, 0.03);     // at 4 ×: within 3 % (the quadrupole term falls as (size/depth)²)
    }

    [Fact]
    public void Example_06_the_particle_swarm_recovers_the_fault_to_the_noise_level()
    {
        var r = ExampleRun.Of("06");
        Assert.InRange(r["misfit"], 0.85, 1.15);
        Assert.InRange(r["fault.dip.recovered"], r["fault.dip.true"] - 3, r["fault.dip.true"] + 3);
        Assert.InRange(r["fault.strike.recovered"], r["fault.strike.true"] - 3, r["fault.strike.true"] + 3);
        Assert.InRange(r["fault.depth.recovered"], r["fault.depth.true"] - 500, r["fault.depth.true"] + 500);
        Assert.InRange(r["fault.slip.recovered"], 0.9 * r["fault.slip.true"], 1.1 * r["fault.slip.true"]);
        Assert.InRange(r["scan.best_dip"], 47, 53);
    }

    [Fact]
    public void Example_07_the_l_curve_trades_misfit_for_roughness_and_its_corner_recovers_the_asperity()
    {
        var r = ExampleRun.Of("07");
        int n = (int)r["weights"];
        for (int k = 2; k <= n; k++)
        {
            Assert.True(r[$"weight_{k}.misfit"] >= r[$"weight_{k - 1}.misfit"] * (1 - 1e-9), "misfit must grow with smoothing");
            Assert.True(r[$"weight_{k}.roughness"] <= r[$"weight_{k - 1}.roughness"] * (1 + 1e-9), "roughness must fall with smoothing");
        }
        Assert.InRange(r["corner.index"], 2, n - 1);
        // At the corner the model explains all but the noise: χ² within ±20 % of the number of data.
        Assert.InRange(r[$"weight_{(int)r["corner.index"]}.misfit"], 0.8 * r["data_count"], 1.2 * r["data_count"]);
        Assert.InRange(r["corner.mw"], r["true.mw"] - 0.05, r["true.mw"] + 0.05);
        Assert.InRange(r["corner.rms_slip_error_m"], 0, 0.2);
    }

    [Fact]
    public void Example_08_receivers_parallel_to_a_strike_slip_source_are_loaded_off_its_tips_and_shadowed_broadside()
    {
        var r = ExampleRun.Of("08");
        foreach (string mu in new[] { "mu0", "mu04", "mu08" })
        {
            Assert.True(r[$"parallel_{mu}.beyond_north_tip_bar"] > 0.1);
            Assert.True(r[$"parallel_{mu}.beyond_south_tip_bar"] > 0.1);
            Assert.True(r[$"parallel_{mu}.broadside_east_bar"] < -0.1);
            Assert.True(r[$"parallel_{mu}.broadside_west_bar"] < -0.1);
        }
        // ΔCFS = Δτ + μ'Δσn is linear in μ'.
        Assert.InRange(r["friction_linearity.max_deviation_bar"], 0, 1e-9);
        // Thrust receivers striking like the source: the pattern is odd along strike and zero broadside (symmetry).
        Assert.Equal(-r["thrust_mu04.beyond_south_tip_bar"], r["thrust_mu04.beyond_north_tip_bar"], 9);
        Assert.InRange(Math.Abs(r["thrust_mu04.broadside_east_bar"]), 0, 1e-9);
    }

    [ChromiumFact]
    public void Every_example_page_renders_in_headless_chromium_without_console_messages()
    {
        foreach (string n in new[] { "01", "02", "03", "04", "05", "06", "07", "08" })
        {
            var run = ExampleRun.Of(n);
            var (dom, console, _) = HeadlessChromium.Render(run.Html, Path.Combine(Path.GetTempPath(), $"sourcemodel-example-{n}.png"));
            Assert.Contains("data-rendered-ms", dom);
            Assert.True(console.Count == 0, $"{run.Name}: {string.Join("; ", console)}");
        }
    }
}
