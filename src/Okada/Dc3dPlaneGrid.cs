using SourceModel.Okada.Kernels;

namespace SourceModel.Okada;

/// <summary>
/// A plane cut into a regular grid of rectangular patches, each with its own uniform slip, in Okada's frame (DC3D's
/// arguments shared by every patch: α, depth of the reference point, dip; patch (i, j) spans
/// <see cref="AlongNodes"/>[i..i+1] along strike and <see cref="UpDipNodes"/>[j..j+1] up-dip). Adjacent patches share
/// corners, and DC3D is a signed sum over corners, so the whole grid needs (n+1)(m+1) corner evaluations instead of
/// 4nm, each weighted by the signed sum of the slips of the patches that meet there.
/// </summary>
public sealed class Dc3dPlaneGrid
{
    /// <summary>Builds and validates the grid; slip arrays are patch-major with the along-strike index fastest
    /// (patch (i, j) at j·n + i, j counting up-dip from the bottom row).</summary>
    public Dc3dPlaneGrid(double alpha, double depth, double dip, double[] alongNodes, double[] upDipNodes,
        double[] disl1, double[] disl2, double[] disl3)
    {
        int n = alongNodes.Length - 1, m = upDipNodes.Length - 1;
        if (n < 1 || m < 1) throw new ArgumentException("a plane grid needs at least two nodes in each direction.");
        for (int i = 0; i < n; i++)
            if (!(alongNodes[i + 1] > alongNodes[i])) throw new ArgumentException($"along-strike nodes must increase (node {i + 1}).");
        for (int j = 0; j < m; j++)
            if (!(upDipNodes[j + 1] > upDipNodes[j])) throw new ArgumentException($"up-dip nodes must increase (node {j + 1}).");
        if (disl1.Length != n * m || disl2.Length != n * m || disl3.Length != n * m)
            throw new ArgumentException($"give one slip per patch ({n * m}).");
        // DC3D's own checks on the whole plane (α, dip, depth, top edge not above the surface).
        new Dc3dSource(alpha, depth, dip, alongNodes[0], alongNodes[n], upDipNodes[0], upDipNodes[m], 0, 0, 0).Validate();
        Alpha = alpha; Depth = depth; Dip = dip;
        AlongNodes = (double[])alongNodes.Clone();
        UpDipNodes = (double[])upDipNodes.Clone();
        Disl1 = (double[])disl1.Clone(); Disl2 = (double[])disl2.Clone(); Disl3 = (double[])disl3.Clone();
        Corners = new DislocationWeights[(n + 1) * (m + 1)];
        for (int j = 0; j <= m; j++)
            for (int i = 0; i <= n; i++)
            {
                // Chinnery's signs: a patch adds at its (ξ1,η1) and (ξ2,η2) corners and subtracts at the other two.
                double s1 = 0, s2 = 0, s3 = 0;
                void Add(int pi, int pj, double sign)
                {
                    if (pi < 0 || pj < 0 || pi >= n || pj >= m) return;
                    int p = pj * n + pi;
                    s1 += sign * disl1[p]; s2 += sign * disl2[p]; s3 += sign * disl3[p];
                }
                Add(i, j, +1); Add(i - 1, j, -1); Add(i, j - 1, -1); Add(i - 1, j - 1, +1);
                Corners[j * (n + 1) + i] = new DislocationWeights(s1, s2, s3);
            }
    }

    /// <summary>α = (λ+μ)/(λ+2μ).</summary>
    public double Alpha { get; }
    /// <summary>Depth of the reference point, length.</summary>
    public double Depth { get; }
    /// <summary>Dip, degrees.</summary>
    public double Dip { get; }
    /// <summary>Patch boundaries along strike (AL values), increasing.</summary>
    public double[] AlongNodes { get; }
    /// <summary>Patch boundaries up-dip (AW values), increasing.</summary>
    public double[] UpDipNodes { get; }
    /// <summary>Strike-slip per patch.</summary>
    public double[] Disl1 { get; }
    /// <summary>Dip-slip per patch.</summary>
    public double[] Disl2 { get; }
    /// <summary>Opening per patch.</summary>
    public double[] Disl3 { get; }

    /// <summary>Patches along strike.</summary>
    public int Along => AlongNodes.Length - 1;
    /// <summary>Patches down dip.</summary>
    public int Down => UpDipNodes.Length - 1;

    internal DislocationWeights[] Corners { get; }

    /// <summary>Patch (i, j) as a single DC3D source.</summary>
    public Dc3dSource Patch(int i, int j)
    {
        int p = j * Along + i;
        return new Dc3dSource(Alpha, Depth, Dip, AlongNodes[i], AlongNodes[i + 1], UpDipNodes[j], UpDipNodes[j + 1], Disl1[p], Disl2[p], Disl3[p]);
    }
}
