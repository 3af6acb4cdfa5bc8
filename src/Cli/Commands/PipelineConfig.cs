using SourceModel.Cli.Infrastructure;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Cli.Commands;

/// <summary>The steps of the pipeline, in the order they run.</summary>
internal enum PipelineStep
{
    /// <summary>Import, downsample and describe the data.</summary>
    Data,

    /// <summary>Step 1: the uniform-slip geometry.</summary>
    Geometry,

    /// <summary>Monte Carlo or MCMC uncertainty of the geometry.</summary>
    Uncertainty,

    /// <summary>Step 2: distributed slip.</summary>
    Slip,

    /// <summary>Coulomb stress change from the slip model.</summary>
    Coulomb,
}

/// <summary>A catalogue or published solution the report compares with: parameter values by full name, and the moment.</summary>
/// <param name="Label">Where the values come from.</param>
/// <param name="Parameters">Values by step-1 parameter name (units of the parameter).</param>
/// <param name="Mw">Published moment magnitude, or null to derive it from the parameters.</param>
internal sealed record PublishedModel(string Label, IReadOnlyDictionary<string, double> Parameters, double? Mw);

/// <summary>
/// A pipeline configuration (docs/formats.md, "pipeline configuration"): the data keys of any step (reference,
/// datasets, grids, fit, medium) at the top level, and one section per step — <c>geometry</c>, <c>uncertainty</c>,
/// <c>slip</c>, <c>coulomb</c> — each optional, plus <c>published</c> values to compare with and the <c>output</c>
/// folder. Everything is checked when loaded (keys, types, files, conventions) and nothing is written; the sections that
/// need an earlier step's result (a slip fault from step 1, Coulomb sources from step 2) are checked for their keys now
/// and completed when that result exists.
/// </summary>
internal sealed class PipelineConfig
{
    private readonly YamlMap _root;

    private PipelineConfig(YamlMap root, string path) { _root = root; Path = path; }

    /// <summary>The configuration file.</summary>
    public string Path { get; }

    /// <summary>Absolute run folder.</summary>
    public string Output { get; private set; } = "";

    /// <summary>Data declarations.</summary>
    public DatasetConfig Data { get; private set; } = null!;

    /// <summary>Fit settings per dataset.</summary>
    public IReadOnlyDictionary<string, DatasetFitSettings> Fit { get; private set; } = null!;

    /// <summary>Elastic medium of every step.</summary>
    public ElasticMedium Medium { get; private set; } = ElasticMedium.Default;

    /// <summary>Step 1, when configured.</summary>
    public GeometryConfig? Geometry { get; private set; }

    /// <summary>The uncertainty method, when configured.</summary>
    public UncertaintyMethod? Uncertainty { get; private set; }

    /// <summary>Published values to compare with, or null.</summary>
    public PublishedModel? Published { get; private set; }

    /// <summary>The steps this configuration runs, in order.</summary>
    public IReadOnlyList<PipelineStep> Steps { get; private set; } = [];

    /// <summary>Step 2 as known before step 1 runs (its patch count when that is known already), for the estimates.</summary>
    public SlipConfig? SlipAtCheck { get; private set; }

    /// <summary>The Coulomb step as known before step 2 runs (its receivers; no sources yet), for the estimates.</summary>
    public CoulombConfig? CoulombAtCheck { get; private set; }

    /// <summary>True when the Coulomb step also resolves ΔCFS on step 2's own patches (<c>fault_plane</c>).</summary>
    public bool CoulombOnFaultPlane { get; private set; }

    /// <summary>The canonical text of each step's own settings (what its content hash covers besides its inputs).</summary>
    public IReadOnlyDictionary<PipelineStep, string> Settings { get; private set; } = null!;

    /// <summary>The configuration as run: the file with every default that was used written in.</summary>
    public string Resolved() => _root.Document.Resolved();

    private static readonly string[] DataKeys = ["reference", "datasets", "grids", "fit", "medium"];

    /// <summary>Reads and checks a configuration; <paramref name="seed"/> (--seed) replaces the geometry and uncertainty
    /// seeds and enters those steps' content hashes, so a new seed runs them again.</summary>
    public static PipelineConfig Load(string path, long? seed = null)
    {
        var root = YamlDocument.Load(path).Root;
        var c = new PipelineConfig(root, path);
        c.Data = DatasetConfig.Parse(root, path);
        c.Fit = FitKeys.Parse(root, c.Data);
        c.Medium = MediumKeys.Parse(root.MapOrEmpty("medium"));
        c.Output = System.IO.Path.GetFullPath(System.IO.Path.Combine(root.Folder, root.Text("output", System.IO.Path.GetFileNameWithoutExtension(path) + "-run")));
        var steps = new List<PipelineStep> { PipelineStep.Data };
        if (root.Map("geometry") is { } g)
        {
            var u = root.Map("uncertainty");
            if (u is not null)
                c.Uncertainty = u.Choice("method", [("montecarlo", UncertaintyMethod.MonteCarlo), ("mcmc", UncertaintyMethod.Mcmc)])
                    ?? throw u.ErrorAt("method", "missing; montecarlo or mcmc.");
            c.Geometry = GeometryConfig.FromSection(g, root, path, c.Data, c.Fit, c.Medium, c.Output, u).WithSeed(seed);
            g.RejectUnknownKeys();
            steps.Add(PipelineStep.Geometry);
            if (u is not null) steps.Add(PipelineStep.Uncertainty);
        }
        else if (root.Map("uncertainty") is not null) throw root.ErrorAt("uncertainty", "needs a 'geometry' section: the uncertainty is that of step 1's geometry.");
        if (root.Map("slip") is { } s)
        {
            bool fromStepOne = !s.MapOrEmpty("fault").Has("file") && !s.MapOrEmpty("fault").Has("segments");
            if (fromStepOne && c.Geometry is null) throw s.ErrorAt("fault", "give file or segments: without a 'geometry' section there is no step-1 rectangle to extend.");
            c.SlipAtCheck = SlipConfig.FromSection(s, root, path, c.Data, c.Fit, c.Medium, c.Output, fromStepOne ? "" : null);
            s.RejectUnknownKeys();
            steps.Add(PipelineStep.Slip);
        }
        if (root.Map("coulomb") is { } k)
        {
            if (!steps.Contains(PipelineStep.Slip)) throw root.ErrorAt("coulomb", "needs a 'slip' section: the stress change is that of step 2's slip model.");
            c.CoulombAtCheck = CoulombConfig.FromSection(k, path, [], c.Medium, c.Output, c.Data.Reference);
            c.CoulombOnFaultPlane = k.Flag("fault_plane", false);
            k.RejectUnknownKeys();
            steps.Add(PipelineStep.Coulomb);
        }
        c.Published = root.Map("published") is { } p ? Publication(p, c.Geometry) : null;
        root.RejectUnknownKeys();
        c.Steps = steps;
        string data = string.Join("|", DataKeys.Select(key => YamlDocument.Canonical(Node(root, key))));
        c.Settings = new Dictionary<PipelineStep, string>
        {
            [PipelineStep.Data] = data,
            [PipelineStep.Geometry] = YamlDocument.Canonical(Node(root, "geometry")) + SeedText(seed),
            [PipelineStep.Uncertainty] = YamlDocument.Canonical(Node(root, "uncertainty")) + SeedText(seed),
            [PipelineStep.Slip] = YamlDocument.Canonical(Node(root, "slip")),
            [PipelineStep.Coulomb] = YamlDocument.Canonical(Node(root, "coulomb")),
        };
        return c;
    }

    /// <summary>The step-2 configuration, with the fault cut from step 1's run folder when it comes from there.</summary>
    public SlipConfig Slip(string stepOneRun, string output)
    {
        var s = _root.Map("slip")!;
        var f = s.MapOrEmpty("fault");
        return SlipConfig.FromSection(s, _root, Path, Data, Fit, Medium, output, f.Has("file") || f.Has("segments") ? null : stepOneRun);
    }

    /// <summary>The Coulomb configuration with step 2's patches as its sources (and, with fault_plane, as receivers).</summary>
    public CoulombConfig Coulomb(IReadOnlyList<RectangularFault> patches, string output) =>
        CoulombConfig.FromSection(_root.Map("coulomb")!, Path, patches, Medium, output, Data.Reference);

    private static string SeedText(long? seed) => seed is { } s ? $"|--seed {s}" : "";

    private static YamlDotNet.RepresentationModel.YamlNode? Node(YamlMap root, string key) =>
        root.Node.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode(key), out var v) ? v : null;

    private static PublishedModel Publication(YamlMap p, GeometryConfig? geometry)
    {
        string label = p.Text("label", "published model");
        var values = new Dictionary<string, double>();
        if (p.Map("parameters") is { } m)
        {
            if (geometry is null) throw p.ErrorAt("parameters", "published parameters are compared with step 1's; this configuration has no 'geometry' section (give mw only).");
            foreach (string key in m.Keys())
            {
                if (!geometry.Layout.ParameterNames.Contains(key))
                    throw m.ErrorAt(key, $"no step-1 parameter is named '{key}'; the sources have: {string.Join(", ", geometry.Layout.ParameterNames)}.");
                values[key] = m.Number(key);
            }
            m.RejectUnknownKeys();
        }
        double? mw = p.Has("mw") ? p.Number("mw") : null;
        p.RejectUnknownKeys();
        return new PublishedModel(label, values, mw);
    }
}
