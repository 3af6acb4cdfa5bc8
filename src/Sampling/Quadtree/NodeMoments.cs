namespace SourceModel.Sampling.Quadtree;

/// <summary>
/// Additive sums over the valid pixels of a quadtree node: a parent's moments are the sum of its children's, so every
/// pixel is read once however deep the tree. Coordinates are pixel indices (the plane fit is affine-invariant).
/// </summary>
internal struct NodeMoments
{
    public double N, Z, Zz, I, J, Ii, Jj, Ij, Iz, Jz, M, Mm, Ue, Un, Uu;

    public void Add(in NodeMoments o)
    {
        N += o.N; Z += o.Z; Zz += o.Zz; I += o.I; J += o.J; Ii += o.Ii; Jj += o.Jj; Ij += o.Ij; Iz += o.Iz; Jz += o.Jz;
        M += o.M; Mm += o.Mm; Ue += o.Ue; Un += o.Un; Uu += o.Uu;
    }

    /// <summary>Standard deviation of the values about their mean.</summary>
    public readonly double ScatterAboutMean() => N <= 1 ? 0 : Math.Sqrt(Math.Max(0, (Zz - Z * Z / N) / N));

    /// <summary>RMS of the residual about the least-squares plane z = c + a·i + b·j.</summary>
    public readonly double ScatterAboutPlane()
    {
        if (N <= 3) return 0;
        double mi = I / N, mj = J / N, mz = Z / N;
        double cii = Ii - N * mi * mi, cjj = Jj - N * mj * mj, cij = Ij - N * mi * mj;
        double ciz = Iz - N * mi * mz, cjz = Jz - N * mj * mz, czz = Zz - N * mz * mz;
        double det = cii * cjj - cij * cij;
        double explained;
        if (Math.Abs(det) > 1e-12 * Math.Max(1, cii * cjj))
        {
            double a = (ciz * cjj - cjz * cij) / det, b = (cjz * cii - ciz * cij) / det;
            explained = a * ciz + b * cjz;
        }
        else
        {
            // Pixels on one line: fit along whichever direction varies.
            explained = cii > cjj ? (cii > 0 ? ciz * ciz / cii : 0) : (cjj > 0 ? cjz * cjz / cjj : 0);
        }
        return Math.Sqrt(Math.Max(0, (czz - explained) / N));
    }

    /// <summary>Standard deviation of the model prediction within the node.</summary>
    public readonly double ModelScatter() => N <= 1 ? 0 : Math.Sqrt(Math.Max(0, (Mm - M * M / N) / N));
}
