using System.Globalization;

namespace SourceModel.Cli.Tests;

public class OkadaCommandTests
{
    private static string FortranReference =>
        Path.Combine(AppContext.BaseDirectory, "Data", "dc3d-fortran-reference.csv");

    [Fact]
    public void Dc3d_command_reproduces_okadas_fortran_and_carries_extra_columns()
    {
        using var cli = new CliRunner();
        // Turn the Fortran reference table into a DC3D input with Okada's argument names plus an id column.
        var lines = File.ReadAllLines(FortranReference).Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "1").ToArray();
        var input = new List<string> { "case,ALPHA,X,Y,Z,DEPTH,DIP,AL1,AL2,AW1,AW2,DISL1,DISL2,DISL3" };
        input.AddRange(lines.Select((f, i) => $"c{i}," + string.Join(",", f[1..14])));
        var inPath = cli.Write("cases.csv", string.Join("\n", input) + "\n");
        var (code, stdout, err) = cli.Run("okada", "dc3d", "--in", inPath, "--out", cli.PathOf("out.csv"));
        Assert.True(code == 0, err);
        Assert.Contains($"{lines.Length} DC3D call(s)", stdout);
        var output = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.Equal("case,ALPHA,X,Y,Z,DEPTH,DIP,AL1,AL2,AW1,AW2,DISL1,DISL2,DISL3,UX,UY,UZ,UXX,UYX,UZX,UXY,UYY,UZY,UXZ,UYZ,UZZ,IRET", output[0]);
        for (int i = 0; i < lines.Length; i++)
        {
            var row = output[i + 1].Split(',');
            Assert.Equal($"c{i}", row[0]);
            Assert.Equal(lines[i][26], row[26]);  // IRET
            var expected = lines[i][14..26].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var actual = row[14..26].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            double slip = lines[i][11..14].Max(v => Math.Abs(double.Parse(v, CultureInfo.InvariantCulture)));
            for (int j = 0; j < 12; j++)
                Assert.True(Math.Abs(expected[j] - actual[j]) <= 1e-14 * Math.Max(slip, Math.Abs(expected[j])) + 1e-300,
                    $"row {i} component {j}: {expected[j]:R} vs {actual[j]:R}");
        }
    }

    [Fact]
    public void Dc3d0_command_writes_the_point_source_result_with_round_trip_precision()
    {
        using var cli = new CliRunner();
        var inPath = cli.Write("p.csv", "ALPHA,X,Y,Z,DEPTH,DIP,POT1,POT2,POT3,POT4\n0.6666666666666666,2,3,0,4,70,1,0,0,0\n");
        var (code, _, err) = cli.Run("okada", "dc3d0", "--in", inPath, "--out", cli.PathOf("p-out.csv"));
        Assert.True(code == 0, err);
        var row = File.ReadAllLines(cli.PathOf("p-out.csv"))[1].Split(',');
        // Okada (1985) Table 2, case 1 strike slip, ux (Hdef unit test value).
        Assert.Equal(-9.4474186064630631e-4, double.Parse(row[10], CultureInfo.InvariantCulture), 1e-18);
    }

    [Fact]
    public void Missing_column_is_reported_with_file_and_line_and_no_output_is_written()
    {
        using var cli = new CliRunner();
        var inPath = cli.Write("bad.csv", "ALPHA,X,Y,Z,DEPTH,DIP,AL1,AL2,AW1,AW2,DISL1,DISL2\n0.6,1,1,0,4,70,0,3,0,2,1,0\n");
        var (code, _, err) = cli.Run("okada", "dc3d", "--in", inPath, "--out", cli.PathOf("o.csv"));
        Assert.Equal(1, code);
        Assert.Contains("bad.csv:1: missing column(s) DISL3", err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(File.Exists(cli.PathOf("o.csv")));
    }

    [Fact]
    public void Invalid_number_and_invalid_dip_name_the_line_and_keep_an_existing_output()
    {
        using var cli = new CliRunner();
        var outPath = cli.Write("o.csv", "previous results\n");
        var bad = cli.Write("bad.csv", "ALPHA,X,Y,Z,DEPTH,DIP,AL1,AL2,AW1,AW2,DISL1,DISL2,DISL3\n0.6,1,1,0,4,70,0,3,0,2,1,0,0\n0.6,1,x,0,4,70,0,3,0,2,1,0,0\n");
        var (code, _, err) = cli.Run("okada", "dc3d", "--in", bad, "--out", outPath);
        Assert.Equal(1, code);
        Assert.Contains("bad.csv:3: column Y: expected a finite number, got 'x'", err);
        Assert.Equal("previous results\n", File.ReadAllText(outPath));

        var dip = cli.Write("dip.csv", "ALPHA,X,Y,Z,DEPTH,DIP,AL1,AL2,AW1,AW2,DISL1,DISL2,DISL3\n0.6,1,1,0,4,95,0,3,0,2,1,0,0\n");
        (code, _, err) = cli.Run("okada", "dc3d", "--in", dip, "--out", outPath);
        Assert.Equal(1, code);
        Assert.Contains("dip.csv:2: DIP = 95 degrees: the dip must be in [0, 90]", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void Unknown_options_are_a_usage_error()
    {
        using var cli = new CliRunner();
        var (code, _, err) = cli.Run("okada", "dc3d", "--bogus");
        Assert.Equal(2, code);
        Assert.Contains("error:", err);
    }
}
