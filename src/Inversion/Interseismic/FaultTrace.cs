namespace SourceModel.Inversion.Interseismic;

/// <summary>A fault trace at the surface: a polyline in the local frame (metres), ordered so that the strike
/// direction runs from the first point to the last (right of strike = the side the profiles count positive).</summary>
public sealed record FaultTrace
{
    /// <summary>Checks the points: at least two, finite, consecutive points distinct.</summary>
    public FaultTrace(IReadOnlyList<double> east, IReadOnlyList<double> north)
    {
        ArgumentNullException.ThrowIfNull(east);
        ArgumentNullException.ThrowIfNull(north);
        if (east.Count != north.Count) throw new ArgumentException($"a trace needs as many east as north values, got {east.Count} and {north.Count}.");
        if (east.Count < 2) throw new ArgumentException($"a trace needs at least two points, got {east.Count}.");
        for (int k = 0; k < east.Count; k++)
        {
            if (!double.IsFinite(east[k]) || !double.IsFinite(north[k])) throw new ArgumentException($"trace point {k + 1} is not finite.");
            if (k > 0 && east[k] == east[k - 1] && north[k] == north[k - 1]) throw new ArgumentException($"trace points {k} and {k + 1} coincide.");
        }
        East = [.. east];
        North = [.. north];
    }

    /// <summary>Easting of each vertex, m.</summary>
    public double[] East { get; }

    /// <summary>Northing of each vertex, m.</summary>
    public double[] North { get; }

    /// <summary>Number of segments.</summary>
    public int SegmentCount => East.Length - 1;

    /// <summary>Strike of segment <paramref name="k"/>, degrees clockwise from north in [0, 360).</summary>
    public double SegmentStrike(int k) => Azimuth(East[k + 1] - East[k], North[k + 1] - North[k]);

    /// <summary>Length of segment <paramref name="k"/>, m.</summary>
    public double SegmentLength(int k) => Math.Sqrt(Math.Pow(East[k + 1] - East[k], 2) + Math.Pow(North[k + 1] - North[k], 2));

    /// <summary>Total length, m.</summary>
    public double Length => Enumerable.Range(0, SegmentCount).Sum(SegmentLength);

    /// <summary>Mean strike: the length-weighted mean direction of the segments, degrees in [0, 360).</summary>
    public double MeanStrike
    {
        get
        {
            double e = 0, n = 0;
            for (int k = 0; k < SegmentCount; k++) { e += East[k + 1] - East[k]; n += North[k + 1] - North[k]; }
            return Azimuth(e, n);
        }
    }

    /// <summary>The point at distance <paramref name="s"/> (m) along the trace from its first point, and the strike
    /// of the segment there.</summary>
    public (double East, double North, double Strike, int Segment) At(double s)
    {
        if (!(s >= 0 && s <= Length * (1 + 1e-12))) throw new ArgumentException($"distance along the trace {s} m is outside 0..{Length} m.");
        for (int k = 0; k < SegmentCount; k++)
        {
            double l = SegmentLength(k);
            if (s <= l || k == SegmentCount - 1)
            {
                double f = Math.Min(s / l, 1);
                return (East[k] + f * (East[k + 1] - East[k]), North[k] + f * (North[k + 1] - North[k]), SegmentStrike(k), k);
            }
            s -= l;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Where the line through (<paramref name="east"/>, <paramref name="north"/>) along azimuth
    /// <paramref name="azimuth"/> first crosses the trace: signed distance along the line (m) to the crossing, or null.</summary>
    public double? Crossing(double east, double north, double azimuth)
    {
        double de = Math.Sin(azimuth * Math.PI / 180), dn = Math.Cos(azimuth * Math.PI / 180);
        double? best = null;
        for (int k = 0; k < SegmentCount; k++)
        {
            double se = East[k + 1] - East[k], sn = North[k + 1] - North[k];
            double det = de * (-sn) - dn * (-se);
            if (Math.Abs(det) < 1e-12 * Math.Sqrt(se * se + sn * sn)) continue;   // parallel
            double re = East[k] - east, rn = North[k] - north;
            double t = (re * (-sn) - rn * (-se)) / det;          // along the line
            double u = (de * rn - dn * re) / det;                // along the segment, 0..1
            if (u < -1e-12 || u > 1 + 1e-12) continue;
            if (best is null || Math.Abs(t) < Math.Abs(best.Value)) best = t;
        }
        return best;
    }

    private static double Azimuth(double de, double dn) => (Math.Atan2(de, dn) * 180 / Math.PI + 360) % 360;
}
