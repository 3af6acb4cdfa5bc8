using SourceModel.Okada.Kernels;
using SourceModel.Okada.Tests.Support;

namespace SourceModel.Okada.Tests;

/// <summary>
/// DC3D and DC3D0 against Okada's own Fortran (NIED 2002 revision, double precision) on 1,790 calls covering every
/// branch; see Data/PROVENANCE.md.
/// </summary>
public class Dc3dFortranReferenceTests
{
    private static readonly IReadOnlyList<FortranCase> Cases = FortranCase.Load();

    // The scalar path evaluates Okada's expressions in Okada's order with the same C library log/atan, so it
    // reproduces the Fortran to the last bit except where a different but equally rounded sequence is forced;
    // 4 ulp of the output scale bounds that.
    private const double ScalarRelative = 1e-15;

    // The vector paths use vectorised log/atan (≤ 2 ulp each, LaneMathTests); cancellation among the eight corner
    // terms can amplify that to ~1e-13 of the output scale. Near (but not snapped to) vertical, DC3D's I3 and I4
    // terms divide a cancelling numerator by cos²δ, so any 1-ulp difference is amplified by 1/cos²δ: that is the
    // conditioning of Okada's formula (the Fortran carries the same error relative to the exact answer).
    private const double VectorRelative = 1e-13;

    private static double Conditioning(FortranCase c)
    {
        double cd = Math.Cos(c.Dip * (6.283185307179586 / 360.0));
        return Math.Abs(cd) < 1e-6 ? 1.0 : Math.Max(1.0, 1.0 / (cd * cd));
    }

    [Fact]
    public void Reference_table_covers_every_status()
    {
        Assert.Contains(Cases, c => c.Iret == 0);
        Assert.Contains(Cases, c => c.Iret == 1 && c.IsRectangle);
        Assert.Contains(Cases, c => c.Iret == 1 && !c.IsRectangle);
        Assert.Contains(Cases, c => c.Iret == 2);
        Assert.True(Cases.Count > 1500);
    }

    [Fact]
    public void Scalar_path_reproduces_fortran_in_every_branch()
    {
        foreach (var c in Cases)
        {
            var u = c.IsRectangle ? Okada92.Dc3d(c.Rectangle, c.X, c.Y, c.Z) : Okada92.Dc3d0(c.Point, c.X, c.Y, c.Z);
            AssertMatches(c, u, ScalarRelative);
        }
    }

    [Theory]
    [InlineData(KernelPath.Vector256)]
    [InlineData(KernelPath.Vector512)]
    [InlineData(KernelPath.Scalar)]
    internal void Batch_paths_reproduce_fortran_in_every_branch(KernelPath path)
    {
        foreach (var c in Cases)
        {
            // Eight copies of the point fill a register, so the vector lanes are exercised, not just the tail.
            var x = Enumerable.Repeat(c.X, 9).ToArray();
            var y = Enumerable.Repeat(c.Y, 9).ToArray();
            var z = Enumerable.Repeat(c.Z, 9).ToArray();
            var o = new GradientField(9);
            if (c.IsRectangle) Okada92.Dc3dBatch(c.Rectangle, x, y, z, o, path, parallel: false);
            else Okada92.Dc3d0Batch(c.Point, x, y, z, o, path, parallel: false);
            double rel = path == KernelPath.Scalar ? ScalarRelative : VectorRelative * Conditioning(c);
            for (int i = 0; i < 9; i++) AssertMatches(c, o[i], rel);
        }
    }

    private static void AssertMatches(FortranCase c, DisplacementGradient u, double rel)
    {
        Assert.True((int)u.Status == c.Iret, $"line {c.Line}: status {u.Status}, Fortran IRET {c.Iret}");
        var actual = u.ToArray();
        // Rounding is relative to the size of the corner terms that are summed, not to their (possibly cancelling)
        // sum: O(|slip|) for displacements and O(|slip|/size) for derivatives (potency/size² and /size³ for the
        // point source). Each group is scaled by the larger of that floor and its own largest value.
        double sourceScale, size;
        if (c.IsRectangle)
        {
            sourceScale = Tolerance.Scale(c.P[4..7]);
            size = Math.Max(c.P[1] - c.P[0], c.P[3] - c.P[2]);
        }
        else
        {
            size = Math.Max(c.Depth, 1.0);
            sourceScale = Tolerance.Scale(c.P[..4]) / (size * size);
        }
        double dispScale = Math.Max(Tolerance.Scale(c.Expected[..3]), sourceScale);
        double gradScale = Math.Max(Tolerance.Scale(c.Expected[3..]), sourceScale / size);
        for (int j = 0; j < 12; j++)
        {
            double scale = j < 3 ? dispScale : gradScale;
            Tolerance.Close(c.Expected[j], actual[j], rel, Math.Max(scale, 1e-300), $"line {c.Line} component {j}");
        }
    }
}
