using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Resolution;

/// <summary>Resolves stress tensors on receiver planes: normal stress, shear along strike and dip, ΔCFS.</summary>
public static class CoulombStress
{
    /// <summary>Coulomb 3's default effective friction.</summary>
    public const double DefaultFriction = 0.4;

    /// <summary>Resolves <paramref name="stress"/> (east/north/up, Pa, tension positive) on <paramref name="plane"/>.</summary>
    public static ResolvedStress Resolve(in SymmetricTensor stress, ReceiverPlane plane, double friction = DefaultFriction)
    {
        CheckFriction(friction);
        var (s, up, n) = plane.Validated().Axes();
        // Traction t = σ·n on the plane whose normal n points into the hanging wall. The shear that drives the hanging
        // wall along a direction v is t·v, the normal stress t·n (tension positive). This reproduces Coulomb 3.4's
        // element output to all printed digits (tests/Coulomb.Tests, shared coulomb34-benchmark), where a slipping
        // source sees a stress drop in its own slip direction.
        var (tx, ty, tz) = stress.Traction(n.E, n.N, n.U);
        double normal = tx * n.E + ty * n.N + tz * n.U;
        double shearStrike = tx * s.E + ty * s.N + tz * s.U;
        double shearDip = tx * up.E + ty * up.N + tz * up.U;
        return new ResolvedStress(shearStrike, shearDip, normal, plane.Rake, friction);
    }

    /// <summary>Throws unless 0 ≤ μ' ≤ 1.</summary>
    public static void CheckFriction(double friction)
    {
        if (!(friction >= 0 && friction <= 1)) throw new ArgumentException($"effective friction {friction} must be within [0, 1].");
    }
}
