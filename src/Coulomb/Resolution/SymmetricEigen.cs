using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Resolution;

/// <summary>Eigenvalues and eigenvectors of a 3×3 symmetric tensor by cyclic Jacobi rotations (converges to machine
/// precision in a handful of sweeps; no allocation beyond the result).</summary>
internal static class SymmetricEigen
{
    /// <summary>Eigenvalues ascending (most compressive first when tension is positive) and unit eigenvectors (columns).</summary>
    public static (double[] Values, double[,] Vectors) Decompose(in SymmetricTensor t)
    {
        double[,] a = { { t.Xx, t.Xy, t.Xz }, { t.Xy, t.Yy, t.Yz }, { t.Xz, t.Yz, t.Zz } };
        double[,] v = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        for (int sweep = 0; sweep < 50; sweep++)
        {
            double off = a[0, 1] * a[0, 1] + a[0, 2] * a[0, 2] + a[1, 2] * a[1, 2];
            double scale = a[0, 0] * a[0, 0] + a[1, 1] * a[1, 1] + a[2, 2] * a[2, 2] + off;
            if (off <= 1e-30 * scale || off == 0) break;
            for (int p = 0; p < 2; p++)
                for (int q = p + 1; q < 3; q++)
                {
                    if (a[p, q] == 0) continue;
                    double theta = 0.5 * (a[q, q] - a[p, p]) / a[p, q];
                    double tt = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) tt = 1;
                    double c = 1 / Math.Sqrt(tt * tt + 1), s = tt * c;
                    for (int k = 0; k < 3; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < 3; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
        }
        var order = new[] { 0, 1, 2 }.OrderBy(i => a[i, i]).ToArray();
        var values = order.Select(i => a[i, i]).ToArray();
        var vectors = new double[3, 3];
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 3; k++) vectors[k, j] = v[k, order[j]];
        return (values, vectors);
    }
}
