using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Interseismic;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Uncertainty;
using SourceModel.Sampling.Projection;

namespace SourceModel.Cli.Commands;

/// <summary>The grid scan of an interseismic fit.</summary>
/// <param name="Fault">Whose slip rate and locking depth are scanned.</param>
/// <param name="SlipRates">m/yr.</param>
/// <param name="LockingDepths">m.</param>
internal sealed record InterseismicGrid(string Fault, double[] SlipRates, double[] LockingDepths);

/// <summary>The GNSS tie: which dataset holds the GNSS velocities, the radius of InSAR points averaged around each site,
/// and whether a ramp is fitted besides the offset.</summary>
internal sealed record InterseismicGnss(string Dataset, double Radius, bool Ramp);

/// <summary>
/// An interseismic configuration (docs/formats.md, "interseismic configuration"): one LOS velocity dataset (and
/// optionally a GNSS dataset to tie it to a reference frame), the fault trace, the profiles, the parallel faults and
/// their parameter bounds, the grid scan, the MCMC and the output folder. Every key is checked first.
/// </summary>
internal sealed record InterseismicConfig(string Path, DatasetConfig Data, string Velocities, FaultTrace Trace, IReadOnlyList<ProfileSwath> Profiles,
    double BinWidth, ScrewProfileModel Model, ParameterSpace Space, InterseismicGrid Grid, AdaptiveMetropolisOptions Sampler, int Chains, long Seed,
    InterseismicGnss? Gnss, string Output)
{
    public static InterseismicConfig Load(string path)
    {
        var root = YamlDocument.Load(path).Root;
        var data = DatasetConfig.Parse(root, path);
        var names = data.Datasets.Select(d => d.Name).Concat(data.Grids.Select(g => g.Grid.Name)).ToList();
        var gnss = root.Map("gnss") is { } g ? ParseGnss(g, names) : null;
        var velocityNames = names.Where(n => n != gnss?.Dataset).ToList();
        string velocities = root.Text("velocities", velocityNames.Count == 1 ? velocityNames[0] : "");
        if (velocities.Length == 0)
            throw root.ErrorAt("velocities", $"name the LOS velocity dataset to profile (one of: {string.Join(", ", velocityNames)}).");
        if (!velocityNames.Contains(velocities)) throw root.ErrorAt("velocities", $"no dataset '{velocities}'; declared: {string.Join(", ", velocityNames)}.");
        var trace = ParseTrace(root, data.Reference);
        var p = root.Map("profiles") ?? throw root.ErrorAt("profiles", "missing; give count, length_m and width_m (and per_segment, bin_m).");
        IReadOnlyList<ProfileSwath> profiles;
        double length = p.Number("length_m"), width = p.Number("width_m");
        try { profiles = ProfileSwath.AlongTrace(trace, p.Integer("count", 1), length, width, p.Flag("per_segment", false)); }
        catch (ArgumentException e) { throw p.ErrorHere(UserError.Reason(e)); }
        double bin = p.Number("bin_m", Math.Max(length / 80, 1));
        if (!(bin > 0)) throw p.ErrorAt("bin_m", $"must be positive, got {bin}.");
        p.RejectUnknownKeys();
        var model = Faults(root);
        var space = Parameters(root, model);
        var grid = ParseGrid(root, model, space, profiles.Count);
        var (sampler, chains, seed) = Mcmc(root.Map("mcmc"), space.FreeCount);
        Sizes(root, profiles.Count, length / bin, sampler, chains, space.FreeCount);
        string output = System.IO.Path.GetFullPath(System.IO.Path.Combine(root.Folder,
            root.Text("output", System.IO.Path.GetFileNameWithoutExtension(path) + "-interseismic")));
        root.RejectUnknownKeys();
        return new InterseismicConfig(path, data, velocities, trace, profiles, bin, model, space, grid, sampler, chains, seed, gnss, output);
    }

    /// <summary>Memory of the results every profile keeps — its bins and its chains' kept draws (held twice
    /// more while the statistics are written) — checked against <see cref="MemoryBudget"/> before any work.</summary>
    private static void Sizes(YamlMap root, int profiles, double bins, AdaptiveMetropolisOptions sampler, int chains, int dimension)
    {
        var p = root.Map("profiles")!;
        MemoryBudget.Check(p, "bin_m", profiles * bins * 8 * 8, string.Create(CultureInfo.InvariantCulture, $"{profiles:N0} profiles of {bins:N0} bins"),
            "use a larger bin_m or fewer profiles");
        double draws = (double)chains * ((sampler.Iterations - sampler.BurnIn + sampler.Thin - 1) / sampler.Thin);
        MemoryBudget.Check(root.Map("mcmc") ?? root, root.Map("mcmc") is null ? "profiles" : "iterations", profiles * draws * (dimension + 2) * 8 * 3,
            string.Create(CultureInfo.InvariantCulture, $"{profiles:N0} profiles × {draws:N0} kept draws ({chains} chains)"), "use fewer iterations, a larger thin, fewer chains or fewer profiles");
    }

    private static FaultTrace ParseTrace(YamlMap root, GeoReference? reference)
    {
        var t = root.Map("trace") ?? throw root.ErrorAt("trace", "missing; give the fault trace as east_m/north_m lists, or lon/lat lists with the data's reference.");
        double[] east, north;
        if (t.Has("lon") || t.Has("lat"))
        {
            if (reference is null) throw t.ErrorAt("lon", "a trace in longitude/latitude needs the data's 'reference' declared (the local frame it is projected into).");
            var lon = t.Numbers("lon") ?? throw t.ErrorAt("lon", "missing; give the longitudes of the vertices.");
            var lat = t.Numbers("lat") ?? throw t.ErrorAt("lat", "missing; give the latitudes of the vertices.");
            if (lon.Length != lat.Length) throw t.ErrorAt("lat", $"{lat.Length} latitudes for {lon.Length} longitudes.");
            var projection = new LocalProjection(reference);
            var points = lon.Zip(lat, (x, y) => projection.Forward(x, y)).ToArray();
            (east, north) = (points.Select(q => q.Item1).ToArray(), points.Select(q => q.Item2).ToArray());
        }
        else
        {
            east = t.Numbers("east_m") ?? throw t.ErrorAt("east_m", "missing; give east_m and north_m lists (or lon and lat).");
            north = t.Numbers("north_m") ?? throw t.ErrorAt("north_m", "missing; give the northings of the vertices.");
        }
        t.RejectUnknownKeys();
        try { return new FaultTrace(east, north); }
        catch (ArgumentException e) { throw t.ErrorHere(UserError.Reason(e)); }
    }

    private static ScrewProfileModel Faults(YamlMap root)
    {
        var list = root.List("faults");
        var faults = list.Count == 0 ? [new ParallelFault("main")] : list.Select((f, k) =>
        {
            var fault = new ParallelFault(f.Text("name", k == 0 ? "main" : $"fault{k + 1}"), f.Number("position_m", 0));
            f.RejectUnknownKeys();
            return fault;
        }).ToList();
        try { return new ScrewProfileModel(faults); }
        catch (ArgumentException e) { throw root.ErrorAt("faults", UserError.Reason(e)); }
    }

    /// <summary>Bounds: every parameter may be given as [min, max] or a fixed value; the defaults free slip rate
    /// (±50 mm/yr), locking depth (1–50 km), offset (±50 mm/yr) and trend (±1 mm/yr per km), and fix creep and shift at 0.</summary>
    private static ParameterSpace Parameters(YamlMap root, ScrewProfileModel model)
    {
        var p = root.Map("parameters");
        var specs = new List<ParameterSpec>();
        foreach (string name in model.ParameterNames)
        {
            string key = name[(name.LastIndexOf('.') + 1)..];
            var spec = key switch
            {
                "slip_rate" => ParameterSpec.Free(name, -0.05, 0.05),
                "locking_depth" => ParameterSpec.Free(name, 1_000, 50_000),
                "offset" => ParameterSpec.Free(name, -0.05, 0.05),
                "trend" => ParameterSpec.Free(name, -1e-6, 1e-6),
                _ => ParameterSpec.FixedAt(name, 0),
            };
            specs.Add(p is not null && p.Has(name) ? ParameterKeys.Read(p, name, name) : spec);
        }
        if (p is not null)
            foreach (string key in p.Keys())
                if (!model.ParameterNames.Contains(key))
                    throw p.ErrorAt(key, $"unknown parameter; the model has: {string.Join(", ", model.ParameterNames)} (units: m/yr, m, m/yr per m).");
        var space = new ParameterSpace(specs);
        if (space.FreeCount == 0) throw root.ErrorAt("parameters", "every parameter is fixed; free at least one.");
        foreach (var s in specs.Where(s => s.Name.EndsWith(".locking_depth", StringComparison.Ordinal)))
            if (!(s.Min > 0)) throw (p ?? root).ErrorAt(p is null ? "parameters" : s.Name, $"locking depths must be positive, got {s.Min} m.");
        return space;
    }

    /// <summary>The scan axes: given as [min, max, count], else the free parameter's bounds (41 rates, 40 depths).</summary>
    private static InterseismicGrid ParseGrid(YamlMap root, ScrewProfileModel model, ParameterSpace space, int profiles)
    {
        var g = root.Map("grid_search");
        string fault = g?.Text("fault", model.Faults[0].Name) ?? model.Faults[0].Name;
        if (!model.Faults.Any(f => f.Name == fault)) throw g!.ErrorAt("fault", $"no fault '{fault}'; the faults are: {string.Join(", ", model.Faults.Select(f => f.Name))}.");
        // The scan's χ² grids are checked against memory before any axis is built (a count of 2e9 would allocate first).
        double Count(string key, int fallback) => g is not null && g.Has(key) ? g.NumberList(key, 3)![2] : fallback;
        double nodes = Count("slip_rate", 41) * Count("locking_depth", 40);
        MemoryBudget.Check(g ?? root, g is null ? "profiles" : "slip_rate", profiles * nodes * 8 * 2,
            string.Create(CultureInfo.InvariantCulture, $"{profiles:N0} grid scans of {nodes:N0} nodes"), "use fewer grid_search nodes or fewer profiles");
        double[] Axis(string key, int count)
        {
            var spec = space.Specs[space.IndexOf($"{fault}.{key}")];
            double[] v;
            if (g is not null && g.Has(key))
            {
                v = g.NumberList(key, 3)!;
                if (!(v[2] >= 2) || !(v[1] > v[0])) throw g.ErrorAt(key, "expected [min, max, count] with min < max and count >= 2.");
            }
            else if (spec.IsFree) v = [spec.Min, spec.Max, count];
            else throw (g ?? root).ErrorAt(g is null ? "parameters" : key, $"{fault}.{key} is fixed: give grid_search.{key} as [min, max, count].");
            int n = (int)v[2];
            return Enumerable.Range(0, n).Select(i => v[0] + (v[1] - v[0]) * i / (n - 1)).ToArray();
        }
        var grid = new InterseismicGrid(fault, Axis("slip_rate", 41), Axis("locking_depth", 40));
        if (grid.LockingDepths[0] <= 0) throw (g ?? root).ErrorAt(g is null ? "parameters" : "locking_depth", "locking depths must be positive.");
        g?.RejectUnknownKeys();
        return grid;
    }

    private static (AdaptiveMetropolisOptions, int, long) Mcmc(YamlMap? m, int dimension)
    {
        var options = new AdaptiveMetropolisOptions
        {
            Iterations = m?.Integer("iterations", 20_000) ?? 20_000,
            BurnIn = m?.Integer("burn_in", 5_000) ?? 5_000,
            Thin = m?.Integer("thin", 5) ?? 5,
            DelayedRejection = m?.Flag("delayed_rejection", true) ?? true,
            AdaptStart = Math.Max(500, 2 * dimension),
        };
        int chains = m?.Integer("chains", 4) ?? 4;
        long seed = m?.Integer("seed", 1) ?? 1;
        if (chains < 1) throw m!.ErrorAt("chains", $"expected at least 1, got {chains}.");
        try { options.Validated(dimension); }
        catch (ArgumentException e) when (m is not null) { throw m.ErrorHere(UserError.Reason(e)); }
        m?.RejectUnknownKeys();
        return (options, chains, seed);
    }

    private static InterseismicGnss ParseGnss(YamlMap g, IReadOnlyList<string> names)
    {
        string dataset = g.Text("dataset", "");
        if (!names.Contains(dataset)) throw g.ErrorAt("dataset", $"name the GNSS dataset (one of: {string.Join(", ", names)}).");
        double radius = g.Number("radius_m", 5_000);
        if (!(radius > 0)) throw g.ErrorAt("radius_m", $"must be positive, got {radius}.");
        bool ramp = g.Flag("ramp", true);
        g.RejectUnknownKeys();
        return new InterseismicGnss(dataset, radius, ramp);
    }
}
