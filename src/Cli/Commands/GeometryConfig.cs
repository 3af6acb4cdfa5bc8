using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion;
using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Cli.Commands;

/// <summary>One requested grid scan.</summary>
internal sealed record ScanRequest(GridAxis First, GridAxis? Second, bool Refit);

/// <summary>
/// A step-1 configuration (docs/formats.md, "geometry configuration"): the data declarations, how each dataset is fitted,
/// the medium, the sources with their parameter bounds, the optimiser and its budget, grid scans and the output folder.
/// Every key is checked; errors name file, line and key, before any work starts.
/// </summary>
internal sealed record GeometryConfig(string Path, DatasetConfig Data, IReadOnlyDictionary<string, DatasetFitSettings> Fit,
    ElasticMedium Medium, SourceLayout Layout, IReadOnlyDictionary<string, ParameterSpec> Parameters,
    GeometrySearchOptions Search, IReadOnlyList<ScanRequest> Scans, string Output, UncertaintySettings Uncertainty)
{
    /// <summary>This configuration with the run seed of the search and of the uncertainty step replaced (--seed).</summary>
    public GeometryConfig WithSeed(long? seed) => seed is not { } s ? this : this with
    {
        Search = Search with { Seed = s }, Uncertainty = Uncertainty with { Seed = s },
    };

    /// <summary>
    /// The datasets, imported, with a noise model estimated (<see cref="NoiseCompletion"/>) for each that declares none
    /// and is whitened automatically; the estimates are written to <paramref name="log"/> and returned for the summary.
    /// With <c>whitening: none</c> for every dataset nothing is estimated.
    /// </summary>
    public (List<Sampling.GeodeticDataset> Data, IReadOnlyList<EstimatedNoise> Estimated) ImportData(TextWriter? log)
    {
        var imported = Data.ImportAll().Select(d => d.Data).ToList();
        bool estimate = imported.Any(d => !d.HasNoiseModel && Fit[d.Name].Whitening == WhiteningMode.Auto)
                        && imported.All(d => Fit[d.Name].Whitening != WhiteningMode.None);
        if (!estimate) return (imported, []);
        foreach (var d in imported.Where(d => !d.HasNoiseModel)) MemoryBudget.CheckCovariance(Path, d.Name, d.Count);
        log?.WriteLine($"{Path}: estimating the noise of {string.Join(", ", imported.Where(d => !d.HasNoiseModel).Select(d => d.Name))} from the data (no sigma or covariance declared) …");
        try
        {
            var (completed, estimates) = NoiseCompletion.Complete(imported, imported.Select(d => Fit[d.Name].Nuisance).ToList(), Layout,
                Layout.Space(Parameters), Medium, Search with { Starts = null });
            foreach (var e in estimates) log?.WriteLine("  " + e.Describe());
            return (completed.ToList(), estimates);
        }
        catch (ArgumentException e) { throw new UserError($"{Path}: estimating the noise: {UserError.Reason(e)}"); }
    }

    public static GeometryConfig Load(string path)
    {
        var root = YamlDocument.Load(path).Root;
        var data = DatasetConfig.Parse(root, path);
        var fit = FitKeys.Parse(root, data);
        var medium = root.Map("medium") is { } mm ? MediumKeys.Parse(mm) : ElasticMedium.Default;
        string output = System.IO.Path.GetFullPath(System.IO.Path.Combine(root.Folder,
            root.Text("output", System.IO.Path.GetFileNameWithoutExtension(path) + "-geometry")));
        var config = FromSection(root, root, path, data, fit, medium, output, root.Map("uncertainty"));
        root.RejectUnknownKeys();
        return config;
    }

    /// <summary>The step-1 keys (sources, optimiser, grid_search) of <paramref name="section"/>: the whole file of a
    /// step-1 configuration, or the pipeline's <c>geometry</c> section. The caller rejects the section's unknown keys.</summary>
    public static GeometryConfig FromSection(YamlMap section, YamlMap root, string path, DatasetConfig data,
        IReadOnlyDictionary<string, DatasetFitSettings> fit, ElasticMedium medium, string output, YamlMap? uncertainty)
    {
        var (layout, parameters) = Sources(section);
        var search = Optimiser(section.MapOrEmpty("optimiser"));
        var scans = section.List("grid_search").Select(Scan).ToList();
        // Bounds, fixed values and names are checked now, before any data are read.
        Inversion.Parameters.ParameterSpace space;
        try { space = layout.Space(parameters); }
        catch (ArgumentException e) { throw section.ErrorAt("sources", UserError.Reason(e)); }
        var settings = UncertaintySettings.Parse(uncertainty, root, path, space.FreeCount, data.Datasets.Count + data.Grids.Count);
        foreach (var s in scans)
            foreach (var a in new[] { s.First, s.Second })
                if (a is not null && !layout.ParameterNames.Contains(a.Parameter))
                    throw section.ErrorAt("grid_search", $"unknown parameter '{a.Parameter}'; the sources have: {string.Join(", ", layout.ParameterNames)}.");
        return new GeometryConfig(path, data, fit, medium, layout, parameters, search, scans, output, settings);
    }

    private static (SourceLayout, Dictionary<string, ParameterSpec>) Sources(YamlMap root)
    {
        var list = root.List("sources");
        if (list.Count == 0) throw root.ErrorAt("sources", "missing; give at least one source with its parameter bounds.");
        var templates = new List<SourceTemplate>();
        var parameters = new Dictionary<string, ParameterSpec>();
        for (int k = 0; k < list.Count; k++)
        {
            var s = list[k];
            string name = s.Text("name", $"source{k + 1}");
            var kind = FitKeys.Pick(s, "type", new Dictionary<string, SourceKind> { ["rectangle"] = SourceKind.Rectangle, ["point"] = SourceKind.Point }, SourceKind.Rectangle);
            var slip = FitKeys.Pick(s, "slip", new Dictionary<string, SlipForm> { ["rake"] = SlipForm.RakeAndSlip, ["components"] = SlipForm.Components }, SlipForm.RakeAndSlip);
            var depth = FitKeys.Pick(s, "depth_reference", new Dictionary<string, DepthReference> { ["top"] = DepthReference.Top, ["centroid"] = DepthReference.Centroid }, DepthReference.Top);
            if (kind == SourceKind.Point && s.Has("depth_reference")) throw s.ErrorAt("depth_reference", "applies to rectangles only.");
            SourceTemplate template;
            try { template = new SourceTemplate(name, kind, slip, depth); _ = new SourceLayout([template]); }
            catch (ArgumentException e) { throw s.ErrorAt("name", UserError.Reason(e)); }
            templates.Add(template);
            var p = s.Map("parameters") ?? throw s.ErrorAt("parameters", $"missing; give bounds [min, max] or a fixed value for: {string.Join(", ", template.ParameterNames)}.");
            foreach (string key in p.Keys())
            {
                if (!template.ParameterNames.Contains(key))
                    throw p.ErrorAt(key, $"unknown parameter of a {kind.ToString().ToLowerInvariant()} source with {slip switch { SlipForm.RakeAndSlip => "rake and slip", _ => "slip components" }}; expected: {string.Join(", ", template.ParameterNames)}.");
                parameters[$"{name}.{key}"] = ParameterKeys.Read(p, key, $"{name}.{key}");
            }
            s.RejectUnknownKeys();
        }
        try { return (new SourceLayout(templates), parameters); }
        catch (ArgumentException e) { throw root.ErrorAt("sources", UserError.Reason(e)); }
    }

    /// <summary>The <c>optimiser</c> mapping (every key optional; the defaults used are recorded).</summary>
    public static GeometrySearchOptions Optimiser(YamlMap o)
    {
        var search = new GeometrySearchOptions();
        var method = FitKeys.Pick(o, "method", new Dictionary<string, OptimiserKind>
        {
            ["multistart"] = OptimiserKind.MultiStart, ["pso"] = OptimiserKind.ParticleSwarm, ["mpso"] = OptimiserKind.MultiPeakSwarm,
            ["sa"] = OptimiserKind.SimulatedAnnealing,
        }, OptimiserKind.MultiStart);
        long seed = o.Integer("seed", 1);
        var executor = new ExecutorOptions
        {
            MaxIterations = o.Integer("iterations", 1000),
            MaxEvaluations = o.Has("evaluations") ? (long)Math.Min(o.Number("evaluations"), long.MaxValue / 2) : long.MaxValue,
            TimeLimit = o.Has("time_limit_s") ? TimeSpan.FromSeconds(o.Number("time_limit_s")) : null,
            StagnationIterations = o.Integer("stagnation_iterations", 0),
            CheckpointEvery = o.Integer("checkpoint_every", 50),
        };
        int size = o.Integer("swarm_size", method == OptimiserKind.MultiPeakSwarm ? 60 : 40);
        var variant = FitKeys.Pick(o, "variant", new Dictionary<string, SwarmVariant> { ["constriction"] = SwarmVariant.Constriction, ["inertia"] = SwarmVariant.Inertia }, SwarmVariant.Constriction);
        var swarm = new ParticleSwarmOptions { SwarmSize = size, Variant = variant, InertiaIterations = Math.Max(1, (int)(0.7 * executor.MaxIterations)) };
        var multi = new MultiPeakSwarmOptions
        {
            SwarmSize = size, SpeciesRadius = o.Number("species_radius", 0.1), MaxPeaks = o.Integer("peaks", 10),
            MaxSpeciesSize = o.Integer("max_species_size", 10),
        };
        var annealing = new SimulatedAnnealingOptions
        {
            Cooling = o.Number("cooling", 0.85), SweepsPerIteration = o.Integer("sweeps", 10),
            InitialTemperature = o.Has("initial_temperature") ? o.Number("initial_temperature") : null,
        };
        var multiStart = new MultiStartOptions
        {
            Starts = o.Integer("starts", 3), SwarmIterations = o.Integer("swarm_iterations", 300),
            Swarm = swarm with { SwarmSize = o.Integer("swarm_size", 40) },
            Alternatives = o.Flag("alternatives", true),
            Polish = new PolishOptions { MaxEvaluations = o.Integer("polish_evaluations", method == OptimiserKind.MultiStart ? 2000 : 4000) },
        };
        bool solveSlip = o.Flag("solve_slip", true);
        bool polish = o.Flag("polish", true);
        var polishOptions = new PolishOptions { MaxEvaluations = multiStart.Polish.MaxEvaluations };
        o.RejectUnknownKeys();
        try
        {
            executor.Validated();
            if (method == OptimiserKind.ParticleSwarm) swarm.Validated();
            if (method == OptimiserKind.MultiPeakSwarm) multi.Validated();
            if (method == OptimiserKind.SimulatedAnnealing) annealing.Validated();
            if (method == OptimiserKind.MultiStart) multiStart.Validated();
            polishOptions.Validated();
        }
        catch (ArgumentException e) { throw o.ErrorHere(UserError.Reason(e)); }
        return search with
        {
            Method = method, Seed = seed, Executor = executor, Swarm = swarm, MultiPeak = multi, Annealing = annealing,
            MultiStart = multiStart, SolveSlipLinearly = solveSlip, Polish = polish ? polishOptions : null,
        };
    }

    private static ScanRequest Scan(YamlMap m)
    {
        GridAxis Axis(YamlMap a)
        {
            string p = a.Text("parameter", "");
            if (p.Length == 0) throw a.ErrorAt("parameter", "missing; the full name, e.g. fault.dip.");
            var v = a.NumberList("range", 3) ?? throw a.ErrorAt("range", "missing; give [min, max, count].");
            try { return GridAxis.Linear(p, v[0], v[1], (int)v[2]); }
            catch (ArgumentException e) { throw a.ErrorAt("range", UserError.Reason(e)); }
        }
        var first = Axis(m);
        GridAxis? second = null;
        if (m.Map("second") is { } s)
        {
            second = Axis(s);
            s.RejectUnknownKeys();
        }
        bool refit = m.Flag("refit", true);
        m.RejectUnknownKeys();
        if (second is not null && second.Parameter == first.Parameter) throw m.ErrorAt("second", "the two axes scan the same parameter.");
        return new ScanRequest(first, second, refit);
    }
}
