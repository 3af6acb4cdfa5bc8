using SourceModel.Coulomb.Resolution;
using SourceModel.Coulomb.Stress;
using SourceModel.Okada;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb;

/// <summary>What to resolve the stress change on: one specified plane everywhere, or the optimally oriented plane
/// in a regional stress.</summary>
public sealed record ReceiverSpec
{
    private ReceiverSpec(ReceiverPlane? plane, RegionalStress? regional) { Plane = plane; Regional = regional; }

    /// <summary>The specified plane (null for optimal planes).</summary>
    public ReceiverPlane? Plane { get; }

    /// <summary>The regional stress (null for a specified plane).</summary>
    public RegionalStress? Regional { get; }

    /// <summary>Every point resolved on <paramref name="plane"/>.</summary>
    public static ReceiverSpec Specified(ReceiverPlane plane) => new(plane.Validated(), null);

    /// <summary>Every point resolved on its optimally oriented plane in <paramref name="regional"/>.</summary>
    public static ReceiverSpec Optimal(RegionalStress regional) => new(null, regional ?? throw new ArgumentNullException(nameof(regional)));
}

/// <summary>ΔCFS at one point.</summary>
/// <param name="East">m.</param>
/// <param name="North">m.</param>
/// <param name="Depth">m, positive down.</param>
/// <param name="Plane">The receiver plane used (the optimal one where asked).</param>
/// <param name="Stress">The resolved stress change, Pa.</param>
/// <param name="Status">Normal, or singular on a source edge (stresses NaN).</param>
public readonly record struct CoulombPoint(double East, double North, double Depth, ReceiverPlane Plane, ResolvedStress Stress, OkadaStatus Status);

/// <summary>
/// ΔCFS where users look: at arbitrary points, on horizontal grids at several depths, on vertical cross-sections
/// along a profile, and at the centres of receiver-fault patches (each resolved on its own plane).
/// </summary>
public static class CoulombMaps
{
    /// <summary>ΔCFS at points (m; depth positive down) for a receiver specification, from rectangles and
    /// distributed-slip planes.</summary>
    public static CoulombPoint[] AtPoints(IReadOnlyList<RectangularFault> sources, ElasticMedium medium, double friction,
        double[] east, double[] north, double[] depth, ReceiverSpec receiver, IReadOnlyList<PlaneSlipModel>? planes = null)
    {
        CoulombStress.CheckFriction(friction);
        var field = HalfSpaceStress.Compute(sources, planes ?? [], medium, east, north, depth);
        var result = new CoulombPoint[east.Length];
        Parallel.For(0, east.Length, i =>
        {
            if (field.Status[i] != OkadaStatus.Normal)
            {
                var nan = new ResolvedStress(double.NaN, double.NaN, double.NaN, receiver.Plane?.Rake ?? double.NaN, friction);
                result[i] = new CoulombPoint(east[i], north[i], depth[i], receiver.Plane ?? default, nan, field.Status[i]);
                return;
            }
            if (receiver.Plane is { } plane)
            {
                result[i] = new CoulombPoint(east[i], north[i], depth[i], plane, CoulombStress.Resolve(field[i], plane, friction), OkadaStatus.Normal);
            }
            else
            {
                var best = OptimalPlanes.Evaluate(field[i], receiver.Regional!.At(depth[i]), friction);
                result[i] = new CoulombPoint(east[i], north[i], depth[i], best.Plane, best.Stress, OkadaStatus.Normal);
            }
        });
        return result;
    }

    /// <summary>Nodes of horizontal grids: east/north from min to max (inclusive) every <paramref name="spacing"/> m, at each depth.</summary>
    public static (double[] East, double[] North, double[] Depth) HorizontalGrid(double minEast, double maxEast, double minNorth, double maxNorth,
        double spacing, IReadOnlyList<double> depths)
    {
        if (!(spacing > 0)) throw new ArgumentException($"grid spacing must be positive, got {spacing}.");
        if (!(maxEast >= minEast) || !(maxNorth >= minNorth)) throw new ArgumentException("grid: max must not be less than min.");
        if (depths.Count == 0 || depths.Any(d => !(d >= 0))) throw new ArgumentException("grid: give one or more depths >= 0 m.");
        int nx = (int)Math.Floor((maxEast - minEast) / spacing + 1e-9) + 1, ny = (int)Math.Floor((maxNorth - minNorth) / spacing + 1e-9) + 1;
        int n = nx * ny * depths.Count;
        double[] e = new double[n], no = new double[n], d = new double[n];
        int k = 0;
        foreach (double depth in depths)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++, k++)
                {
                    e[k] = minEast + i * spacing;
                    no[k] = minNorth + j * spacing;
                    d[k] = depth;
                }
        return (e, no, d);
    }

    /// <summary>Nodes of a vertical cross-section from (startEast, startNorth) to (endEast, endNorth), every
    /// <paramref name="spacing"/> m along it and every <paramref name="depthSpacing"/> m from top to bottom depth;
    /// also the distance of each node along the profile (m).</summary>
    public static (double[] East, double[] North, double[] Depth, double[] Distance) CrossSection(double startEast, double startNorth,
        double endEast, double endNorth, double spacing, double topDepth, double bottomDepth, double depthSpacing)
    {
        double length = Math.Sqrt((endEast - startEast) * (endEast - startEast) + (endNorth - startNorth) * (endNorth - startNorth));
        if (!(length > 0)) throw new ArgumentException("cross-section: start and end coincide.");
        if (!(spacing > 0) || !(depthSpacing > 0)) throw new ArgumentException("cross-section: spacings must be positive.");
        if (!(topDepth >= 0) || !(bottomDepth >= topDepth)) throw new ArgumentException($"cross-section: need 0 <= top ({topDepth}) <= bottom ({bottomDepth}) depth.");
        int na = (int)Math.Floor(length / spacing + 1e-9) + 1, nz = (int)Math.Floor((bottomDepth - topDepth) / depthSpacing + 1e-9) + 1;
        int n = na * nz;
        double[] e = new double[n], no = new double[n], d = new double[n], s = new double[n];
        int k = 0;
        for (int j = 0; j < nz; j++)
            for (int i = 0; i < na; i++, k++)
            {
                double along = i * spacing;
                e[k] = startEast + (endEast - startEast) * along / length;
                no[k] = startNorth + (endNorth - startNorth) * along / length;
                d[k] = topDepth + j * depthSpacing;
                s[k] = along;
            }
        return (e, no, d, s);
    }

    /// <summary>ΔCFS at the centre of each receiver patch, resolved on the patch's own plane with <paramref name="rake"/>
    /// (degrees), or with the patch's optimal rake when <paramref name="rake"/> is null.</summary>
    public static CoulombPoint[] OnPatches(IReadOnlyList<RectangularFault> sources, ElasticMedium medium, double friction,
        IReadOnlyList<RectangularFault> patches, double? rake) =>
        OnPatches(sources, medium, friction, patches, patches.Select(_ => rake).ToArray());

    /// <summary>As above with a rake per patch (degrees; null: that patch's optimal rake) — e.g. each patch of a slip
    /// model resolved in its own slip direction.</summary>
    public static CoulombPoint[] OnPatches(IReadOnlyList<RectangularFault> sources, ElasticMedium medium, double friction,
        IReadOnlyList<RectangularFault> patches, IReadOnlyList<double?> rakes)
    {
        CoulombStress.CheckFriction(friction);
        if (rakes.Count != patches.Count) throw new ArgumentException($"{patches.Count} receiver patches but {rakes.Count} rakes.");
        var c = patches.Select(p => p.Centroid).ToArray();
        double[] e = c.Select(x => x.East).ToArray(), n = c.Select(x => x.North).ToArray(), d = c.Select(x => x.Depth).ToArray();
        var field = HalfSpaceStress.Compute(sources, medium, e, n, d);
        var result = new CoulombPoint[patches.Count];
        for (int i = 0; i < patches.Count; i++)
        {
            var p = patches[i];
            double? rake = rakes[i];
            var plane = new ReceiverPlane(p.Strike, p.Dip, rake ?? 0).Validated();
            var r = field.Status[i] == OkadaStatus.Normal
                ? CoulombStress.Resolve(field[i], plane, friction)
                : new ResolvedStress(double.NaN, double.NaN, double.NaN, plane.Rake, friction);
            if (rake is null && field.Status[i] == OkadaStatus.Normal) r = r with { Rake = r.Optimal.Rake };
            result[i] = new CoulombPoint(e[i], n[i], d[i], plane with { Rake = r.Rake }, r, field.Status[i]);
        }
        return result;
    }
}
