using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling.Projection;

namespace SourceModel.Cli.Commands;

/// <summary>The smoothing weight: fixed, or chosen on an L-curve over a grid (null bounds: the default grid).</summary>
internal sealed record WeightChoice(double? Fixed, int Count, double? Min, double? Max)
{
    /// <summary>The rule that picks the weight on the L-curve (<c>choose</c>).</summary>
    public SmoothingChoice Choice { get; init; } = SmoothingChoice.Abic;

    /// <summary>The rule in words, for logs and summaries.</summary>
    public string ChosenBy => Fixed is not null ? "fixed weight" : Choice switch
    {
        SmoothingChoice.Abic => "ABIC minimum",
        SmoothingChoice.Gcv => "GCV minimum",
        _ => "L-curve corner",
    };
}

/// <summary>
/// A step-2 configuration (docs/formats.md, "slip configuration"): data and fit settings as in step 1, the medium, the
/// fault (a step-1 run's rectangle extended, a segment file, or segments listed inline; each cut into patches), the slip
/// parameterisation (rake window or free sign, maximum slip), the smoothing (target, boundary, weight or L-curve), the
/// solver, an optional dip–smoothing scan, and the output folder. Every key is checked before any work.
/// </summary>
internal sealed record SlipConfig(string Path, DatasetConfig Data, IReadOnlyDictionary<string, DatasetFitSettings> Fit, ElasticMedium Medium,
    IReadOnlyList<FaultSegment> Segments, GeoReference? FaultReference, string FaultOrigin, SlipBasis Basis, RoughnessTarget Target,
    SmoothingBoundary Boundary, WeightChoice Weight, SlipSolver Solver, bool FixBlind, double[]? ScanDips, double Friction, string Output)
{
    private static readonly string[] SegmentKeys = ["east_m", "north_m", "top_depth_m", "length_m", "width_m", "strike_deg", "dip_deg"];

    /// <summary>Patches step 2 will solve for: those cut, or — while step 1 has not run — those its rectangle resized by
    /// size_m will give; null when that is not known yet (an extended rectangle).</summary>
    public long? PlannedPatches { get; init; }

    /// <summary>Where the fault keys sit: "slip." in a pipeline (its <c>slip</c> section), "" in a step-2 file.</summary>
    public string FaultKeyPrefix { get; init; } = "";

    /// <summary>Dense normal equations (the default) or the matrix-free path (<c>algebra: matrix_free</c>).</summary>
    public SlipAlgebra Algebra { get; init; } = SlipAlgebra.Dense;

    public static SlipConfig Load(string path)
    {
        var root = YamlDocument.Load(path).Root;
        var data = DatasetConfig.Parse(root, path);
        var fit = FitKeys.Parse(root, data);
        var medium = root.Map("medium") is { } mm ? MediumKeys.Parse(mm) : ElasticMedium.Default;
        var faultMap = root.Map("fault") ?? throw root.ErrorAt("fault", "missing; give geometry_run (a step-1 run folder), file (a segment CSV) or segments.");
        var s = root.Map("slip") ?? throw root.ErrorAt("slip", "missing; give at least the rake window (rake: [r1, r2]) or free_sign: true, and max_slip_m.");
        var algebra = AlgebraKey(s);
        var (segments, reference, origin, _) = Fault(faultMap, root.Folder, data.Reference, null, algebra);
        var (dips, friction) = ScanAndFriction(root, segments.Count);
        var (basis, target, boundary, weight, solver, fixBlind) = Slip(s, algebra);
        if (dips is not null && weight.Fixed is not null) throw root.ErrorAt("dip_scan", "a dip scan chooses the smoothing weight too: remove slip.weight.");
        if (dips is not null && algebra == SlipAlgebra.MatrixFree) throw s.ErrorAt("algebra", "a dip scan compares ABIC across dips, which needs the dense path: remove algebra: matrix_free or the dip scan.");
        string output = System.IO.Path.GetFullPath(System.IO.Path.Combine(root.Folder,
            root.Text("output", System.IO.Path.GetFileNameWithoutExtension(path) + "-slip")));
        root.RejectUnknownKeys();
        return new SlipConfig(path, data, fit, medium, segments, reference, origin, basis, target, boundary, weight, solver, fixBlind, dips, friction, output)
        {
            PlannedPatches = segments.Sum(s => (long)s.AlongStrike * s.DownDip),
            Algebra = algebra,
        };
    }

    /// <summary>
    /// The pipeline's <c>slip</c> section: <c>fault</c>, <c>dip_scan</c>, <c>friction</c> and the slip keys (rake,
    /// max_slip_m, smoothing, l_curve …) side by side. A fault with neither <c>file</c> nor <c>segments</c> is step 1's
    /// rectangle, read from <paramref name="stepOneRun"/>; while step 1 has not run (<paramref name="stepOneRun"/> "")
    /// its keys are checked and no patches are made.
    /// </summary>
    public static SlipConfig FromSection(YamlMap section, YamlMap root, string path, DatasetConfig data, IReadOnlyDictionary<string, DatasetFitSettings> fit,
        ElasticMedium medium, string output, string? stepOneRun)
    {
        var faultMap = section.Map("fault") ?? throw section.ErrorAt("fault", "missing; give file (a segment CSV), segments, or the step-1 rectangle's extend/size_m and patch_size_m.");
        var algebra = AlgebraKey(section);
        var (segments, reference, origin, planned) = Fault(faultMap, root.Folder, data.Reference, stepOneRun, algebra);
        var (dips, friction) = ScanAndFriction(section, Math.Max(1, segments.Count));
        var (basis, target, boundary, weight, solver, fixBlind) = Slip(section, algebra);
        if (dips is not null && weight.Fixed is not null) throw section.ErrorAt("dip_scan", "a dip scan chooses the smoothing weight too: remove weight.");
        if (dips is not null && algebra == SlipAlgebra.MatrixFree) throw section.ErrorAt("algebra", "a dip scan compares ABIC across dips, which needs the dense path: remove algebra: matrix_free or the dip scan.");
        return new SlipConfig(path, data, fit, medium, segments, reference, origin, basis, target, boundary, weight, solver, fixBlind, dips, friction, output)
        {
            PlannedPatches = segments.Count > 0 ? segments.Sum(s => (long)s.AlongStrike * s.DownDip) : planned,
            FaultKeyPrefix = "slip.",
            Algebra = algebra,
        };
    }

    private static (double[]? Dips, double Friction) ScanAndFriction(YamlMap m, int segmentCount)
    {
        double[]? dips = null;
        if (m.Map("dip_scan") is { } scan)
        {
            dips = scan.Numbers("dips") ?? throw scan.ErrorAt("dips", "missing; give the trial dips in degrees, e.g. [10, 15, 20].");
            if (dips.Length < 2) throw scan.ErrorAt("dips", "give at least two trial dips.");
            foreach (double d in dips)
                if (!(d > 0 && d <= 90)) throw scan.ErrorAt("dips", $"trial dip {d}: must be in (0, 90] degrees.");
            if (segmentCount != 1) throw scan.ErrorAt("dips", "a dip scan needs a single-plane fault.");
            scan.RejectUnknownKeys();
        }
        double friction = m.Number("friction", 0.4);
        if (!(friction >= 0 && friction <= 1.5)) throw m.ErrorAt("friction", $"effective friction {friction}: expected a value in 0..1.5 (written to the Coulomb .inp).");
        return (dips, friction);
    }

    /// <summary>The fault; <paramref name="stepOneRun"/> non-null means the pipeline supplies step 1's run folder
    /// ("" while step 1 has not run yet) when the fault names neither a file nor segments.</summary>
    private static (List<FaultSegment>, GeoReference?, string, long?) Fault(YamlMap f, string folder, GeoReference? dataReference, string? stepOneRun,
        SlipAlgebra algebra)
    {
        bool fromPipeline = stepOneRun is not null && !f.Has("file") && !f.Has("segments");
        if (stepOneRun is not null && f.Has("geometry_run")) throw f.ErrorAt("geometry_run", "in a pipeline the fault comes from its own step 1 (or give file or segments).");
        int given = new[] { "geometry_run", "file", "segments" }.Count(f.Has);
        if (!fromPipeline && given != 1)
            throw f.ErrorHere(stepOneRun is null ? "give exactly one of geometry_run, file or segments." : "give either file or segments, or neither (step 1's rectangle).");
        var (defaultLength, defaultWidth) = PatchSize(f, "patch_size_m") ?? (double.NaN, double.NaN);
        var segments = new List<FaultSegment>();
        GeoReference? reference = null;
        string origin;
        if (fromPipeline && stepOneRun!.Length == 0)
        {
            // Step 1 has not run: check the keys now; the patches are cut when its rectangle exists.
            _ = f.Text("source", "");
            _ = Resize(f, null);
            if (double.IsNaN(defaultLength)) throw f.ErrorAt("patch_size_m", "missing; give the patch size in metres (e.g. 2000, or [2500, 2000]).");
            if (!(defaultLength > 0 && defaultWidth > 0)) throw f.ErrorAt("patch_size_m", $"patch sizes must be positive, got [{defaultLength}, {defaultWidth}] m.");
            // With size_m the patch count is known now: the sizes are checked against it (as cutting the plane will),
            // and the memory of step 2 estimated, before step 1 runs.
            long? planned = null;
            if (f.NumberList("size_m", 2) is { } size)
            {
                if (defaultLength > size[0] * (1 + 1e-9)) throw f.ErrorAt("patch_size_m", $"patch length {defaultLength} m is larger than the fault length {size[0]} m.");
                if (defaultWidth > size[1] * (1 + 1e-9)) throw f.ErrorAt("patch_size_m", $"patch width {defaultWidth} m is larger than the fault width {size[1]} m.");
                planned = (long)Math.Round(size[0] / defaultLength) * (long)Math.Round(size[1] / defaultWidth);
                SlipResources.Check(f, "patch_size_m", planned.Value, algebra);
            }
            f.RejectUnknownKeys();
            return (segments, null, "step 1's rectangle", planned);
        }
        if (f.Has("geometry_run") || fromPipeline)
        {
            string run = fromPipeline ? stepOneRun! : System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, f.Text("geometry_run", "")));
            var (rectangles, r) = GeometrySummary.Load(run);
            reference = r;
            if (rectangles.Count == 0) throw f.ErrorAt("geometry_run", $"{run}: the step-1 result has no rectangular source.");
            string name = f.Text("source", rectangles.Count == 1 ? rectangles.Keys.First() : "");
            if (name.Length == 0) throw f.ErrorAt("source", $"the step-1 result has several rectangles; name one: {string.Join(", ", rectangles.Keys)}.");
            if (!rectangles.TryGetValue(name, out var plane)) throw f.ErrorAt("source", $"no rectangle '{name}' in the step-1 result; it has: {string.Join(", ", rectangles.Keys)}.");
            var (along, up, down) = Resize(f, plane);
            try { plane = FaultExtension.Extend(plane, along, up, down); }
            catch (ArgumentException ex) { throw f.ErrorAt(f.Has("size_m") ? "size_m" : "extend", UserError.Reason(ex)); }
            segments.Add(CutOrFail(f, "patch_size_m", plane, defaultLength, defaultWidth, name));
            origin = $"step-1 source '{name}' of {run}, extended {along:0.###} m along strike at each end, {up:0.###} m up dip, {down:0.###} m down dip";
        }
        else if (f.Has("file"))
        {
            string file = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, f.Text("file", "")));
            var planes = SlipModelCsv.Load(file);
            for (int k = 0; k < planes.Length; k++)
                segments.Add(CutOrFail(f, "patch_size_m", planes[k] with { Slip = default }, defaultLength, defaultWidth, $"segment {k + 1}"));
            origin = $"{planes.Length} segment(s) from {file}";
        }
        else
        {
            var list = f.List("segments");
            if (list.Count == 0) throw f.ErrorAt("segments", "expected a list of segments with " + string.Join(", ", SegmentKeys) + ".");
            for (int k = 0; k < list.Count; k++)
            {
                var s = list[k];
                RectangularFault plane;
                try { plane = s.Has("trace") ? FromTrace(s, dataReference) : FromKeys(s); }
                catch (ArgumentException ex) { throw s.ErrorHere(UserError.Reason(ex)); }
                var (pl, pw) = PatchSize(s, "patch_size_m") ?? (defaultLength, defaultWidth);
                segments.Add(CutOrFail(s, "patch_size_m", plane, pl, pw, s.Text("name", $"segment {k + 1}")));
                s.RejectUnknownKeys();
            }
            origin = $"{list.Count} segment(s) listed in the configuration";
        }
        f.RejectUnknownKeys();
        SlipResources.Check(f, "patch_size_m", segments.Sum(s => (long)s.AlongStrike * s.DownDip), algebra);
        return (segments, reference, origin, null);
    }

    /// <summary>How far to extend step 1's rectangle: <c>extend</c> (metres along strike at each end, up dip, down dip) or
    /// <c>size_m</c> ([length, width]: the plane grown or shrunk about its centre to that size).</summary>
    private static (double Along, double Up, double Down) Resize(YamlMap f, RectangularFault? plane)
    {
        if (f.Has("extend") && f.Has("size_m")) throw f.ErrorAt("size_m", "give either extend or size_m, not both.");
        if (f.Map("extend") is { } e)
        {
            var v = (e.Number("along_strike_m", 0), e.Number("up_dip_m", 0), e.Number("down_dip_m", 0));
            e.RejectUnknownKeys();
            return v;
        }
        if (f.NumberList("size_m", 2) is { } size)
        {
            if (!(size[0] > 0 && size[1] > 0)) throw f.ErrorAt("size_m", $"expected a positive [length, width] in metres, got [{size[0]}, {size[1]}].");
            if (plane is not { } p) return (0, 0, 0);
            double grow = (size[1] - p.Width) / 2, sinDip = Math.Sin(p.Dip * Math.PI / 180);
            // Growth the free surface stops up dip goes down dip instead, so the plane keeps the asked width.
            double up = sinDip > 1e-12 ? Math.Min(grow, p.TopDepth / sinDip) : grow;
            return ((size[0] - p.Length) / 2, up, 2 * grow - up);
        }
        return (0, 0, 0);
    }

    private static RectangularFault FromKeys(YamlMap s)
    {
        var v = SegmentKeys.Select(key => s.Has(key) ? s.Number(key)
            : throw s.ErrorAt(key, $"missing; a segment needs {string.Join(", ", SegmentKeys)}, or trace: [lon1, lat1, lon2, lat2] with top_depth_m, width_m, dip_deg.")).ToArray();
        return new RectangularFault(v[0], v[1], v[2], v[3], v[4], v[5], v[6], default);
    }

    /// <summary>A segment from its top edge's ends in longitude/latitude (SDM's and Coulomb's way of giving a fault):
    /// the plane dips to the right of the direction from the first end to the second.</summary>
    private static RectangularFault FromTrace(YamlMap s, GeoReference? reference)
    {
        foreach (var key in SegmentKeys.Where(k => k is "east_m" or "north_m" or "length_m" or "strike_deg"))
            if (s.Has(key)) throw s.ErrorAt(key, "give either trace or east_m/north_m/length_m/strike_deg, not both.");
        if (reference is null) throw s.ErrorAt("trace", "a trace in longitude/latitude needs the data's 'reference' declared (the local frame it is projected into).");
        var t = s.NumberList("trace", 4)!;
        var projection = new LocalProjection(reference);
        var (e1, n1) = projection.Forward(t[0], t[1]);
        var (e2, n2) = projection.Forward(t[2], t[3]);
        double length = Math.Sqrt((e2 - e1) * (e2 - e1) + (n2 - n1) * (n2 - n1));
        if (!(length > 0)) throw s.ErrorAt("trace", "the two ends of the trace coincide.");
        double strike = (Math.Atan2(e2 - e1, n2 - n1) * 180 / Math.PI + 360) % 360;
        double N(string key) => s.Has(key) ? s.Number(key) : throw s.ErrorAt(key, "missing; a trace segment needs top_depth_m, width_m and dip_deg.");
        return new RectangularFault((e1 + e2) / 2, (n1 + n2) / 2, N("top_depth_m"), length, N("width_m"), strike, N("dip_deg"), default);
    }

    /// <summary>patch_size_m: one number (square patches) or [along strike, down dip].</summary>
    private static (double, double)? PatchSize(YamlMap m, string key)
    {
        var v = m.Numbers(key);
        return v switch
        {
            null => null,
            [var size] => (size, size),
            [var l, var w] => (l, w),
            _ => throw m.ErrorAt(key, "expected a patch size in metres, or [along strike, down dip]."),
        };
    }

    private static FaultSegment CutOrFail(YamlMap m, string key, RectangularFault plane, double length, double width, string name)
    {
        if (double.IsNaN(length)) throw m.ErrorAt(key, $"missing; give the patch size for {name} in metres (e.g. 2000, or [2500, 2000]).");
        try { return FaultExtension.Cut(plane, length, width, name); }
        catch (ArgumentException e) { throw m.ErrorAt(key, UserError.Reason(e)); }
    }

    /// <summary><c>algebra: dense | matrix_free</c>: the dense normal equations, or the Green's matrix in single
    /// precision solved by products only, for problems too large for the dense path.</summary>
    private static SlipAlgebra AlgebraKey(YamlMap s) =>
        FitKeys.Pick(s, "algebra", new Dictionary<string, SlipAlgebra> { ["dense"] = SlipAlgebra.Dense, ["matrix_free"] = SlipAlgebra.MatrixFree }, SlipAlgebra.Dense);

    private static (SlipBasis, RoughnessTarget, SmoothingBoundary, WeightChoice, SlipSolver, bool) Slip(YamlMap s, SlipAlgebra algebra)
    {
        bool freeSign = s.Flag("free_sign", false);
        var rake = s.NumberList("rake", 2);
        if (freeSign == (rake is not null)) throw s.ErrorAt(rake is null ? "rake" : "free_sign", "give either a rake window (rake: [r1, r2]) or free_sign: true.");
        double max = s.Number("max_slip_m", 100);
        SlipBasis basis;
        try { basis = freeSign ? SlipBasis.FreeSign(max) : SlipBasis.Window(rake![0], rake[1], max); }
        catch (ArgumentException e) { throw s.ErrorAt(rake is null || e.Message.Contains("maximum") ? "max_slip_m" : "rake", UserError.Reason(e)); }
        var target = FitKeys.Pick(s, "smoothing", new Dictionary<string, RoughnessTarget> { ["slip"] = RoughnessTarget.Slip, ["stress_drop"] = RoughnessTarget.StressDrop }, RoughnessTarget.Slip);
        if (algebra == SlipAlgebra.MatrixFree && target == RoughnessTarget.StressDrop)
            throw s.ErrorAt("smoothing", "the matrix-free path smooths slip only (the stress-drop roughness is a dense matrix): use smoothing: slip, or the dense path.");
        var boundary = FitKeys.Pick(s, "boundary", new Dictionary<string, SmoothingBoundary>
        {
            ["free_surface"] = SmoothingBoundary.FreeSurface, ["zero_edges"] = SmoothingBoundary.ZeroEdges, ["free"] = SmoothingBoundary.Free,
        }, SmoothingBoundary.FreeSurface);
        var solver = FitKeys.Pick(s, "solver", new Dictionary<string, SlipSolver>
        {
            ["active_set"] = SlipSolver.ActiveSet, ["steepest_descent"] = SlipSolver.SteepestDescent, ["accelerated"] = SlipSolver.Accelerated,
        }, SlipSolver.ActiveSet);
        bool fixBlind = FitKeys.Pick(s, "blind_patches", new Dictionary<string, bool> { ["fix"] = true, ["smooth"] = false }, true);
        WeightChoice weight;
        // choose: fixed goes with weight (and is what weight alone means); the three rules go with an L-curve.
        var (choice, isFixed) = s.Has("weight") && !s.Has("choose") ? (SmoothingChoice.Abic, true) : FitKeys.Pick(s, "choose", new Dictionary<string, (SmoothingChoice, bool)>
        {
            ["abic"] = (SmoothingChoice.Abic, false), ["corner"] = (SmoothingChoice.Corner, false), ["gcv"] = (SmoothingChoice.Gcv, false),
            ["fixed"] = (SmoothingChoice.Abic, true),
        }, (SmoothingChoice.Abic, false));   // ABIC: the best of the three on synthetic events (bench/RESULTS.md, issue 22)
        if (isFixed && !s.Has("weight")) throw s.ErrorAt("choose", "choose: fixed needs the weight itself: add slip.weight (a number >= 0).");
        if (s.Has("weight"))
        {
            if (s.Has("l_curve")) throw s.ErrorAt("weight", "give a fixed weight or l_curve settings, not both.");
            if (!isFixed) throw s.ErrorAt("choose", "a fixed weight is not chosen: with slip.weight use choose: fixed (or leave choose out); the rules abic, corner and gcv choose on an l_curve.");
            double a = s.Number("weight");
            if (!(a >= 0)) throw s.ErrorAt("weight", $"smoothing weight {a}: must be >= 0.");
            weight = new WeightChoice(a, 1, null, null);
        }
        else
        {
            var l = s.MapOrEmpty("l_curve");
            int count = l.Integer("count", 20);
            double? lo = l.Has("min") ? l.Number("min") : null;
            double? hi = l.Has("max") ? l.Number("max") : null;
            if (count < 3) throw l.ErrorAt("count", "an L-curve needs at least 3 weights.");
            if (count > 1000) throw l.ErrorAt("count", $"{count} weights: an L-curve of more than 1,000 weights resolves nothing the first hundred do not; use fewer.");
            if ((lo is null) != (hi is null)) throw l.ErrorAt(lo is null ? "min" : "max", "give both min and max, or neither (the default grid).");
            if (lo is not null && !(lo > 0 && hi > lo)) throw l.ErrorAt("min", $"expected 0 < min < max, got {lo} and {hi}.");
            l.RejectUnknownKeys();
            if (algebra == SlipAlgebra.MatrixFree && choice != SmoothingChoice.Corner)
                throw s.ErrorAt("choose", "ABIC and GCV need the dense normal equations; with algebra: matrix_free give a fixed weight (weight: …) or choose: corner.");
            weight = new WeightChoice(null, count, lo, hi) { Choice = choice };
        }
        s.RejectUnknownKeys();
        return (basis, target, boundary, weight, solver, fixBlind);
    }
}
