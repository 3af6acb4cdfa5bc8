using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Discretisation;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>
/// Step 2 inside a Monte Carlo run (`uncertainty.montecarlo.slip: SLIP.yaml`): each realisation's perturbed data are
/// also inverted for slip on the step-2 config's fault at its fixed smoothing weight, so the spread of slip per patch
/// is the data-noise uncertainty of the slip model on that fault. The Green's matrix is built once from the observed
/// data and only the data side changes per realisation (<see cref="SlipSystem.WithObserved"/>).
/// </summary>
internal sealed class UncertaintySlip
{
    private readonly SlipSystem _system;
    private readonly double _weight;
    private readonly SlipSolver _solver;
    private readonly string[] _datasets;

    private UncertaintySlip(SlipConfig config, SlipSystem system)
    {
        (Config, _system, _weight, _solver) = (config, system, config.Weight.Fixed!.Value, config.Solver);
        _datasets = system.Data.Select(t => t.Name).ToArray();
    }

    /// <summary>The step-2 configuration.</summary>
    public SlipConfig Config { get; }

    /// <summary>The discretised fault.</summary>
    public DiscretisedFault Fault => _system.Fault;

    /// <summary>Loads and checks a step-2 config for Monte Carlo use (fixed weight, no dip scan).</summary>
    public static SlipConfig LoadConfig(string path, YamlMap at, string key)
    {
        var c = SlipConfig.Load(path);
        if (c.Weight.Fixed is null)
            throw at.ErrorAt(key, $"{path} chooses its smoothing weight (L-curve or dip scan); a Monte Carlo re-solves every realisation at one fixed weight: set slip.weight there (e.g. the weight its own run chose).");
        return c;
    }

    /// <summary>Column names of the extra values per realisation: Mw of the slip model, then slip per patch.</summary>
    public static string[] Columns(int patches) => ["slip.mw", .. Enumerable.Range(1, patches).Select(q => $"slip.patch_{q}")];

    /// <summary>The patch count of a step-2 config's fault.</summary>
    public static int PatchCount(SlipConfig c) => DiscretisedFault.Segments(c.Segments).Patches.Count;

    /// <summary>Builds the system once from the step-2 config and checks that its datasets are the perturbed ones.</summary>
    public static UncertaintySlip Prepare(SlipConfig c, IReadOnlyList<GeodeticDataset> uncertaintyData)
    {
        var imported = c.Data.ImportAll().Select(d => d.Data).ToList();
        foreach (var d in imported)
        {
            var same = uncertaintyData.FirstOrDefault(u => u.Name == d.Name)
                ?? throw new UserError($"{c.Path}: dataset '{d.Name}' is not among the uncertainty config's datasets ({string.Join(", ", uncertaintyData.Select(u => u.Name))}); the Monte Carlo perturbs those.");
            if (same.Count != d.Count || !same.East.ToArray().SequenceEqual(d.East.ToArray()) || !same.North.ToArray().SequenceEqual(d.North.ToArray()))
                throw new UserError($"{c.Path}: dataset '{d.Name}' has other points here ({d.Count}) than in the uncertainty config ({same.Count}); declare the same data (and quadtree) in both.");
        }
        var terms = FitKeys.Prepare(c.Path, imported, c.Fit);
        try { return new UncertaintySlip(c, SlipSystem.Build(DiscretisedFault.Segments(c.Segments), terms, c.Basis, c.Boundary, c.Target, c.Medium, c.FixBlind, c.Algebra)); }
        catch (ArgumentException e) { throw new UserError($"{c.Path}: {UserError.Reason(e)}"); }
    }

    /// <summary>Slip of one realisation: [Mw, slip magnitude per patch (m)].</summary>
    public double[] Solve(IReadOnlyList<GeodeticDataset> perturbed)
    {
        var values = _datasets.Select(n => perturbed.First(d => d.Name == n).Value.ToArray()).ToList();
        var s = SlipInversion.Solve(_system.WithObserved(values), _weight, _solver);
        return [s.MomentMagnitude, .. s.Patches.Select(p => p.Magnitude)];
    }
}
