using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Resolution;

/// <summary>ΔCFS on the optimally oriented plane at a point, with the plane and its rake.</summary>
/// <param name="Plane">Strike, dip and rake (slip along the total shear traction) of the optimal plane.</param>
/// <param name="Stress">The stress change resolved on it (shear in its rake).</param>
public readonly record struct OptimalPlaneResult(ReceiverPlane Plane, ResolvedStress Stress);

/// <summary>
/// Optimally oriented planes (King, Stein &amp; Lin 1994; Coulomb 3): in the total stress (regional + change), the planes
/// most prone to failure contain σ2 and lie at β = ½·atan(1/μ') from the most compressive axis σ1, on either side of it.
/// On each of the two conjugate planes the change is resolved, shear taken along the total shear traction (the sense
/// the plane would slip), and the plane with the larger ΔCFS is reported.
/// </summary>
public static class OptimalPlanes
{
    /// <summary>The optimal plane for <paramref name="change"/> in the regional stress <paramref name="regional"/> (Pa, tension positive).</summary>
    public static OptimalPlaneResult Evaluate(in SymmetricTensor change, in SymmetricTensor regional, double friction)
    {
        CoulombStress.CheckFriction(friction);
        var total = new SymmetricTensor(regional.Xx + change.Xx, regional.Yy + change.Yy, regional.Zz + change.Zz,
            regional.Xy + change.Xy, regional.Xz + change.Xz, regional.Yz + change.Yz);
        var (_, v) = SymmetricEigen.Decompose(total);
        double beta = 0.5 * Math.Atan2(1, friction);
        (double, double, double) Col(int j) => (v[0, j], v[1, j], v[2, j]);
        var s1 = Col(0);   // most compressive (smallest, tension positive)
        var s3 = Col(2);
        OptimalPlaneResult? best = null;
        foreach (int sign in new[] { 1, -1 })
        {
            // The plane makes angle β with σ1: its normal is at 90° − β from σ1 in the σ1–σ3 plane.
            var n = Normalise((Math.Sin(beta) * s1.Item1 + sign * Math.Cos(beta) * s3.Item1,
                               Math.Sin(beta) * s1.Item2 + sign * Math.Cos(beta) * s3.Item2,
                               Math.Sin(beta) * s1.Item3 + sign * Math.Cos(beta) * s3.Item3));
            if (n.Item3 < 0) n = (-n.Item1, -n.Item2, -n.Item3);
            var plane = PlaneOf(n, total);
            var resolved = CoulombStress.Resolve(change, plane, friction);
            var result = new OptimalPlaneResult(plane, resolved);
            if (best is null || resolved.Coulomb > best.Value.Stress.Coulomb) best = result;
        }
        return best!.Value;
    }

    /// <summary>Strike/dip of the plane with upward normal n, rake along the total shear traction on it.</summary>
    private static ReceiverPlane PlaneOf((double E, double N, double U) n, in SymmetricTensor total)
    {
        double dip = Math.Acos(Math.Clamp(n.U, -1, 1)) * 180 / Math.PI;
        double dipDirection = Math.Sqrt(n.E * n.E + n.N * n.N) < 1e-12 ? 90 : Math.Atan2(n.E, n.N) * 180 / Math.PI;
        double strike = ((dipDirection - 90) % 360 + 360) % 360;
        var provisional = new ReceiverPlane(strike, Math.Min(dip, 90), 0);
        var t = CoulombStress.Resolve(total, provisional, 0);
        double rake = Math.Atan2(t.ShearDip, t.ShearStrike) * 180 / Math.PI;
        return provisional with { Rake = rake };
    }

    private static (double, double, double) Normalise((double X, double Y, double Z) v)
    {
        double m = Math.Sqrt(v.X * v.X + v.Y * v.Y + v.Z * v.Z);
        return (v.X / m, v.Y / m, v.Z / m);
    }
}
