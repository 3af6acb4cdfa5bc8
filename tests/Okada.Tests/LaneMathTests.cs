using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Tests;

/// <summary>The vectorised elementary functions against the C library (the functions Okada's Fortran calls).</summary>
public class LaneMathTests
{
    private static double UlpError(double expected, double actual) =>
        expected == actual ? 0 : Math.Abs(actual - expected) / Math.Abs(Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected));

    [Fact]
    public void Vector_atan_is_within_two_ulp_of_the_c_library()
    {
        var rng = new Random(7);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double x = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-8, 9));
            var v = Vector256Lanes.Atan(Vector256Lanes.Broadcast(x));
            worst = Math.Max(worst, UlpError(Math.Atan(x), Vector256Lanes.Lane(v, 0)));
        }
        Assert.InRange(worst, 0, 2.0);
        Assert.Equal(Math.PI / 2, Vector256Lanes.Lane(Vector256Lanes.Atan(Vector256Lanes.Broadcast(double.PositiveInfinity)), 0), 15);
        Assert.Equal(0.0, Vector256Lanes.Lane(Vector256Lanes.Atan(Vector256Lanes.Broadcast(0.0)), 0));
    }

    [Fact]
    public void Vector_log_is_within_two_ulp_of_the_c_library()
    {
        var rng = new Random(11);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double x = rng.NextDouble() * Math.Pow(10, rng.Next(-10, 11));
            if (x == 0) continue;
            var v = Vector256Lanes.Log(Vector256Lanes.Broadcast(x));
            worst = Math.Max(worst, UlpError(Math.Log(x), Vector256Lanes.Lane(v, 0)));
        }
        Assert.InRange(worst, 0, 2.0);
    }

    [Fact]
    public void Single_division_atan_of_a_ratio_is_within_three_ulp_over_sixty_decades()
    {
        var rng = new Random(13);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double n = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-30, 31));
            double d = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-30, 31));
            double expected = Math.Atan(n / d);
            var v = LaneMath.AtanRatio(Vector256Lanes.Broadcast(n), Vector256Lanes.Broadcast(d));
            var s = LaneMath.AtanRatio(new ScalarLane(n), new ScalarLane(d));
            worst = Math.Max(worst, Math.Max(UlpError(expected, Vector256Lanes.Lane(v, 0)), UlpError(expected, s.V)));
        }
        Assert.InRange(worst, 0, 3.0);
        Assert.Equal(Math.PI / 2, LaneMath.AtanRatio(new ScalarLane(2.0), new ScalarLane(0.0)).V, 15);
    }
}
