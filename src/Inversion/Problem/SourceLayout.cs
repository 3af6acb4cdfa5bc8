using SourceModel.Inversion.Parameters;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Inversion.Problem;

/// <summary>The sources of a problem realised from one full parameter vector.</summary>
/// <param name="Rectangles">Rectangular faults (top-edge-centre form).</param>
/// <param name="Points">Point sources.</param>
public sealed record SourceSet(IReadOnlyList<RectangularFault> Rectangles, IReadOnlyList<PointSourceFault> Points)
{
    /// <summary>Total scalar moment Σ μ·A·|s| (rectangles) + μ·|potency| (points), N·m.</summary>
    public double Moment(ElasticMedium medium) =>
        Rectangles.Sum(r => r.Moment(medium)) +
        Points.Sum(p => medium.ShearModulus * Math.Sqrt(p.StrikePotency * p.StrikePotency + p.DipPotency * p.DipPotency));

    /// <summary>Moment magnitude Mw = (2/3)(log10 M0 − 9.1), M0 in N·m (Hanks &amp; Kanamori 1979, IASPEI 2013).</summary>
    public static double MomentMagnitude(double moment) => moment > 0 ? 2.0 / 3.0 * (Math.Log10(moment) - 9.1) : double.NegativeInfinity;
}

/// <summary>
/// Where each source's parameters sit in the full vector, and how a vector becomes Okada sources. A vector that
/// describes no valid source (top above the surface, non-positive size, dip outside [0, 90]) yields null with the size
/// of the violation, so the misfit can penalise it instead of throwing in the middle of a swarm.
/// </summary>
public sealed class SourceLayout
{
    private readonly SourceTemplate[] _templates;
    private readonly int[] _offsets;

    /// <summary>Lays out the templates one after another; names must be unique.</summary>
    public SourceLayout(IEnumerable<SourceTemplate> templates)
    {
        _templates = templates.ToArray();
        if (_templates.Length == 0) throw new ArgumentException("a geometry problem needs at least one source.");
        var dup = _templates.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"source name '{dup.Key}' is used twice.");
        foreach (var t in _templates)
            if (string.IsNullOrWhiteSpace(t.Name) || t.Name.Contains('.'))
                throw new ArgumentException($"source name '{t.Name}': give a non-empty name without dots.");
        _offsets = new int[_templates.Length];
        for (int k = 1; k < _templates.Length; k++) _offsets[k] = _offsets[k - 1] + _templates[k - 1].ParameterNames.Count;
        ParameterNames = _templates.SelectMany(t => t.ParameterNames.Select(p => $"{t.Name}.{p}")).ToArray();
    }

    /// <summary>The templates in order.</summary>
    public IReadOnlyList<SourceTemplate> Templates => _templates;

    /// <summary>A full parameter name (SOURCE.parameter) in words: <see cref="SourceTemplate.Describe"/>, prefixed with
    /// the source's name when there are several sources.</summary>
    public string Describe(string fullName)
    {
        int dot = fullName.IndexOf('.');
        if (dot < 0) return fullName;
        string source = fullName[..dot], parameter = fullName[(dot + 1)..];
        var template = _templates.FirstOrDefault(t => t.Name == source);
        if (template is null) return fullName;
        string words = template.Describe(parameter);
        return _templates.Length > 1 ? $"{source}: {words}" : words;
    }

    /// <summary>Every full parameter name (<c>SOURCE.parameter</c>) in vector order.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Offset of source <paramref name="k"/>'s first parameter in the full vector.</summary>
    public int Offset(int k) => _offsets[k];

    /// <summary>
    /// The sources of a full vector, or null when a source is invalid; <paramref name="violation"/> then measures how
    /// far (metres or degrees) the vector lies outside the valid set, to steer a penalised search back.
    /// </summary>
    public SourceSet? Realise(ReadOnlySpan<double> full, out double violation)
    {
        violation = 0;
        var rects = new List<RectangularFault>();
        var points = new List<PointSourceFault>();
        for (int k = 0; k < _templates.Length; k++)
        {
            var t = _templates[k];
            var p = full.Slice(_offsets[k], t.ParameterNames.Count);
            if (t.Kind == SourceKind.Rectangle)
            {
                var r = Rectangle(t, p, ref violation);
                if (r is not null) rects.Add(r);
            }
            else
            {
                double strikeP, dipP;
                if (t.Slip == SlipForm.RakeAndSlip) (strikeP, dipP) = Split(p[5], p[6]);
                else (strikeP, dipP) = (p[5], p[6]);
                if (p[2] < 0) violation += -p[2];
                if (p[4] is < 0 or > 90) violation += p[4] < 0 ? -p[4] : p[4] - 90;
                if (violation == 0) points.Add(new PointSourceFault(p[0], p[1], p[2], p[3], p[4], strikeP, dipP));
            }
        }
        return violation > 0 ? null : new SourceSet(rects, points);
    }

    private static RectangularFault? Rectangle(SourceTemplate t, ReadOnlySpan<double> p, ref double violation)
    {
        double east = p[0], north = p[1], depth = p[2], length = p[3], width = p[4], strike = p[5], dip = p[6];
        var slip = t.Slip == SlipForm.RakeAndSlip
            ? FaultSlip.FromRake(p[7], p[8], p[9])
            : new FaultSlip(p[7], p[8], p[9]);
        double before = violation;
        if (length <= 0) violation += 1 - length;
        if (width <= 0) violation += 1 - width;
        if (dip is < 0 or > 90) violation += dip < 0 ? -dip : dip - 90;
        if (violation > before) return null;
        if (t.Depth == DepthReference.Centroid)
        {
            double top = depth - 0.5 * width * Math.Sin(dip * Math.PI / 180);
            if (top < -1e-9 * Math.Max(1, depth))
            {
                violation += -top;
                return null;
            }
            return RectangularFault.FromCentroid(east, north, depth, length, width, strike, dip, slip);
        }
        if (depth < 0)
        {
            violation += -depth;
            return null;
        }
        return new RectangularFault(east, north, depth, length, width, strike, dip, slip);
    }

    private static (double Strike, double Dip) Split(double rake, double magnitude)
    {
        double r = rake * Math.PI / 180;
        return (magnitude * Math.Cos(r), magnitude * Math.Sin(r));
    }

    /// <summary>Refuses bounds (or a fixed value) no source can take: dip outside [0, 90], a non-positive length or
    /// width, a negative depth or potency magnitude.</summary>
    private static ParameterSpec WithinPhysicalLimits(ParameterSpec s)
    {
        string p = s.Name[(s.Name.IndexOf('.') + 1)..];
        (double Lo, double Hi, string Why)? limit = p switch
        {
            "dip" => (0, 90, "dip is measured down from the horizontal, 0 to 90 degrees (strike sets the dip direction)"),
            "length" or "width" => (double.Epsilon, double.PositiveInfinity, "a size must be positive"),
            "depth" => (0, double.PositiveInfinity, "depth is positive down from the surface"),
            "slip" or "potency" => (0, double.PositiveInfinity, "the magnitude is non-negative (the rake gives the direction)"),
            _ => null,
        };
        if (limit is { } l && (s.Min < l.Lo || s.Max > l.Hi))
            throw new ArgumentException(FormattableString.Invariant(
                $"parameter '{s.Name}': {(s.IsFree ? $"bounds [{s.Min}, {s.Max}]" : $"value {s.Fixed}")} leave the possible range: {l.Why}."));
        return s;
    }

    /// <summary>Checks that every template parameter has a spec and no spec is unknown; returns the specs in vector order.</summary>
    public ParameterSpace Space(IReadOnlyDictionary<string, ParameterSpec> given)
    {
        var unknown = given.Keys.Where(k => !ParameterNames.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown parameter '{unknown[0]}'; the sources have: {string.Join(", ", ParameterNames)}.");
        var specs = new List<ParameterSpec>();
        foreach (string name in ParameterNames)
        {
            if (given.TryGetValue(name, out var s)) specs.Add(WithinPhysicalLimits(s with { Name = name }));
            else if (SourceTemplate.Defaults.TryGetValue(name[(name.IndexOf('.') + 1)..], out double d)) specs.Add(ParameterSpec.FixedAt(name, d));
            else throw new ArgumentException($"parameter '{name}' is missing: give bounds [min, max] or a fixed value.");
        }
        var space = new ParameterSpace(specs);
        CheckFeasible(space);
        return space;
    }

    /// <summary>
    /// Refuses bounds under which no valid source exists, naming the parameters involved: a rectangle located by its
    /// centroid needs a centroid deep enough for half its narrowest width at its gentlest dip, or its top is above ground
    /// wherever the search goes. (Top-edge depths, sizes and dips are held to their physical ranges by
    /// <see cref="WithinPhysicalLimits"/>.)
    /// </summary>
    private void CheckFeasible(ParameterSpace space)
    {
        for (int k = 0; k < _templates.Length; k++)
        {
            var t = _templates[k];
            if (t.Kind != SourceKind.Rectangle || t.Depth != DepthReference.Centroid) continue;
            int o = _offsets[k];
            var depth = space.Specs[o + 2];
            var width = space.Specs[o + 4];
            var dip = space.Specs[o + 6];
            double shallowest = 0.5 * width.Min * Math.Sin(dip.Min * Math.PI / 180);
            if (depth.Max < shallowest)
                throw new ArgumentException(FormattableString.Invariant(
                    $"bounds leave no fault below the surface: '{depth.Name}' (centroid depth) is at most {depth.Max} m, but with '{width.Name}' at least {width.Min} m and '{dip.Name}' at least {dip.Min}° the centroid must be at least {shallowest:F0} m deep; raise the depth bound or lower the width or dip bound."));
        }
    }
}
