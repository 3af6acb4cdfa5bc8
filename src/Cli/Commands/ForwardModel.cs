using SourceModel.Cli.Infrastructure;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Cli.Commands;

/// <summary>
/// The sources of a forward calculation, read from a small YAML or JSON file (docs/formats.md):
/// <code>
/// length_unit: m            # or km: applies to positions, depths, lengths and widths (slip stays in metres)
/// medium: { shear_modulus: 30e9, poisson_ratio: 0.25 }
/// faults:
///   - { east: 0, north: 0, top_depth: 1000, length: 20000, width: 10000, strike: 30, dip: 60, rake: 90, slip: 1.5 }
///   - { east: 5000, north: 0, depth: 8000, reference: centroid, length: 10000, width: 5000,
///       strike: 120, dip: 80, strike_slip: -2, dip_slip: 0.3, opening: 0 }
/// point_sources:
///   - { east: 0, north: 0, depth: 5000, strike: 0, dip: 90, strike_potency: 1e8 }
/// </code>
/// </summary>
internal sealed record ForwardModel(ElasticMedium Medium, IReadOnlyList<RectangularFault> Faults,
    IReadOnlyList<PointSourceFault> PointSources)
{
    public static ForwardModel Load(string path)
    {
        var doc = YamlDocument.Load(path);
        var root = doc.Root;
        string unit = root.Text("length_unit", "m");
        double scale = unit switch
        {
            "m" => 1.0,
            "km" => 1000.0,
            _ => throw root.ErrorHere($"length_unit: '{unit}' is not supported; use m or km."),
        };
        var medium = ElasticMedium.Default;
        if (root.Map("medium") is { } m) medium = MediumKeys.Parse(m);
        var faults = root.List("faults").Select(f => Fault(f, scale)).ToArray();
        var points = root.List("point_sources").Select(p => Point(p, scale)).ToArray();
        root.RejectUnknownKeys();
        if (faults.Length + points.Length == 0)
            throw root.ErrorHere("no sources: give at least one entry under faults or point_sources.");
        return new ForwardModel(medium, faults, points);
    }

    private static RectangularFault Fault(YamlMap f, double scale)
    {
        bool byRake = f.Has("rake") || f.Has("slip");
        bool byComponents = f.Has("strike_slip") || f.Has("dip_slip");
        if (byRake && byComponents)
            throw f.ErrorHere("give the slip either as rake + slip or as strike_slip + dip_slip, not both.");
        FaultSlip slip = byComponents
            ? new FaultSlip(f.Number("strike_slip", 0), f.Number("dip_slip", 0), f.Number("opening", 0))
            : FaultSlip.FromRake(f.Number("rake", 0), f.Number("slip", 0), f.Number("opening", 0));
        string reference = f.Text("reference", "top_centre");
        double east = f.Number("east") * scale, north = f.Number("north") * scale;
        double length = f.Number("length") * scale, width = f.Number("width") * scale;
        double strike = f.Number("strike"), dip = f.Number("dip");
        RectangularFault result = reference switch
        {
            "top_centre" => Guard(f, () => new RectangularFault(east, north, f.Number("top_depth") * scale, length, width, strike, dip, slip)),
            "centroid" => Guard(f, () => RectangularFault.FromCentroid(east, north, f.Number("depth") * scale, length, width, strike, dip, slip)),
            _ => throw f.ErrorHere($"reference: '{reference}' is not known; use top_centre (east/north/top_depth of the top-edge centre) or centroid (east/north/depth of the centre)."),
        };
        f.RejectUnknownKeys();
        InRange(f, ("east", result.East), ("north", result.North), ("top_depth", result.TopDepth), ("length", result.Length), ("width", result.Width));
        if (Math.Abs(slip.Magnitude) > MaxSlip || Math.Abs(slip.Opening) > MaxSlip)
            throw f.ErrorHere(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"slip of {Math.Max(Math.Abs(slip.Magnitude), Math.Abs(slip.Opening)):G4} m is beyond the physical range (at most 1,000 m)."));
        return result;
    }

    /// <summary>Largest position, depth or size accepted, metres: ten thousand kilometres, more than any fault or map
    /// on Earth; beyond it the kernel's powers of distance overflow and results would not be numbers.</summary>
    public const double MaxLength = 1e7;

    /// <summary>Largest slip or opening accepted, metres (the largest earthquakes slip tens of metres).</summary>
    public const double MaxSlip = 1e3;

    private static void InRange(YamlMap at, params (string Key, double Metres)[] values)
    {
        foreach (var (key, v) in values)
            if (Math.Abs(v) > MaxLength)
                throw at.ErrorHere(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key}: {v:G4} m is beyond the physical range (|value| at most 1e7 m)."));
    }

    private static PointSourceFault Point(YamlMap p, double scale)
    {
        var s = Guard(p, () => new PointSourceFault(p.Number("east") * scale, p.Number("north") * scale, p.Number("depth") * scale,
            p.Number("strike", 0), p.Number("dip", 90), p.Number("strike_potency", 0), p.Number("dip_potency", 0),
            p.Number("tensile_potency", 0), p.Number("inflation_potency", 0)).Validated());
        p.RejectUnknownKeys();
        InRange(p, ("east", s.East), ("north", s.North), ("depth", s.Depth));
        return s;
    }

    /// <summary>Turns a model-layer ArgumentException into an error at the entry's line.</summary>
    private static T Guard<T>(YamlMap at, Func<T> make)
    {
        try { return make(); }
        catch (ArgumentException e) { throw at.ErrorHere(UserError.Reason(e)); }
    }
}
