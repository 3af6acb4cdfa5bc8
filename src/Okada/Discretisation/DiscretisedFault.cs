using SourceModel.Okada.Geometry;

namespace SourceModel.Okada.Discretisation;

/// <summary>
/// A fault cut into rectangular patches — one plane or several segments — with the patches' adjacency (patches
/// that share an edge of non-zero length, within and across segments), as the smoothing operators need it.
/// </summary>
public sealed class DiscretisedFault
{
    private DiscretisedFault(IReadOnlyList<FaultPatch> patches, IReadOnlyList<int[]> neighbours, int segments)
    {
        Patches = patches;
        Neighbours = neighbours;
        SegmentCount = segments;
    }

    /// <summary>The patches, segment by segment, each segment row by row from the top, along strike within a row.</summary>
    public IReadOnlyList<FaultPatch> Patches { get; }

    /// <summary>Indices of the patches sharing an edge with each patch (sorted).</summary>
    public IReadOnlyList<int[]> Neighbours { get; }

    /// <summary>Number of segments.</summary>
    public int SegmentCount { get; }

    /// <summary>Total area, m².</summary>
    public double Area => Patches.Sum(p => p.Area);

    /// <summary>
    /// Cuts a rectangle into <paramref name="alongStrike"/> × <paramref name="downDip"/> equal patches, each
    /// carrying the parent's slip.
    /// </summary>
    public static DiscretisedFault Rectangle(RectangularFault fault, int alongStrike, int downDip) =>
        Segments([new FaultSegment(fault, alongStrike, downDip)]);

    /// <summary>Discretises several segments (e.g. a ramp and a flat, or a main fault and a branch).</summary>
    public static DiscretisedFault Segments(IReadOnlyList<FaultSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0) throw new ArgumentException("At least one segment is required.", nameof(segments));
        var patches = new List<FaultPatch>();
        for (int s = 0; s < segments.Count; s++)
        {
            var seg = segments[s];
            seg.Validate(s);
            var f = seg.Fault;
            double pl = f.Length / seg.AlongStrike, pw = f.Width / seg.DownDip;
            var (se, sn) = f.StrikeDirection;
            for (int j = 0; j < seg.DownDip; j++)
            {
                // Top-edge centre of row j: j·pw down dip from the segment's top edge.
                double h = j * pw * f.CosDip;
                double rowEast = f.East + h * sn, rowNorth = f.North - h * se, rowDepth = f.TopDepth + j * pw * f.SinDip;
                for (int i = 0; i < seg.AlongStrike; i++)
                {
                    double offset = (i + 0.5) * pl - 0.5 * f.Length;
                    var g = new RectangularFault(rowEast + offset * se, rowNorth + offset * sn,
                        Math.Max(0.0, rowDepth), pl, pw, f.Strike, f.Dip, f.Slip);
                    patches.Add(new FaultPatch(patches.Count, s, i, j, g));
                }
            }
        }
        return new DiscretisedFault(patches, PatchAdjacency.Find(patches), segments.Count);
    }
}

/// <summary>One planar segment of a fault and how finely to cut it.</summary>
/// <param name="Fault">The segment's plane (its slip is given to every patch).</param>
/// <param name="AlongStrike">Number of patches along strike, ≥ 1.</param>
/// <param name="DownDip">Number of patches down dip, ≥ 1.</param>
public sealed record FaultSegment(RectangularFault Fault, int AlongStrike, int DownDip)
{
    internal void Validate(int index)
    {
        ArgumentNullException.ThrowIfNull(Fault);
        if (AlongStrike < 1 || DownDip < 1)
            throw new ArgumentException(
                $"Segment {index}: patch counts must be >= 1 (got {AlongStrike} along strike, {DownDip} down dip).");
    }

    /// <summary>
    /// A listric (ramp-and-flat) fault: segments stacked down dip, each starting at the bottom edge of the one
    /// above, with its own width (m), dip (degrees) and number of patch rows; all share length, strike and slip.
    /// </summary>
    public static IReadOnlyList<FaultSegment> Listric(RectangularFault top, int alongStrike,
        IReadOnlyList<(double Width, double Dip, int DownDip)> deeper, int topDownDip)
    {
        var list = new List<FaultSegment> { new(top, alongStrike, topDownDip) };
        var current = top;
        foreach (var (width, dip, rows) in deeper)
        {
            var (se, sn) = current.StrikeDirection;
            double h = current.Width * current.CosDip;
            current = new RectangularFault(current.East + h * sn, current.North - h * se, current.BottomDepth,
                current.Length, width, current.Strike, dip, current.Slip);
            list.Add(new FaultSegment(current, alongStrike, rows));
        }
        return list;
    }
}
