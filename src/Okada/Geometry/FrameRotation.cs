namespace SourceModel.Okada.Geometry;

/// <summary>
/// Rotations between east/north/up and a fault frame (x along strike φ, y = up × x, i.e. to the left of strike,
/// z up). With x̂ = (sin φ, cos φ, 0) and ŷ = (−cos φ, sin φ, 0) in east/north/up, a vector v has fault components
/// (v·x̂, v·ŷ, v_up); a displacement gradient G transforms as R·G·Rᵀ with R's columns x̂, ŷ, ẑ.
/// </summary>
public static class FrameRotation
{
    /// <summary>Fault-frame horizontal components of a vector given in east/north.</summary>
    public static (double X, double Y) ToFault(double strikeDegrees, double east, double north)
    {
        var (s, c) = Math.SinCos(strikeDegrees * Math.PI / 180.0);
        return (east * s + north * c, -east * c + north * s);
    }

    /// <summary>East/north components of a vector given in the fault frame.</summary>
    public static (double East, double North) ToEnu(double strikeDegrees, double x, double y)
    {
        var (s, c) = Math.SinCos(strikeDegrees * Math.PI / 180.0);
        return (x * s - y * c, x * c + y * s);
    }

    /// <summary>
    /// The displacement gradient of a fault-frame result expressed in east/north/up: G_enu = R·G·Rᵀ, where
    /// G[i, j] = ∂u_i/∂x_j. The status is carried over.
    /// </summary>
    public static DisplacementGradient ToEnu(double strikeDegrees, in DisplacementGradient g)
    {
        var (s, c) = Math.SinCos(strikeDegrees * Math.PI / 180.0);
        // R columns: x̂ = (s, c, 0), ŷ = (−c, s, 0), ẑ = (0, 0, 1).
        double[,] r = { { s, -c, 0 }, { c, s, 0 }, { 0, 0, 1 } };
        double[,] f = g.GradientTensor();
        var e = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double sum = 0;
                for (int a = 0; a < 3; a++)
                    for (int b = 0; b < 3; b++)
                        sum += r[i, a] * f[a, b] * r[j, b];
                e[i, j] = sum;
            }
        var (ue, un) = ToEnu(strikeDegrees, g.Ux, g.Uy);
        return new DisplacementGradient(ue, un, g.Uz,
            e[0, 0], e[1, 0], e[2, 0],
            e[0, 1], e[1, 1], e[2, 1],
            e[0, 2], e[1, 2], e[2, 2], g.Status);
    }
}
