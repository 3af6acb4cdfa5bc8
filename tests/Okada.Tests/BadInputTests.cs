using SourceModel.Okada.Geometry;

namespace SourceModel.Okada.Tests;

/// <summary>Invalid input is an ArgumentException naming the parameter, its value and the allowed range.</summary>
public class BadInputTests
{
    private static readonly Dc3dSource Good = new(2.0 / 3.0, 10, 45, -5, 5, -4, 0, 1, 0, 0);

    [Theory]
    [InlineData(-1.0, "DIP = -1", "[0, 90]")]
    [InlineData(90.5, "DIP = 90.5", "[0, 90]")]
    public void Dip_outside_0_to_90_is_rejected(double dip, string named, string range)
    {
        var ex = Assert.Throws<ArgumentException>(() => Okada92.Dc3d(Good with { Dip = dip }, 1, 1, -1));
        Assert.Contains(named, ex.Message);
        Assert.Contains(range, ex.Message);
        Assert.Equal("DIP", ex.ParamName);
    }

    [Fact]
    public void Non_positive_length_or_width_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Okada92.Dc3d(Good with { Al2 = -5 }, 1, 1, -1));
        Assert.Contains("AL1 < AL2", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Okada92.Dc3d(Good with { Aw1 = 0 }, 1, 1, -1));
        Assert.Contains("AW1 < AW2", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new RectangularFault(0, 0, 1, 0, 5, 0, 45, default));
        Assert.Contains("length = 0", ex.Message);
        Assert.Contains("> 0", ex.Message);
    }

    [Fact]
    public void A_fault_whose_top_is_above_the_surface_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Okada92.Dc3d(Good with { Aw2 = 20 }, 1, 1, -1));
        Assert.Contains("above the free surface", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new RectangularFault(0, 0, -1, 5, 5, 0, 45, default));
        Assert.Contains("topDepth = -1", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_values_are_rejected(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => Okada92.Dc3d(Good with { Disl2 = bad }, 1, 1, -1));
        Assert.Contains("DISL2", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Okada92.Dc3d(Good, 1, bad, -1));
        Assert.Contains("Y =", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Okada92.Dc3d(Good, new[] { 1.0, 2.0 }, new[] { 1.0, bad }, new[] { -1.0, -1.0 }, new GradientField(2)));
        Assert.Contains("Y[1]", ex.Message);
    }

    [Fact]
    public void A_point_above_the_surface_is_a_status_not_an_exception()
    {
        var u = Okada92.Dc3d(Good, 1, 1, 2);
        Assert.Equal(OkadaStatus.PositiveZ, u.Status);
        var p = Okada92.Dc3d0(new Dc3d0Source(2.0 / 3.0, 5, 30, 1, 0, 0, 0), 0, 0, 0.1);
        Assert.Equal(OkadaStatus.PositiveZ, p.Status);
    }

    [Fact]
    public void Alpha_outside_its_physical_range_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Okada92.Dc3d(Good with { Alpha = 1.5 }, 1, 1, -1));
        Assert.Contains("ALPHA = 1.5", ex.Message);
    }
}
