using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;

namespace SourceModel.Inversion.Tests;

public sealed class ParameterSpaceTests
{
    private static readonly SourceLayout Layout = new([new SourceTemplate("f", SourceKind.Rectangle)]);

    private static Dictionary<string, ParameterSpec> Full() => new()
    {
        ["f.east"] = ParameterSpec.Free("", -1, 1), ["f.north"] = ParameterSpec.FixedAt("", 0), ["f.depth"] = ParameterSpec.Free("", 0, 5),
        ["f.length"] = ParameterSpec.FixedAt("", 10), ["f.width"] = ParameterSpec.FixedAt("", 5), ["f.strike"] = ParameterSpec.FixedAt("", 0),
        ["f.dip"] = ParameterSpec.Free("", 10, 80), ["f.rake"] = ParameterSpec.FixedAt("", 0), ["f.slip"] = ParameterSpec.FixedAt("", 1),
    };

    [Fact]
    public void Unit_cube_and_physical_vectors_map_both_ways()
    {
        var space = Layout.Space(Full());
        Assert.Equal(3, space.FreeCount);
        Assert.Equal(10, space.Count);   // opening defaults to fixed 0
        var full = space.ToFull([0.25, 0.5, 1.0]);
        Assert.Equal(-0.5, full[0]);
        Assert.Equal(2.5, full[2]);
        Assert.Equal(80, full[6]);
        Assert.Equal(10, full[3]);
        Assert.Equal(0, full[9]);
        Assert.Equal([0.25, 0.5, 1.0], space.ToUnit(full));
    }

    [Theory]
    [InlineData("min", "parameter 'f.dip': min 80 is greater than max 10")]
    [InlineData("fixed", "fixed value 95 lies outside its bounds [0, 90]")]
    [InlineData("unknown", "unknown parameter 'f.dipp'")]
    [InlineData("missing", "parameter 'f.rake' is missing")]
    [InlineData("nofree", "no free parameter")]
    [InlineData("equal", "min equals max")]
    [InlineData("steep", "parameter 'f.dip': bounds [10, 95] leave the possible range")]
    [InlineData("negative", "parameter 'f.width': value -5 leave the possible range")]
    public void Bad_bounds_are_refused_before_any_work_with_the_parameter_named(string kind, string message)
    {
        var p = Full();
        switch (kind)
        {
            case "min": p["f.dip"] = ParameterSpec.Free("", 80, 10); break;
            case "fixed": p["f.dip"] = new ParameterSpec("", 0, 90, 95); break;
            case "unknown": p["f.dipp"] = ParameterSpec.Free("", 0, 1); break;
            case "missing": p.Remove("f.rake"); break;
            case "nofree": foreach (var k in new[] { "f.east", "f.depth", "f.dip" }) p[k] = ParameterSpec.FixedAt("", 1); break;
            case "equal": p["f.dip"] = ParameterSpec.Free("", 30, 30); break;
            case "steep": p["f.dip"] = ParameterSpec.Free("", 10, 95); break;
            case "negative": p["f.width"] = new ParameterSpec("", -5, -5, -5); break;
        }
        var e = Assert.Throws<ArgumentException>(() => Layout.Space(p));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Holding_a_parameter_fixed_removes_it_from_the_search()
    {
        var space = Layout.Space(Full()).WithFixed("f.dip", 45);
        Assert.Equal(2, space.FreeCount);
        Assert.Equal(45, space.ToFull([0.5, 0.5])[6]);
        Assert.Throws<ArgumentException>(() => Layout.Space(Full()).WithFixed("f.dip", 85));
    }
}
