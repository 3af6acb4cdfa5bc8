using SourceModel.Okada.Mechanics;

namespace SourceModel.Okada.Geometry;

/// <summary>
/// A rectangular fault with uniform slip, given by the centre of its top edge — the canonical reference point of
/// the toolkit — in the local east/north/up frame.
/// </summary>
/// <remarks>
/// Conventions (docs/conventions.md): strike clockwise from north; the fault dips to the right of the strike
/// direction (right-hand rule); depth positive down. The top edge runs from the top-edge centre ±L/2 along strike;
/// the bottom edge is W down-dip: W·cos δ horizontally toward strike + 90° and W·sin δ deeper.
/// </remarks>
public sealed record RectangularFault
{
    /// <summary>Creates and validates a fault.</summary>
    /// <param name="east">Easting of the top-edge centre, metres.</param>
    /// <param name="north">Northing of the top-edge centre, metres.</param>
    /// <param name="topDepth">Depth of the top edge, metres, ≥ 0 (0 = surface-breaking).</param>
    /// <param name="length">Along-strike length, metres, &gt; 0.</param>
    /// <param name="width">Down-dip width, metres, &gt; 0.</param>
    /// <param name="strike">Strike, degrees clockwise from north (any value; normalised to [0, 360)).</param>
    /// <param name="dip">Dip, degrees in [0, 90].</param>
    /// <param name="slip">Slip (metres) in the fault plane and opening.</param>
    public RectangularFault(double east, double north, double topDepth, double length, double width,
        double strike, double dip, FaultSlip slip)
    {
        ArgumentChecks.Finite(east, nameof(east));
        ArgumentChecks.Finite(north, nameof(north));
        ArgumentChecks.Finite(topDepth, nameof(topDepth));
        if (topDepth < 0)
            throw new ArgumentException(FormattableString.Invariant(
                $"topDepth = {topDepth} m: the top of the fault is above the free surface; it must be >= 0."), nameof(topDepth));
        ArgumentChecks.Positive(length, nameof(length));
        ArgumentChecks.Positive(width, nameof(width));
        ArgumentChecks.Finite(strike, nameof(strike));
        ArgumentChecks.Dip(dip, nameof(dip));
        ArgumentChecks.Finite(slip.StrikeSlip, "slip.StrikeSlip");
        ArgumentChecks.Finite(slip.DipSlip, "slip.DipSlip");
        ArgumentChecks.Finite(slip.Opening, "slip.Opening");
        East = east; North = north; TopDepth = topDepth; Length = length; Width = width;
        Strike = ((strike % 360.0) + 360.0) % 360.0;
        Dip = dip;
        Slip = slip;
    }

    /// <summary>Easting of the top-edge centre, metres.</summary>
    public double East { get; init; }

    /// <summary>Northing of the top-edge centre, metres.</summary>
    public double North { get; init; }

    /// <summary>Depth of the top edge, metres (positive down).</summary>
    public double TopDepth { get; init; }

    /// <summary>Along-strike length, metres.</summary>
    public double Length { get; init; }

    /// <summary>Down-dip width, metres.</summary>
    public double Width { get; init; }

    /// <summary>Strike, degrees clockwise from north, [0, 360).</summary>
    public double Strike { get; init; }

    /// <summary>Dip, degrees, [0, 90], down to the right of strike.</summary>
    public double Dip { get; init; }

    /// <summary>Slip in metres.</summary>
    public FaultSlip Slip { get; init; }

    /// <summary>Area L·W in m².</summary>
    public double Area => Length * Width;

    /// <summary>Depth of the bottom edge, metres.</summary>
    public double BottomDepth => TopDepth + Width * SinDip;

    /// <summary>Seismic moment μ·A·|s| in N·m for the given medium (shear slip only).</summary>
    public double Moment(ElasticMedium medium) => medium.ShearModulus * Area * Slip.Magnitude;

    internal double SinDip => Math.Sin(Dip * Math.PI / 180.0);
    internal double CosDip => Math.Cos(Dip * Math.PI / 180.0);

    /// <summary>Unit vector along strike in (east, north).</summary>
    public (double East, double North) StrikeDirection
    {
        get
        {
            double s = Strike * Math.PI / 180.0;
            return (Math.Sin(s), Math.Cos(s));
        }
    }

    /// <summary>The centroid of the rectangle: east, north (metres) and depth (metres, positive down).</summary>
    public (double East, double North, double Depth) Centroid
    {
        get
        {
            var (se, sn) = StrikeDirection;
            // Down-dip horizontal direction is strike + 90°: (cos φ, −sin φ) in (east, north).
            double h = 0.5 * Width * CosDip;
            return (East + h * sn, North - h * se, TopDepth + 0.5 * Width * SinDip);
        }
    }

    /// <summary>The four corners: top-start, top-end, bottom-end, bottom-start (east, north, depth in metres).</summary>
    public (double East, double North, double Depth)[] Corners()
    {
        var (se, sn) = StrikeDirection;
        double hl = 0.5 * Length, h = Width * CosDip, d = TopDepth + Width * SinDip;
        double be = East + h * sn, bn = North - h * se;
        return
        [
            (East - hl * se, North - hl * sn, TopDepth),
            (East + hl * se, North + hl * sn, TopDepth),
            (be + hl * se, bn + hl * sn, d),
            (be - hl * se, bn - hl * sn, d),
        ];
    }

    /// <summary>
    /// A fault with the same plane and slip given by its centroid (east, north, depth in metres) instead of the
    /// top-edge centre. Throws when the resulting top edge would be above the surface.
    /// </summary>
    public static RectangularFault FromCentroid(double east, double north, double centroidDepth, double length,
        double width, double strike, double dip, FaultSlip slip)
    {
        double s = strike * Math.PI / 180.0, d = dip * Math.PI / 180.0;
        double h = 0.5 * width * Math.Cos(d);
        double top = centroidDepth - 0.5 * width * Math.Sin(d);
        if (top < 0 && top > -1e-9 * Math.Max(1.0, centroidDepth)) top = 0;  // rounding of a surface-breaking fault
        return new RectangularFault(east - h * Math.Cos(s), north + h * Math.Sin(s), top, length, width, strike, dip, slip);
    }

    /// <summary>
    /// The same rectangle in Okada's DC3D frame: origin at (<see cref="OkadaFrame.OriginEast"/>,
    /// <see cref="OkadaFrame.OriginNorth"/>) on the surface above the top-edge centre, x along strike,
    /// reference point at depth <see cref="TopDepth"/>, AL = ±L/2, AW from −W (bottom) to 0 (top).
    /// </summary>
    public OkadaFrame ToOkadaFrame(ElasticMedium medium) => new(
        East, North, Strike,
        new Dc3dSource(medium.Alpha, TopDepth, Dip, -0.5 * Length, 0.5 * Length, -Width, 0.0,
            Slip.StrikeSlip, Slip.DipSlip, Slip.Opening));
}
