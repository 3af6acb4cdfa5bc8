namespace SourceModel.Inversion.Problem;

/// <summary>What kind of source a template describes.</summary>
public enum SourceKind
{
    /// <summary>A rectangle with uniform slip (Okada 1985/1992 finite source).</summary>
    Rectangle,

    /// <summary>A point dislocation (Okada 1992 DC3D0), given by its potency.</summary>
    Point,
}

/// <summary>How the slip (or potency) of a source is parameterised.</summary>
public enum SlipForm
{
    /// <summary><c>rake</c> (degrees, Aki–Richards) and <c>slip</c> (m) — or <c>potency</c> (m³) for a point source.</summary>
    RakeAndSlip,

    /// <summary><c>strike_slip</c> and <c>dip_slip</c> (m, left-lateral and reverse positive) — or
    /// <c>strike_potency</c>/<c>dip_potency</c> (m³) for a point source.</summary>
    Components,
}

/// <summary>Which point of a rectangle its <c>east</c>, <c>north</c> and <c>depth</c> parameters locate.</summary>
public enum DepthReference
{
    /// <summary>Centre of the top edge (the toolkit's canonical reference; depth ≥ 0 keeps the fault below ground).</summary>
    Top,

    /// <summary>Centroid of the rectangle (GBIS-style searches); the top may then come out above the surface, which
    /// the misfit penalises.</summary>
    Centroid,
}

/// <summary>
/// The parameter names of one source in a geometry problem. Rectangle: <c>east</c>, <c>north</c> (m, local frame),
/// <c>depth</c> (m, positive down, of the <see cref="DepthReference"/> point), <c>length</c>, <c>width</c> (m),
/// <c>strike</c>, <c>dip</c> (degrees), then the slip (<see cref="SlipForm"/>) and <c>opening</c> (m). Point:
/// <c>east</c>, <c>north</c>, <c>depth</c>, <c>strike</c>, <c>dip</c> and the potency.
/// </summary>
/// <param name="Name">Source name, the prefix of its parameter names (<c>NAME.dip</c>).</param>
/// <param name="Kind">Rectangle or point.</param>
/// <param name="Slip">How slip is parameterised.</param>
/// <param name="Depth">Reference point of the location parameters (rectangles).</param>
public sealed record SourceTemplate(string Name, SourceKind Kind, SlipForm Slip = SlipForm.RakeAndSlip,
    DepthReference Depth = DepthReference.Top)
{
    /// <summary>The parameter names in order, without the source prefix.</summary>
    public IReadOnlyList<string> ParameterNames => (Kind, Slip) switch
    {
        (SourceKind.Rectangle, SlipForm.RakeAndSlip) => ["east", "north", "depth", "length", "width", "strike", "dip", "rake", "slip", "opening"],
        (SourceKind.Rectangle, _) => ["east", "north", "depth", "length", "width", "strike", "dip", "strike_slip", "dip_slip", "opening"],
        (SourceKind.Point, SlipForm.RakeAndSlip) => ["east", "north", "depth", "strike", "dip", "rake", "potency"],
        _ => ["east", "north", "depth", "strike", "dip", "strike_potency", "dip_potency"],
    };

    /// <summary>Parameters that may be left out of a configuration, with the value they are then held at.</summary>
    public static IReadOnlyDictionary<string, double> Defaults { get; } = new Dictionary<string, double> { ["opening"] = 0.0 };

    /// <summary>What a parameter is, in words a reader of a table or plot understands without the docs
    /// ("top-edge centre east" rather than <c>east</c>): the location parameters name the point they locate.</summary>
    public string Describe(string parameter)
    {
        string point = Kind == SourceKind.Point ? "source" : Depth == DepthReference.Top ? "top-edge centre" : "centroid";
        return parameter switch
        {
            "east" => $"{point} east",
            "north" => $"{point} north",
            "depth" => Kind == SourceKind.Point ? "source depth" : Depth == DepthReference.Top ? "top-edge depth" : "centroid depth",
            "length" => "length along strike",
            "width" => "width down dip",
            "strike_slip" => "strike-slip (left-lateral +)",
            "dip_slip" => "dip-slip (reverse +)",
            "strike_potency" => "strike-slip potency",
            "dip_potency" => "dip-slip potency",
            _ => parameter,
        };
    }

    /// <summary>True for the parameters that are an amount of slip or opening (metres read to the millimetre, where
    /// positions and sizes are read to the metre).</summary>
    public static bool IsSlipAmount(string fullName) =>
        fullName[(fullName.IndexOf('.') + 1)..] is "slip" or "opening" or "strike_slip" or "dip_slip";

    /// <summary>Unit of a full parameter name, SOURCE.parameter (fault.dip → deg).</summary>
    public static string UnitOfFullName(string fullName) => UnitOf(fullName[(fullName.IndexOf('.') + 1)..]);

    /// <summary>The unit of a parameter, for tables and summaries.</summary>
    public static string UnitOf(string parameter) => parameter switch
    {
        "strike" or "dip" or "rake" => "deg",
        "potency" or "strike_potency" or "dip_potency" => "m3",
        _ => "m",
    };
}
