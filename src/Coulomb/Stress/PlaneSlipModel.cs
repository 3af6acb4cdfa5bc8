using SourceModel.Okada;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Stress;

/// <summary>
/// A distributed-slip model on one plane: the rectangle <see cref="Plane"/> cut into <see cref="Along"/> ×
/// <see cref="Down"/> equal patches, each with its own slip (patch (i, j) at j·Along + i; i along strike from the
/// plane's start, j down dip from the top row). Its stress is evaluated with shared patch corners
/// (<see cref="Dc3dPlaneGrid"/>): the same numbers as summing the patches, several times faster.
/// </summary>
/// <param name="Plane">The whole plane (its own slip is ignored).</param>
/// <param name="Along">Patches along strike.</param>
/// <param name="Down">Patches down dip.</param>
/// <param name="Slips">Slip of each patch, m.</param>
public sealed record PlaneSlipModel(RectangularFault Plane, int Along, int Down, FaultSlip[] Slips)
{
    /// <summary>Checks the counts.</summary>
    public PlaneSlipModel Validated()
    {
        if (Along < 1 || Down < 1) throw new ArgumentException($"a plane needs at least one patch each way, got {Along} x {Down}.");
        if (Slips.Length != Along * Down) throw new ArgumentException($"give {Along * Down} patch slips, got {Slips.Length}.");
        return this;
    }

    /// <summary>The patches as individual rectangles (top-edge centres, metres), in <see cref="Slips"/> order.</summary>
    public RectangularFault[] Patches()
    {
        var f = Plane;
        double l = f.Length / Along, w = f.Width / Down;
        var (se, sn) = f.StrikeDirection;
        var (sd, cd) = Math.SinCos(f.Dip * Math.PI / 180);
        var result = new RectangularFault[Along * Down];
        for (int j = 0; j < Down; j++)
            for (int i = 0; i < Along; i++)
            {
                double along = -f.Length / 2 + (i + 0.5) * l, down = j * w;
                result[j * Along + i] = f with
                {
                    East = f.East + along * se + down * cd * sn, North = f.North + along * sn - down * cd * se,
                    TopDepth = f.TopDepth + down * sd, Length = l, Width = w, Slip = Slips[j * Along + i],
                };
            }
        return result;
    }

    /// <summary>The plane grid in the plane's Okada frame (origin above the top-edge centre, x along strike).</summary>
    public (OkadaFrame Frame, Dc3dPlaneGrid Grid) ToPlaneGrid(ElasticMedium medium)
    {
        Validated();
        var frame = Plane.ToOkadaFrame(medium);
        var along = Enumerable.Range(0, Along + 1).Select(i => -Plane.Length / 2 + i * Plane.Length / Along).ToArray();
        var up = Enumerable.Range(0, Down + 1).Select(j => -Plane.Width + j * Plane.Width / Down).ToArray();
        up[^1] = 0;   // the top edge exactly at the reference depth
        var d1 = new double[Along * Down];
        var d2 = new double[Along * Down];
        var d3 = new double[Along * Down];
        for (int j = 0; j < Down; j++)
            for (int i = 0; i < Along; i++)
            {
                var s = Slips[j * Along + i];
                int g = (Down - 1 - j) * Along + i;   // the grid counts rows up-dip from the bottom
                d1[g] = s.StrikeSlip; d2[g] = s.DipSlip; d3[g] = s.Opening;
            }
        return (frame, new Dc3dPlaneGrid(frame.Source.Alpha, frame.Source.Depth, frame.Source.Dip, along, up, d1, d2, d3));
    }
}
