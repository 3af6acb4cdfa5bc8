using SourceModel.Coulomb.Inp;

namespace SourceModel.Coulomb.Tests;

/// <summary>Coulomb 3 .inp reading, writing and bad input.</summary>
public sealed class InpFileTests : IDisposable
{
    private readonly TempFiles _tmp = new();

    private string Dir => _tmp.Root;

    public void Dispose() => _tmp.Dispose();

    private static string Shared(string name) => Path.Combine(SharedData.Dataset("coulomb34-benchmark")!, name);

    private static void AssertSame(CoulombInput a, CoulombInput b)
    {
        Assert.Equal(a.Titles, b.Titles);
        Assert.Equal((a.Poisson, a.Poisson2, a.Depth, a.Young, a.Young2, a.XSym, a.YSym, a.Friction), (b.Poisson, b.Poisson2, b.Depth, b.Young, b.Young2, b.XSym, b.YSym, b.Friction));
        Assert.Equal(a.Regional, b.Regional);
        Assert.Equal(a.Columns, b.Columns);
        Assert.Equal(a.Elements, b.Elements);
        Assert.Equal(a.Grid, b.Grid);
        Assert.Equal(a.Size, b.Size);
        Assert.Equal(a.CrossSection, b.CrossSection);
        Assert.Equal(a.Map, b.Map);
    }

    [SharedDatasetFact("coulomb34-benchmark")]
    public void Shared_inp_examples_round_trip_through_the_writer_needs_shared_datasets()
    {
        foreach (var name in new[] { "simple_receiver_bm.inp", "M6.5.inp", "Example-2_CSZ_LL.inp" })
        {
            var first = InpReader.Read(Shared(name));
            var path = Path.Combine(Dir, name);
            using (var w = new StreamWriter(path)) InpWriter.Write(first, w);
            AssertSame(first, InpReader.Read(path));
        }
    }

    [SharedDatasetFact("coulomb34-benchmark")]
    public void The_benchmark_file_is_read_as_documented_needs_shared_datasets()
    {
        var c = InpReader.Read(Shared("simple_receiver_bm.inp"));
        Assert.Equal((0.25, 7.5, 8.0e5, 0.4), (c.Poisson, c.Depth, c.Young, c.Friction));
        // The file lists S1, S3, S2: each is found by its name.
        Assert.Equal(new PrincipalStress(19.0001, -0.0001, 100, 0), c.Regional[0]);
        Assert.Equal(new PrincipalStress(109.0001, -0.0001, 0, 0), c.Regional[1]);
        Assert.Equal(new PrincipalStress(89.9999, 89.999, 30, 0), c.Regional[2]);
        Assert.Equal(2, c.Elements.Count);
        Assert.Equal(new CoulombElement(-10, 0, 10, 0, 100, 1, 1, 80.9, 10, 20, "rectangular rupture"), c.Elements[0]);
        Assert.True(c.Elements[1].IsReceiver(c.Columns));
        Assert.Equal(new CoulombBlock(-126.83, -166.79, 126.83, 166.79, 4.23, 5.56, double.NaN), c.Grid);
        Assert.Equal(new CoulombBlock(-36, 36, 38, -36, 1, 30, 1), c.CrossSection);
        var f = c.Elements[0].ToFault(c.Columns);
        Assert.Equal((90.0, 20000.0, -1.0, 1.0), (f.Strike, f.Length, f.Slip.StrikeSlip, f.Slip.DipSlip));
        Assert.Equal(10000 / Math.Sin(80.9 * Math.PI / 180), f.Width, 9);
        // Example-2 says "#fixed= 2" but lists three elements: the table, not the count, is read.
        Assert.Equal(3, InpReader.Read(Shared("Example-2_CSZ_LL.inp")).Elements.Count);
    }

    private const string Head =
        "title one\ntitle two\n#reg1=  0  #reg2=  0  #fixed=  1  sym=  1\n PR1=  0.250  PR2=  0.250  DEPTH=  7.5\n  E1=  8.0e5  E2=  8.0e5\n" +
        "XSYM= .000 YSYM= .000\nFRIC=  0.400\nS1DR= 19 S1DP= 0 S1IN= 100 S1GD= 0\nS2DR= 90 S2DP= 89.9 S2IN= 30 S2GD= 0\nS3DR= 109 S3DP= 0 S3IN= 0 S3GD= 0\n\n" +
        "  #   X-start    Y-start     X-fin      Y-fin   Kode  rt.lat    reverse   dip angle     top      bot\n" +
        "xxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx\n";

    [Theory]
    [InlineData("  1  -10 0 10 0 100 1 1 80.9 10\n", 14, "11 numbers")]
    [InlineData("  1  -10 0 10 0 100 1 abc 80.9 10 20\n", 14, "expected a number, got 'abc'")]
    [InlineData("  1  -10 0 10 0 100 1 1 95 10 20\n", 14, "dip 95")]
    [InlineData("  1  -10 0 10 0 100 1 1 80 -1 20\n", 14, "above the surface")]
    [InlineData("  1  -10 0 10 0 100 1 1 80 20 10\n", 14, "deeper than top")]
    [InlineData("  1  -10 0 10 0 200 1 1 80 10 20\n", 14, "Kode 200 is not supported")]
    [InlineData("  1  0 0 0 0 100 1 1 80 10 20\n", 14, "zero length")]
    [InlineData("\n", 14, "element table is empty")]
    public void Malformed_element_lines_name_their_line(string table, int line, string fragment)
    {
        var path = Path.Combine(Dir, "bad.inp");
        File.WriteAllText(path, Head + table + "\n");
        var e = Assert.Throws<InpFormatException>(() => InpReader.Read(path));
        Assert.Equal(line, e.Line);
        Assert.Contains(fragment, e.Message);
        Assert.StartsWith($"{path}:{line}:", e.Message);
    }

    [Theory]
    [InlineData("FRIC=  0.400", "FRIC=  1.400", 7, "friction must be within [0, 1]")]
    [InlineData(" PR1=  0.250", " PR1=  0.600", 4, "Poisson's ratio")]
    [InlineData("  E1=  8.0e5", "  E1=  -8.0e5", 5, "Young's modulus")]
    public void Impossible_parameters_name_their_line(string from, string to, int line, string fragment)
    {
        var path = Path.Combine(Dir, "bad.inp");
        File.WriteAllText(path, (Head + "  1  -10 0 10 0 100 1 1 80.9 10 20\n\n").Replace(from, to));
        var e = Assert.Throws<InpFormatException>(() => InpReader.Read(path));
        Assert.Equal(line, e.Line);
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void Rake_netslip_tables_give_the_same_fault_as_right_lateral_reverse()
    {
        var path = Path.Combine(Dir, "rake.inp");
        File.WriteAllText(path, Head.Replace("rt.lat    reverse", "rake      netslip") + $"  1  -10 0 10 0 100 135 {Math.Sqrt(2)} 80.9 10 20\n\n");
        var c = InpReader.Read(path);
        Assert.Equal(SlipColumns.RakeNetSlip, c.Columns);
        var f = c.Elements[0].ToFault(c.Columns);
        Assert.Equal(-1, f.Slip.StrikeSlip, 12);   // rake 135, net 1.414 m = 1 m right-lateral + 1 m reverse
        Assert.Equal(1, f.Slip.DipSlip, 12);
    }
}
