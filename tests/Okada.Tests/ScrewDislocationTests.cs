using SourceModel.Okada.Geometry;

namespace SourceModel.Okada.Tests;

public class ScrewDislocationTests
{
    [Fact]
    public void Screw_dislocation_equals_dc3d_for_a_very_long_vertical_fault_slipping_below_the_locking_depth()
    {
        // DC3D: vertical fault, strike along x, from depth D down to 1e13 m and ±1e15 m along strike, 1 unit of
        // left-lateral slip. Okada's y is to the left of strike, so the screw distance (right of strike) is −y.
        double d = 15e3, bottom = 1e13;
        var dc3d = new Dc3dSource(2.0 / 3.0, d, 90, -100 * bottom, 100 * bottom, -bottom, 0, 1, 0, 0);
        var screw = new ScrewDislocation(1, d).Validated();
        foreach (var y in new[] { -2e5, -5e4, -1e4, -1e3, -1.0, 1.0, 1e3, 2e4, 2e5 })
        {
            double expected = Okada92.Dc3d(dc3d, 0, y, 0).Ux;
            double actual = screw.FaultParallelVelocity(-y);
            Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"y = {y}: screw {actual}, DC3D {expected}");
        }
    }

    [Fact]
    public void Far_field_velocity_tends_to_plus_minus_half_the_slip_rate()
    {
        var screw = new ScrewDislocation(-0.03, 20e3).Validated();  // 30 mm/yr right-lateral
        Assert.Equal(-0.015, screw.FaultParallelVelocity(1e13), 10);
        Assert.Equal(0.015, screw.FaultParallelVelocity(-1e13), 10);
        Assert.Equal(0.0, screw.FaultParallelVelocity(0), 15);
        // At one locking depth from the fault the velocity is a quarter of the rate: atan(1)/π = 1/4.
        Assert.Equal(-0.0075, screw.FaultParallelVelocity(20e3), 12);
    }

    [Fact]
    public void Shallow_creep_adds_a_step_of_the_creep_rate_across_the_trace()
    {
        var screw = new ScrewDislocation(0.02, 15e3, CreepRate: 0.005, CreepDepth: 3e3).Validated();
        double step = screw.FaultParallelVelocity(1e-3) - screw.FaultParallelVelocity(-1e-3);
        Assert.Equal(0.005, step, 6);
        // Far away the creep contribution vanishes: c·(1/2 − atan(x/dc)/π) → 0.
        Assert.Equal(0.01, screw.FaultParallelVelocity(1e13), 10);
    }

    [Fact]
    public void Placed_screw_dislocation_moves_points_parallel_to_strike()
    {
        var fault = new ScrewDislocationFault(new ScrewDislocation(0.02, 10e3), 0, 0, 90);  // strikes east
        // Right of an east-striking trace is south.
        Assert.Equal(-5e3, fault.Distance(0, 5e3), 9);
        var (ve, vn) = fault.Velocity(0, -1e13);
        Assert.Equal(0.01, ve, 8);
        Assert.Equal(0.0, vn, 8);
    }

    [Fact]
    public void Creep_deeper_than_the_locking_depth_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ScrewDislocation(0.02, 10e3, 0.01, 20e3).Validated());
        Assert.Contains("CreepDepth", ex.Message);
    }
}
