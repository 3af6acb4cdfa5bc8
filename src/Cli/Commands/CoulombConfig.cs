using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Coulomb;
using SourceModel.Coulomb.Inp;
using SourceModel.Coulomb.Resolution;
using SourceModel.Sampling.Projection;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Cli.Commands;

/// <summary>A horizontal grid request (m).</summary>
internal sealed record GridRequest(double MinEast, double MaxEast, double MinNorth, double MaxNorth, double Spacing, double[] Depths);

/// <summary>A cross-section request (m).</summary>
internal sealed record SectionRequest(double StartEast, double StartNorth, double EndEast, double EndNorth, double Spacing, double Top, double Bottom, double DepthSpacing);

/// <summary>
/// `sourcemodel coulomb CONFIG.yaml` (docs/formats.md): sources from a Coulomb 3 .inp or a forward-model file, the
/// medium and friction, the receiver (a specified plane or optimally oriented planes in a regional stress), where to
/// compute (grids at depths, cross-sections, receiver faults), and the output folder. Positions in km as Coulomb users
/// write them; every result is written in SI units.
/// </summary>
internal sealed record CoulombConfig(string Path, IReadOnlyList<RectangularFault> Sources, IReadOnlyList<RectangularFault> ReceiverFaults,
    ElasticMedium Medium, double Friction, ReceiverSpec Receiver, double? ReceiverRake, IReadOnlyList<GridRequest> Grids,
    IReadOnlyList<SectionRequest> Sections, string Output)
{
    /// <summary>The rake each receiver patch is resolved with, in <see cref="ReceiverFaults"/>' order (degrees; null: that
    /// patch's optimal rake); see <see cref="ReceiverRakeRule"/>.</summary>
    public IReadOnlyList<double?> ReceiverRakes { get; init; } = [];

    /// <summary>Which rake the receiver patches are resolved with, in words (the report and summary say it).</summary>
    public string ReceiverRakeRule { get; init; } = "";

    /// <summary>Aftershocks as receivers (<c>catalogue: {file, skip_bad_rows}</c>), or null.</summary>
    public AftershockCatalogue? Catalogue { get; init; }

    /// <summary>The ΔCFS colour scale of the report's maps and sections, ±this many bar (<c>colour_limit_bar</c>); null:
    /// the 98th percentile of |ΔCFS| over the nodes away from the source.</summary>
    public double? ColourLimitBar { get; init; }

    /// <summary>Points where ΔCFS is computed: grid nodes at every depth, cross-section nodes and receiver faults.</summary>
    public long Nodes() =>
        Grids.Sum(g => (long)((g.MaxEast - g.MinEast) / g.Spacing + 1) * (long)((g.MaxNorth - g.MinNorth) / g.Spacing + 1) * g.Depths.Length)
        + Sections.Sum(s => (long)(Math.Sqrt(Math.Pow(s.EndEast - s.StartEast, 2) + Math.Pow(s.EndNorth - s.StartNorth, 2)) / s.Spacing + 1)
                            * (long)((s.Bottom - s.Top) / s.DepthSpacing + 1))
        + ReceiverFaults.Count;

    public static CoulombConfig Load(string path)
    {
        var root = YamlDocument.Load(path).Root;
        string folder = root.Folder;
        string Resolve(string p) => System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, p));
        var sourcesMap = root.Map("sources") ?? throw root.ErrorAt("sources", "missing; give 'inp: FILE.inp', 'faults: FILE.yaml' or 'slip_model: PATCHES.csv'.");
        string inpFile = sourcesMap.Text("inp", ""), faultFile = sourcesMap.Text("faults", ""), slipFile = sourcesMap.Text("slip_model", "");
        sourcesMap.RejectUnknownKeys();
        if (new[] { inpFile, faultFile, slipFile }.Count(f => f.Length > 0) != 1)
            throw sourcesMap.ErrorHere("give exactly one of 'inp', 'faults' or 'slip_model'.");
        CoulombInput? inp = null;
        ElasticMedium medium;
        IReadOnlyList<RectangularFault> sources, receivers = [];
        if (inpFile.Length > 0)
        {
            inp = InpReader.Read(Resolve(inpFile));
            var faults = inp.Elements.Select(e => e.ToFault(inp.Columns)).ToArray();
            sources = faults.Where((_, i) => !inp.Elements[i].IsReceiver(inp.Columns)).ToArray();
            receivers = faults.Where((_, i) => inp.Elements[i].IsReceiver(inp.Columns)).ToArray();
            medium = ElementStress.MediumOf(inp);
        }
        else if (slipFile.Length > 0)
        {
            sources = SlipModelCsv.Load(Resolve(slipFile));
            medium = ElasticMedium.Default;
        }
        else
        {
            var model = ForwardModel.Load(Resolve(faultFile));
            if (model.PointSources.Count > 0) throw sourcesMap.ErrorAt("faults", "point sources are not supported for stress; give rectangles.");
            sources = model.Faults;
            medium = model.Medium;
        }
        if (sources.Count == 0) throw sourcesMap.ErrorHere("no source has slip.");
        if (root.Map("medium") is { } m) medium = MediumKeys.Parse(m);
        var (friction, receiver, listed, grids, sections, limit) = Settings(root, inp);
        if (listed.Length > 0) receivers = receivers.Concat(listed).ToArray();
        var (rakes, rule, receiverRake) = Rakes(root, receiver, [], receivers.Count);
        var catalogue = CatalogueKey(root, null);
        if (inp?.CrossSection is { } xs && root.Flag("inp_cross_section", false))
            sections.Add(new SectionRequest(xs.StartX * 1e3, xs.StartY * 1e3, xs.FinishX * 1e3, xs.FinishY * 1e3, xs.XIncrement * 1e3, 0, xs.YIncrement * 1e3, xs.ZIncrement * 1e3));
        string output = Resolve(root.Text("output", System.IO.Path.GetFileNameWithoutExtension(path) + "-coulomb"));
        root.RejectUnknownKeys();
        if (grids.Count + sections.Count + receivers.Count == 0 && catalogue is null)
            throw root.ErrorHere("nothing to compute: give 'grids', 'cross_sections', 'catalogue', or receiver (zero-slip) elements in the .inp.");
        return new CoulombConfig(path, sources, receivers, medium, friction, receiver, receiverRake, grids, sections, output)
        {
            ColourLimitBar = limit, ReceiverRakes = rakes, ReceiverRakeRule = rule, Catalogue = catalogue,
        };
    }

    /// <summary>
    /// The pipeline's <c>coulomb</c> section: the same receiver, friction, grid, cross-section and receiver-fault keys,
    /// with step 2's slipping patches as the sources; <c>fault_plane: true</c> adds all of step 2's patches as receivers
    /// (ΔCFS on the fault plane). <paramref name="patches"/> is empty while step 2 has not run (keys are checked only).
    /// </summary>
    public static CoulombConfig FromSection(YamlMap section, string path, IReadOnlyList<RectangularFault> patches, ElasticMedium medium, string output,
        GeoReference? reference = null)
    {
        var (friction, receiver, listed, grids, sections, limit) = Settings(section, null);
        bool plane = section.Flag("fault_plane", false);
        var sources = patches.Where(f => f.Slip.Magnitude > 0).ToArray();
        var receivers = (plane ? patches.Select(f => f with { Slip = default }) : []).Concat(listed).ToArray();
        var catalogue = CatalogueKey(section, reference);
        if (grids.Count + sections.Count + listed.Length == 0 && !plane && catalogue is null)
            throw section.ErrorHere("nothing to compute: give grids, cross_sections, receiver_faults, catalogue or fault_plane: true.");
        var (rakes, rule, receiverRake) = Rakes(section, receiver, plane ? patches : [], listed.Length);
        return new CoulombConfig(path, sources, receivers, medium, friction, receiver, receiverRake, grids, sections, output)
        {
            ColourLimitBar = limit, ReceiverRakes = rakes, ReceiverRakeRule = rule, Catalogue = catalogue,
        };
    }

    /// <summary><c>catalogue: {file, skip_bad_rows, reference}</c>: aftershocks as receivers (<see cref="AftershockCatalogue"/>);
    /// lon/lat are projected into the pipeline's data frame (<paramref name="pipelineReference"/>) or, in a standalone
    /// configuration, the frame <c>reference: {lon, lat}</c> names.</summary>
    private static AftershockCatalogue? CatalogueKey(YamlMap at, GeoReference? pipelineReference)
    {
        if (at.Map("catalogue") is not { } m) return null;
        string file = m.Text("file", "");
        if (file.Length == 0) throw m.ErrorAt("file", "missing; the catalogue CSV (lon,lat or east_km,north_km, depth_km[, strike1,dip1,rake1,strike2,dip2,rake2]).");
        bool skip = m.Flag("skip_bad_rows", false);
        var reference = pipelineReference;
        if (m.Map("reference") is { } r)
        {
            if (pipelineReference is not null) throw m.ErrorAt("reference", "in a pipeline the catalogue is projected into the data's reference; remove this one.");
            reference = new GeoReference(r.Number("lon"), r.Number("lat"));
            r.RejectUnknownKeys();
        }
        m.RejectUnknownKeys();
        return AftershockCatalogue.Load(System.IO.Path.GetFullPath(System.IO.Path.Combine(m.Folder, file)), reference, skip);
    }

    /// <summary>
    /// The rake of every receiver patch: the fault's own patches (<paramref name="own"/>, with their slip) first, then
    /// <paramref name="others"/> listed or .inp receivers. <c>receiver_rake: R</c> resolves them all in R,
    /// <c>receiver_rake: optimal</c> each in its optimal rake; without it they take the rake of the configured receiver
    /// plane — or, for optimally oriented receivers, the fault's own patches take their own slip rake (the stress drop of
    /// the slip zone is what a seismologist expects there; its optimal rake would show a stress rise) and other receivers
    /// their optimal rake. <c>Given</c> is the number <c>receiver_rake</c> names, if it does.
    /// </summary>
    private static (double?[] Rakes, string Rule, double? Given) Rakes(YamlMap at, ReceiverSpec receiver, IReadOnlyList<RectangularFault> own, int others)
    {
        int count = own.Count + others;
        if (at.Has("receiver_rake"))
        {
            string text = at.Text("receiver_rake", "");
            if (text == "optimal") return (new double?[count], "each patch's optimal rake (receiver_rake: optimal)", null);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double r) || !double.IsFinite(r))
                throw at.ErrorAt("receiver_rake", $"expected a rake in degrees or optimal, got '{text}'.");
            return (Enumerable.Repeat<double?>(r, count).ToArray(), F($"rake {r:0.#}° on every receiver patch (receiver_rake)"), r);
        }
        if (receiver.Plane is { } p)
            return (Enumerable.Repeat<double?>(p.Rake, count).ToArray(), F($"the receiver's rake {p.Rake:0.#}° on every receiver patch"), null);
        var slipping = own.Where(f => f.Slip.Magnitude > 0).ToList();
        double ss = slipping.Sum(f => f.Slip.StrikeSlip * f.Area), ds = slipping.Sum(f => f.Slip.DipSlip * f.Area);
        double mean = Math.Atan2(ds, ss) * 180 / Math.PI;
        var rakes = own.Select(f => (double?)(f.Slip.Magnitude > 0 ? f.Slip.Rake : mean)).Concat(new double?[others]).ToArray();
        string rule = own.Count == 0 ? "each patch's optimal rake (optimally oriented receivers; receiver_rake sets one)"
            : F($"each fault patch's own slip rake (patches without slip: the mean rake {mean:0.#}°)") + (others > 0 ? "; other receiver patches: their optimal rake" : "");
        return (rakes, rule, null);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static (double Friction, ReceiverSpec Receiver, RectangularFault[] ReceiverFaults, List<GridRequest> Grids, List<SectionRequest> Sections, double? ColourLimitBar)
        Settings(YamlMap root, CoulombInput? inp)
    {
        double friction = root.Number("friction", inp?.Friction ?? CoulombStress.DefaultFriction);
        if (!(friction >= 0 && friction <= 1)) throw root.ErrorAt("friction", $"{friction} must be within [0, 1].");
        var receiver = ParseReceiver(root, inp);
        var listed = root.List("receiver_faults").SelectMany(ParseReceiverFault).ToArray();
        var grids = root.List("grids").Select(ParseGrid).ToList();
        var sections = root.List("cross_sections").Select(ParseSection).ToList();
        double? limit = root.Has("colour_limit_bar") ? root.Number("colour_limit_bar") : null;
        if (limit is { } l && !(l > 0 && double.IsFinite(l))) throw root.ErrorAt("colour_limit_bar", $"{l} must be a positive number of bar (the colour scale runs from −it to +it).");
        return (friction, receiver, listed, grids, sections, limit);
    }

    private static ReceiverSpec ParseReceiver(YamlMap root, CoulombInput? inp)
    {
        var r = root.Map("receiver") ?? throw root.ErrorAt("receiver", "missing; give {strike, dip, rake} or {optimal: true}.");
        if (r.Flag("optimal", false))
        {
            RegionalStress regional;
            if (r.Map("regional") is { } g)
            {
                regional = new RegionalStress([Axis(g, "s1"), Axis(g, "s2"), Axis(g, "s3")]);
                g.RejectUnknownKeys();
            }
            else if (inp is not null)
            {
                regional = new RegionalStress(inp.Regional.Select(s => new PrincipalAxis(s.Azimuth, s.Plunge, s.Intensity * 1e5, s.Gradient * 1e5 / 1e3)).ToArray());
            }
            else throw r.ErrorAt("regional", "optimal planes need a regional stress (here or in the .inp).");
            r.RejectUnknownKeys();
            return ReceiverSpec.Optimal(regional);
        }
        var plane = new ReceiverPlane(r.Number("strike"), r.Number("dip"), r.Number("rake"));
        r.RejectUnknownKeys();
        try { return ReceiverSpec.Specified(plane); }
        catch (ArgumentException e) { throw r.ErrorHere(UserError.Reason(e)); }
    }

    /// <summary>A receiver fault (km, top-edge centre) discretised into along × down patches.</summary>
    private static RectangularFault[] ParseReceiverFault(YamlMap f)
    {
        try
        {
            var plane = new RectangularFault(f.Number("east_km") * 1e3, f.Number("north_km") * 1e3, f.Number("top_km") * 1e3,
                f.Number("length_km") * 1e3, f.Number("width_km") * 1e3, f.Number("strike"), f.Number("dip"), default);
            int along = f.Integer("along", 1), down = f.Integer("down", 1);
            f.RejectUnknownKeys();
            return new SourceModel.Coulomb.Stress.PlaneSlipModel(plane, along, down, new SourceModel.Okada.Geometry.FaultSlip[Math.Max(0, along * down)]).Validated().Patches();
        }
        catch (ArgumentException e) { throw f.ErrorHere(UserError.Reason(e)); }
    }

    private static PrincipalAxis Axis(YamlMap g, string key)
    {
        var a = g.Map(key) ?? throw g.ErrorAt(key, "missing principal axis {azimuth, plunge, magnitude_bar, gradient_bar_per_km}.");
        var axis = new PrincipalAxis(a.Number("azimuth"), a.Number("plunge"), a.Number("magnitude_bar") * 1e5, a.Number("gradient_bar_per_km", 0) * 1e5 / 1e3);
        a.RejectUnknownKeys();
        return axis;
    }

    private static GridRequest ParseGrid(YamlMap g)
    {
        var e = g.NumberList("east_km", 2) ?? throw g.ErrorAt("east_km", "missing [min, max].");
        var n = g.NumberList("north_km", 2) ?? throw g.ErrorAt("north_km", "missing [min, max].");
        double spacing = g.Number("spacing_km");
        var depths = DepthList(g);
        g.RejectUnknownKeys();
        if (!(spacing > 0) || e[1] < e[0] || n[1] < n[0]) throw g.ErrorHere("need min <= max and a positive spacing.");
        if ((long)((e[1] - e[0]) / spacing + 1) * (long)((n[1] - n[0]) / spacing + 1) * depths.Length > 50_000_000)
            throw g.ErrorHere("more than 50 million nodes; use a coarser spacing.");
        return new GridRequest(e[0] * 1e3, e[1] * 1e3, n[0] * 1e3, n[1] * 1e3, spacing * 1e3, depths.Select(d => d * 1e3).ToArray());
    }

    private static double[] DepthList(YamlMap g)
    {
        var depths = g.Numbers("depths_km") ?? throw g.ErrorAt("depths_km", "missing; give one or more depths, e.g. [5, 10].");
        if (depths.Length == 0 || depths.Any(d => !(d >= 0))) throw g.ErrorAt("depths_km", "give one or more depths >= 0 km.");
        return depths;
    }

    private static SectionRequest ParseSection(YamlMap s)
    {
        var a = s.NumberList("start_km", 2) ?? throw s.ErrorAt("start_km", "missing [east, north].");
        var b = s.NumberList("end_km", 2) ?? throw s.ErrorAt("end_km", "missing [east, north].");
        var depth = s.NumberList("depth_km", 2) ?? throw s.ErrorAt("depth_km", "missing [top, bottom].");
        double spacing = s.Number("spacing_km"), dz = s.Number("depth_spacing_km");
        s.RejectUnknownKeys();
        if (!(spacing > 0 && dz > 0) || depth[1] < depth[0]) throw s.ErrorHere("need top <= bottom and positive spacings.");
        double along = Math.Sqrt((b[0] - a[0]) * (b[0] - a[0]) + (b[1] - a[1]) * (b[1] - a[1]));
        if ((along / spacing + 1) * ((depth[1] - depth[0]) / dz + 1) > 50_000_000)
            throw s.ErrorHere("more than 50 million nodes; use a coarser spacing.");
        return new SectionRequest(a[0] * 1e3, a[1] * 1e3, b[0] * 1e3, b[1] * 1e3, spacing * 1e3, depth[0] * 1e3, depth[1] * 1e3, dz * 1e3);
    }
}
