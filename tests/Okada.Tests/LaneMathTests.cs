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
}
