using SourceModel.Inversion.Parameters;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling;
using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Noise;
using SourceModel.Sampling.Quadtree;

namespace SourceModel.Inversion.Scenarios;

/// <summary>Faulting style of a synthetic event.</summary>
public enum FaultStyle
{
    /// <summary>Steep strike-slip fault (dip 65–85°, rake 0 or 180 ± 15°).</summary>
    StrikeSlip,

    /// <summary>Thrust (dip 20–45°, rake 90 ± 20°).</summary>
    Thrust,

    /// <summary>Normal fault (dip 40–70°, rake −90 ± 20°).</summary>
    Normal,

    /// <summary>Oblique slip (dip 30–75°, rake ±45 or ±135 ± 15°).</summary>
    Oblique,
}

/// <summary>
/// One synthetic two-track InSAR event with a known answer, as a user would meet it: a uniform-slip rectangle of a
/// given style, magnitude and depth; ascending and descending interferograms with spatially correlated noise, an
/// orbital ramp and a coherence mask; quadtree-sampled, each track with its leaf covariance from the noise model it was
/// drawn from; and the generic bounds a user sets knowing only the epicentre and a rough magnitude.
/// </summary>
/// <param name="Index">Event number (its seed).</param>
/// <param name="Style">Faulting style.</param>
/// <param name="Truth">The source (top-edge-centre form), local frame, m.</param>
/// <param name="MomentMagnitude">Mw of the source (μ = 30 GPa).</param>
/// <param name="Epicentre">The "epicentre" the bounds are centred on (m, local frame): the top-edge centre shifted by up to 5 km.</param>
/// <param name="Datasets">Ascending and descending quadtree datasets with covariance.</param>
/// <param name="Bounds">Generic search bounds (<see cref="SyntheticEvents.GenericBounds"/>) around the epicentre.</param>
/// <param name="NoiseSigma">Standard deviation of the correlated noise, m.</param>
/// <param name="NoiseRange">e-folding length of the correlated noise, m.</param>
public sealed record SyntheticEvent(int Index, FaultStyle Style, RectangularFault Truth, double MomentMagnitude,
    (double East, double North) Epicentre, IReadOnlyList<GeodeticDataset> Datasets, IReadOnlyDictionary<string, ParameterSpec> Bounds,
    double NoiseSigma, double NoiseRange)
{
    /// <summary>The true full parameter vector of a rake-and-slip rectangle named <c>fault</c>, by name.</summary>
    public IReadOnlyDictionary<string, double> TrueParameters => new Dictionary<string, double>
    {
        ["fault.east"] = Truth.East, ["fault.north"] = Truth.North, ["fault.depth"] = Truth.TopDepth,
        ["fault.length"] = Truth.Length, ["fault.width"] = Truth.Width, ["fault.strike"] = Truth.Strike, ["fault.dip"] = Truth.Dip,
        ["fault.rake"] = Truth.Slip.Rake, ["fault.slip"] = Truth.Slip.Magnitude,
    };

    /// <summary>Short description for tables.</summary>
    public string Describe() => FormattableString.Invariant(
        $"#{Index} {Style} Mw {MomentMagnitude:F2} strike {Truth.Strike:F0} dip {Truth.Dip:F0} rake {Truth.Slip.Rake:F0} top {Truth.TopDepth / 1000:F1} km");
}

/// <summary>Settings of <see cref="SyntheticEvents.Build"/>.</summary>
public sealed record SyntheticEventOptions
{
    /// <summary>Target number of quadtree leaves per track (the threshold is searched to come close).</summary>
    public int LeavesPerTrack { get; init; } = 600;

    /// <summary>Pixels along a side of the scene (its extent grows with the fault).</summary>
    public int PixelsPerSide { get; init; } = 360;

    /// <summary>Share of the scene masked as incoherent.</summary>
    public double IncoherentFraction { get; init; } = 0.15;

    /// <summary>The smallest peak LOS signal, in noise standard deviations, of an event worth inverting (deeper draws
    /// are redrawn shallower, as studies choose events the data resolve).</summary>
    public double MinimumSignalToNoise { get; init; } = 12;

    /// <summary>Attach each track's leaf covariance from the noise model it was drawn from (a user who declares the
    /// noise); false leaves the datasets without a noise model (a user who does not, so it must be estimated).</summary>
    public bool DeclareNoise { get; init; } = true;
}

/// <summary>The generator of <see cref="SyntheticEvent"/>s: reproducible from the event index alone.</summary>
public static class SyntheticEvents
{
    /// <summary>The styles in turn: event i has style i mod 4.</summary>
    public static FaultStyle StyleOf(int index) => (FaultStyle)(((index % 4) + 4) % 4);

    /// <summary>
    /// The bounds a user sets knowing only the epicentre and a rough magnitude (issue 19): top-edge centre within ±25 km,
    /// top depth 0–15 km, length 5–50 km, width 3–30 km, strike 0–360°, dip 5–89°, rake −180–180°, slip 0.05–5 m.
    /// </summary>
    public static IReadOnlyDictionary<string, ParameterSpec> GenericBounds(double east, double north) => new Dictionary<string, ParameterSpec>
    {
        ["fault.east"] = ParameterSpec.Free("fault.east", east - 25_000, east + 25_000),
        ["fault.north"] = ParameterSpec.Free("fault.north", north - 25_000, north + 25_000),
        ["fault.depth"] = ParameterSpec.Free("fault.depth", 0, 15_000),
        ["fault.length"] = ParameterSpec.Free("fault.length", 5_000, 50_000),
        ["fault.width"] = ParameterSpec.Free("fault.width", 3_000, 30_000),
        ["fault.strike"] = ParameterSpec.Free("fault.strike", 0, 360),
        ["fault.dip"] = ParameterSpec.Free("fault.dip", 5, 89),
        ["fault.rake"] = ParameterSpec.Free("fault.rake", -180, 180),
        ["fault.slip"] = ParameterSpec.Free("fault.slip", 0.05, 5),
    };

    /// <summary>Event <paramref name="index"/>: style by <see cref="StyleOf"/>, Mw 5.5–7.0, top depth 0–10 km (redrawn
    /// shallower until the peak signal reaches <see cref="SyntheticEventOptions.MinimumSignalToNoise"/>), noise sill
    /// 5–8 mm and range 5–15 km, ramp 1–5 cm across the scene.</summary>
    public static SyntheticEvent Build(int index, SyntheticEventOptions? options = null)
    {
        var o = options ?? new SyntheticEventOptions();
        // Consecutive seeds of System.Random give correlated first draws; a SplitMix64 scramble of the index does not.
        var rng = new Random(Scramble(index));
        double U(double a, double b) => a + (b - a) * rng.NextDouble();
        var style = StyleOf(index);
        double mw = U(5.5, 7.0), strike = U(0, 360);
        double dip, rake;
        switch (style)
        {
            case FaultStyle.StrikeSlip: dip = U(65, 85); rake = (rng.Next(2) == 0 ? 0 : 180) + U(-15, 15); break;
            case FaultStyle.Thrust: dip = U(20, 45); rake = 90 + U(-20, 20); break;
            case FaultStyle.Normal: dip = U(40, 70); rake = -90 + U(-20, 20); break;
            default: dip = U(30, 75); rake = (rng.Next(2) == 0 ? 1 : -1) * (rng.Next(2) == 0 ? 45 : 135) + U(-15, 15); break;
        }
        if (rake > 180) rake -= 360;
        // Wells & Coppersmith (1994), all slip types: subsurface rupture length and width, scattered by ±15 %.
        double length = Math.Clamp(1000 * Math.Pow(10, -2.44 + 0.59 * mw) * Math.Exp(0.15 * Gaussian(rng)), 6_000, 45_000);
        double width = Math.Clamp(1000 * Math.Pow(10, -1.01 + 0.32 * mw) * Math.Exp(0.15 * Gaussian(rng)), 4_000, 25_000);
        double sigma = U(0.005, 0.008), range = U(5_000, 15_000);
        var medium = ElasticMedium.Default;
        double moment = Math.Pow(10, 1.5 * mw + 9.1);
        double top = U(0, 10_000);
        RectangularFault truth;
        for (int attempt = 0; ; attempt++)
        {
            double w = Math.Min(width, (25_000 - top) / Math.Sin(dip * Math.PI / 180));
            double slip = moment / (medium.ShearModulus * length * w);
            truth = new RectangularFault(0, 0, top, length, w, strike, dip, FaultSlip.FromRake(rake, slip));
            if (PeakSignal(truth, medium) >= o.MinimumSignalToNoise * sigma || attempt == 60) break;
            top *= 0.8;
        }
        // Place the fault so its surface centroid sits at the origin; the "epicentre" is the top-edge centre shifted by up to 5 km.
        var c = truth.Centroid;
        truth = truth with { East = truth.East - c.East, North = truth.North - c.North };
        var epicentre = (truth.East + U(-5_000, 5_000), truth.North + U(-5_000, 5_000));

        double side = Math.Max(80_000, 3.5 * Math.Max(length, truth.Width * Math.Cos(dip * Math.PI / 180)));
        int nPix = o.PixelsPerSide;
        double dx = side / (nPix - 1);
        double x0 = -side / 2 + U(-0.1, 0.1) * side, y0 = -side / 2 + U(-0.1, 0.1) * side;
        var east = new double[nPix * nPix];
        var north = new double[nPix * nPix];
        for (int j = 0; j < nPix; j++)
            for (int i = 0; i < nPix; i++) (east[j * nPix + i], north[j * nPix + i]) = (x0 + i * dx, y0 + j * dx);
        var field = SurfaceDisplacement.Compute([truth], [], medium, east, north);
        var noiseGrid = new GridNoise(new ExponentialCovariance(sigma * sigma, range), nPix, nPix, dx, dx);
        var (noiseA, noiseD) = noiseGrid.Sample(new Random(rng.Next()));
        var (patternA, patternD) = new GridNoise(new ExponentialCovariance(1, 8_000), nPix, nPix, dx, dx).Sample(new Random(rng.Next()));
        var rupture = SurfaceBreakMask(truth, east, north);

        var datasets = new List<GeodeticDataset>();
        foreach (var (name, ascending, noise, pattern) in new[] { ("asc", true, noiseA, patternA), ("dsc", false, noiseD, patternD) })
        {
            double incidence = U(30, 44), heading = ascending ? U(-15, -8) : U(-172, -165);
            var los = LosVector.FromIncidenceAndHeading(incidence, heading);
            double rampSize = U(0.01, 0.05), rampAngle = U(0, 2 * Math.PI), offset = U(-0.02, 0.02);
            double ge = rampSize / side * Math.Cos(rampAngle), gn = rampSize / side * Math.Sin(rampAngle);
            var values = new double[east.Length];
            var cut = CoherenceCut(pattern, o.IncoherentFraction);
            for (int k = 0; k < values.Length; k++)
                values[k] = pattern[k] < cut || rupture[k]
                    ? double.NaN
                    : field.Los(k, los) + noise[k] + offset + ge * east[k] + gn * north[k];
            var raster = new RasterGrid(nPix, nPix, x0, dx, y0, dx, values, geographic: false);
            var vectors = PixelVectors.Uniform(los.East, los.North, los.Up);
            var provenance = new ImportProvenance($"synthetic:event{index}:{name}", "synthetic",
                [FormattableString.Invariant($"synthetic event {index}, LOS ({los.East:F4}, {los.North:F4}, {los.Up:F4}) ground to satellite, positive toward the satellite")],
                values.Length);
            var grid = new LosGrid(name, raster, vectors, null, provenance);
            var (leaves, quadtree) = LeavesNear(raster, vectors, o.LeavesPerTrack);
            var dataset = LeafDataset.From(grid, leaves, quadtree);
            datasets.Add(o.DeclareNoise ? dataset.WithCovariance(LeafCovariance.Build(dataset, new ExponentialCovariance(sigma * sigma, range))) : dataset);
        }
        return new SyntheticEvent(index, style, truth, SourceSetMw(truth, medium), epicentre, datasets,
            GenericBounds(epicentre.Item1, epicentre.Item2), sigma, range);
    }

    private static double SourceSetMw(RectangularFault f, ElasticMedium medium) =>
        Problem.SourceSet.MomentMagnitude(f.Moment(medium));

    /// <summary>Peak |displacement| (any component) on a coarse grid around the source, m.</summary>
    private static double PeakSignal(RectangularFault f, ElasticMedium medium)
    {
        var c = f.Centroid;
        int n = 61;
        double half = Math.Max(f.Length, f.Width) * 1.5;
        var e = new double[n * n];
        var nn = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) (e[j * n + i], nn[j * n + i]) = (c.East + half * (2.0 * i / (n - 1) - 1), c.North + half * (2.0 * j / (n - 1) - 1));
        var u = SurfaceDisplacement.Compute([f], [], medium, e, nn);
        double peak = 0;
        for (int k = 0; k < e.Length; k++) peak = Math.Max(peak, Math.Max(Math.Abs(u.Up[k]), Math.Sqrt(u.East[k] * u.East[k] + u.North[k] * u.North[k])));
        return peak;
    }

    /// <summary>Pixels within 1 km of the surface trace of a fault whose top lies within 500 m of the surface:
    /// decorrelated by the rupture, as in real interferograms.</summary>
    private static bool[] SurfaceBreakMask(RectangularFault f, double[] east, double[] north)
    {
        var mask = new bool[east.Length];
        if (f.TopDepth > 500) return mask;
        var (se, sn) = f.StrikeDirection;
        for (int k = 0; k < east.Length; k++)
        {
            double x = east[k] - f.East, y = north[k] - f.North;
            double along = x * se + y * sn, across = -x * sn + y * se;
            mask[k] = Math.Abs(along) <= 0.5 * f.Length + 1_000 && Math.Abs(across) <= 1_000;
        }
        return mask;
    }

    private static double CoherenceCut(double[] pattern, double fraction)
    {
        if (fraction <= 0) return double.NegativeInfinity;
        var sorted = (double[])pattern.Clone();
        Array.Sort(sorted);
        return sorted[(int)Math.Clamp(fraction * sorted.Length, 0, sorted.Length - 1)];
    }

    /// <summary>Quadtree leaves with a threshold searched (bisection in log space) to give about <paramref name="target"/> leaves.</summary>
    private static (IReadOnlyList<QuadtreeLeaf>, QuadtreeOptions) LeavesNear(RasterGrid raster, PixelVectors vectors, int target)
    {
        double lo = Math.Log(2e-4), hi = Math.Log(0.2);
        IReadOnlyList<QuadtreeLeaf>? best = null;
        QuadtreeOptions? bestOptions = null;
        for (int i = 0; i < 14; i++)
        {
            double mid = 0.5 * (lo + hi);
            var options = new QuadtreeOptions(Math.Exp(mid), MinSize: 4, MaxSize: 64, Detrend: false);
            var leaves = QuadtreeBuilder.Build(raster, options, vectors);
            if (best is null || Math.Abs(leaves.Count - target) < Math.Abs(best.Count - target)) (best, bestOptions) = (leaves, options);
            if (leaves.Count > target) lo = mid; else hi = mid;
            if (Math.Abs(leaves.Count - target) <= 0.05 * target) break;
        }
        return (best!, bestOptions!);
    }

    private static int Scramble(int index)
    {
        ulong z = (ulong)index + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    private static double Gaussian(Random rng)
    {
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
