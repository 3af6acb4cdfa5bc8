using SourceModel.Coulomb.Resolution;
using SourceModel.Coulomb.Stress;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Inversion.Slip;

/// <summary>
/// The patch-to-patch shear-traction kernel K (SDM's stress-drop smoothing): row 2i + c is the shear traction (Pa)
/// along strike (c = 0) and up dip (c = 1, reverse sense) at the centre of patch i, per metre of strike-slip (column 2j)
/// or dip-slip (column 2j + 1) on patch j. Built from the Okada derivatives through the Coulomb module's stress
/// resolution, so τ = K·s is the shear stress change of a slip model on its own fault.
/// </summary>
public static class StressKernel
{
    /// <summary>The 2P × 2P kernel, row-major.</summary>
    public static double[] Build(DiscretisedFault fault, ElasticMedium medium)
    {
        int p = fault.Patches.Count, m = 2 * p;
        var centres = fault.Patches.Select(q => q.Centre).ToArray();
        var e = centres.Select(c => c.East).ToArray();
        var n = centres.Select(c => c.North).ToArray();
        var d = centres.Select(c => c.Depth).ToArray();
        var k = new double[(long)m * m];
        for (int j = 0; j < p; j++)
            for (int c = 0; c < 2; c++)
            {
                var g = fault.Patches[j].Geometry;
                var unit = g with { Slip = c == 0 ? new FaultSlip(1, 0) : new FaultSlip(0, 1) };
                var field = HalfSpaceStress.Compute([unit], medium, e, n, d);
                for (int i = 0; i < p; i++)
                {
                    var r = fault.Patches[i].Geometry;
                    var resolved = CoulombStress.Resolve(field[i], new ReceiverPlane(r.Strike, r.Dip, 0));
                    k[(long)(2 * i) * m + 2 * j + c] = resolved.ShearStrike;
                    k[(long)(2 * i + 1) * m + 2 * j + c] = resolved.ShearDip;
                }
            }
        return k;
    }
}
