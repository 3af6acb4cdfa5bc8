using System.Globalization;

namespace SourceModel.Okada.Tests.Support;

/// <summary>One row of Data/dc3d-fortran-reference.csv (see Data/PROVENANCE.md).</summary>
public sealed record FortranCase(int Line, bool IsRectangle, double Alpha, double X, double Y, double Z, double Depth,
    double Dip, double[] P, double[] Expected, int Iret)
{
    public Dc3dSource Rectangle => new(Alpha, Depth, Dip, P[0], P[1], P[2], P[3], P[4], P[5], P[6]);
    public Dc3d0Source Point => new(Alpha, Depth, Dip, P[0], P[1], P[2], P[3]);

    public static IReadOnlyList<FortranCase> Load()
    {
        var lines = File.ReadAllLines(SharedData.TestData("dc3d-fortran-reference.csv"));
        var cases = new List<FortranCase>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var f = lines[i].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            cases.Add(new FortranCase(i + 1, f[0] == 1, f[1], f[2], f[3], f[4], f[5], f[6],
                f[7..14], f[14..26], (int)f[26]));
        }
        return cases;
    }
}
