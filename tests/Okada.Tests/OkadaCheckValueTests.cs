using System.Globalization;
using SourceModel.Okada.Tests.Support;

namespace SourceModel.Okada.Tests;

/// <summary>
/// Okada (1985) Table 2 check values, read from ../shared/datasets/okada-check-values/CHECKVALUES.md (values as
/// asserted in mherman09/Hdef's unit tests to 1e-10; see the PROVENANCE there). Set-up: observation (2, 3) at the
/// surface, depth 4, dip 70°, λ = μ; case 1 a unit-potency point source, case 2 a 3 × 2 rectangle with its reference
/// point at the deep strike-start corner — exactly DC3D's frame with AL = 0..3, AW = 0..2.
/// </summary>
public class OkadaCheckValueTests
{
    private const double Alpha = 2.0 / 3.0;  // λ = μ
    private const double Tolerance = 1e-12;  // relative; the published values carry 17 digits

    private static string CheckValuesFile =>
        Path.Combine(SharedData.Dataset("okada-check-values")!, "CHECKVALUES.md");

    [SharedDatasetFact("okada-check-values")]
    public void Okada1985_table2_surface_displacements_from_shared_datasets()
    {
        var rows = File.ReadAllLines(CheckValuesFile)
            .Where(l => l.StartsWith("| 1 point") || l.StartsWith("| 2 finite"))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        Assert.Equal(6, rows.Count);
        foreach (var r in rows)
        {
            bool point = r[0].StartsWith("1");
            string kind = r[1];
            double[] d = kind.StartsWith("strike") ? [1, 0, 0] : kind.StartsWith("dip") ? [0, 1, 0] : [0, 0, 1];
            var u = point
                ? Okada92.Dc3d0(new Dc3d0Source(Alpha, 4, 70, d[0], d[1], d[2], 0), 2, 3, 0)
                : Okada92.Dc3d(new Dc3dSource(Alpha, 4, 70, 0, 3, 0, 2, d[0], d[1], d[2]), 2, 3, 0);
            var expected = r[2..5].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(OkadaStatus.Normal, u.Status);
            Support.Tolerance.Close(expected[0], u.Ux, Tolerance, 0, $"case {r[0]} {kind} ux");
            Support.Tolerance.Close(expected[1], u.Uy, Tolerance, 0, $"case {r[0]} {kind} uy");
            Support.Tolerance.Close(expected[2], u.Uz, Tolerance, 0, $"case {r[0]} {kind} uz");
        }
    }

    [SharedDatasetFact("okada-check-values")]
    public void Okada1985_table2_point_source_derivatives_from_shared_datasets()
    {
        var line = File.ReadAllLines(CheckValuesFile).SkipWhile(l => !l.StartsWith("Point-source derivatives"))
            .Take(3).Aggregate("", (a, b) => a + " " + b);
        var values = new Dictionary<string, double>();
        foreach (var name in new[] { "uxx", "uxy", "uyx", "uyy", "uzx", "uzy" })
        {
            int i = line.IndexOf(" " + name + " ", StringComparison.Ordinal);
            Assert.True(i >= 0, $"{name} not found in CHECKVALUES.md");
            var token = line[(i + name.Length + 2)..].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('.');
            values[name] = double.Parse(token, CultureInfo.InvariantCulture);
        }
        var u = Okada92.Dc3d0(new Dc3d0Source(Alpha, 4, 70, 1, 0, 0, 0), 2, 3, 0);
        Support.Tolerance.Close(values["uxx"], u.Uxx, Tolerance, 0, "uxx");
        Support.Tolerance.Close(values["uxy"], u.Uxy, Tolerance, 0, "uxy");
        Support.Tolerance.Close(values["uyx"], u.Uyx, Tolerance, 0, "uyx");
        Support.Tolerance.Close(values["uyy"], u.Uyy, Tolerance, 0, "uyy");
        Support.Tolerance.Close(values["uzx"], u.Uzx, Tolerance, 0, "uzx");
        Support.Tolerance.Close(values["uzy"], u.Uzy, Tolerance, 0, "uzy");
    }

    [Fact]
    public void Anuga_case3_vertical_fault_below_the_observation_point_gives_no_uplift()
    {
        // ANUGA test_reproduce_okadas_table, Case 3: x = y = 0, d = 4, dip 90, L = 3, W = 2: uz = 0 for
        // strike and dip slip (the point lies above the fault's strike-start edge, in its plane).
        foreach (var (d1, d2) in new[] { (1.0, 0.0), (0.0, 1.0) })
        {
            var u = Okada92.Dc3d(new Dc3dSource(Alpha, 4, 90, 0, 3, 0, 2, d1, d2, 0), 0, 0, 0);
            Assert.Equal(OkadaStatus.Normal, u.Status);
            Assert.InRange(u.Uz, -1e-17, 1e-17);
        }
    }
}
