using SourceModel.Sampling;

namespace SourceModel.Inversion.Interseismic;

/// <summary>Where a profile is cut: a swath centred on a point of the fault trace, perpendicular to a strike.</summary>
/// <param name="Name">Label (e.g. P1).</param>
/// <param name="East">Easting of the centre (on the trace), m.</param>
/// <param name="North">Northing of the centre, m.</param>
/// <param name="Strike">Strike the profile is perpendicular to, degrees; distances are positive to its right.</param>
/// <param name="HalfLength">Half the length across the fault, m.</param>
/// <param name="HalfWidth">Half the width of the swath along strike, m.</param>
public sealed record ProfileSwath(string Name, double East, double North, double Strike, double HalfLength, double HalfWidth)
{
    /// <summary>Swaths at <paramref name="count"/> evenly spaced points along the trace (at the centres of equal
    /// stretches), perpendicular to the mean strike or, with <paramref name="perSegment"/>, to the local segment.</summary>
    public static IReadOnlyList<ProfileSwath> AlongTrace(FaultTrace trace, int count, double length, double width, bool perSegment)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (count < 1) throw new ArgumentException($"give at least one profile, got {count}.");
        if (!(length > 0) || !(width > 0)) throw new ArgumentException($"profile length and width must be positive, got {length} and {width} m.");
        return Enumerable.Range(0, count).Select(k =>
        {
            var p = trace.At((k + 0.5) / count * trace.Length);
            return new ProfileSwath($"P{k + 1}", p.East, p.North, perSegment ? p.Strike : trace.MeanStrike, length / 2, width / 2);
        }).ToArray();
    }

    /// <summary>Unit vector of the strike (east, north).</summary>
    public (double East, double North) StrikeVector => (Math.Sin(Strike * Math.PI / 180), Math.Cos(Strike * Math.PI / 180));
}

/// <summary>The data inside a swath: distance across the fault (positive to the right of strike, m), offset along
/// strike (m), value, the points' unit vectors, sigmas, and each point's index in the dataset.</summary>
public sealed record Profile(ProfileSwath Swath, double[] Distance, double[] Along, double[] Value, double[] UnitEast, double[] UnitNorth,
    double[] UnitUp, double[] Sigma, int[] Index)
{
    /// <summary>Number of points.</summary>
    public int Count => Distance.Length;

    /// <summary>Cuts the swath out of a LOS (or one-component) dataset. Points are kept when |across| ≤ half length
    /// and |along| ≤ half width; sigmas come from the dataset (or the diagonal of its covariance).</summary>
    public static Profile Cut(GeodeticDataset data, ProfileSwath swath)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(swath);
        var (se, sn) = swath.StrikeVector;
        var keep = new List<int>();
        var across = new List<double>();
        var along = new List<double>();
        for (int i = 0; i < data.Count; i++)
        {
            double de = data.East[i] - swath.East, dn = data.North[i] - swath.North;
            double a = de * se + dn * sn;          // along strike
            double x = de * sn - dn * se;          // to the right of strike: (sn, −se)
            if (Math.Abs(x) <= swath.HalfLength && Math.Abs(a) <= swath.HalfWidth) { keep.Add(i); across.Add(x); along.Add(a); }
        }
        double[] Pick(ReadOnlySpan<double> v) { var a = new double[keep.Count]; for (int k = 0; k < a.Length; k++) a[k] = v[keep[k]]; return a; }
        var sigma = data.Sigma.Length > 0 ? Pick(data.Sigma)
            : data.Covariance is { } c ? keep.Select(i => Math.Sqrt(c[i, i])).ToArray()
            : throw new ArgumentException($"dataset '{data.Name}' has no sigmas or covariance: a profile fit needs its noise.");
        return new Profile(swath, [.. across], [.. along], Pick(data.Value), Pick(data.UnitEast), Pick(data.UnitNorth), Pick(data.UnitUp), sigma, [.. keep]);
    }

    /// <summary>Mean, standard deviation and count of the values in bins of <paramref name="width"/> m across the
    /// fault (bins with no point are left out).</summary>
    public IReadOnlyList<(double Centre, double Mean, double StandardDeviation, int Count)> Bins(double width)
    {
        if (!(width > 0)) throw new ArgumentException($"bin width must be positive, got {width} m.");
        return Enumerable.Range(0, Count).GroupBy(i => (long)Math.Floor(Distance[i] / width)).OrderBy(g => g.Key).Select(g =>
        {
            var v = g.Select(i => Value[i]).ToArray();
            double mean = v.Average();
            double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
            return ((g.Key + 0.5) * width, mean, sd, v.Length);
        }).ToArray();
    }
}
