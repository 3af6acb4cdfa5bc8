using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Scenarios;

namespace SourceModel.Inversion.Tests;

/// <summary>The synthetic Jiashi problem shared by the recovery tests: published source, both tracks, search bounds
/// typical of a first-step search around a located event.</summary>
public static class JiashiFixture
{
    /// <summary>Search bounds (m, degrees, m of slip), wide around the published values.</summary>
    public static IReadOnlyDictionary<string, ParameterSpec> Bounds { get; } = new Dictionary<string, ParameterSpec>
    {
        ["fault.east"] = ParameterSpec.Free("", -10_000, 10_000),
        ["fault.north"] = ParameterSpec.Free("", -10_000, 10_000),
        ["fault.depth"] = ParameterSpec.Free("", 0, 10_000),
        ["fault.length"] = ParameterSpec.Free("", 5_000, 40_000),
        ["fault.width"] = ParameterSpec.Free("", 1_000, 15_000),
        ["fault.strike"] = ParameterSpec.Free("", 240, 310),
        ["fault.dip"] = ParameterSpec.Free("", 1, 30),
        ["fault.rake"] = ParameterSpec.Free("", 60, 150),
        ["fault.slip"] = ParameterSpec.Free("", 0.05, 2.0),
    };

    /// <summary>The true value of each parameter.</summary>
    public static IReadOnlyDictionary<string, double> Truth { get; } = new Dictionary<string, double>
    {
        ["fault.east"] = 0, ["fault.north"] = 0, ["fault.depth"] = 4_580, ["fault.length"] = 22_700, ["fault.width"] = 4_700,
        ["fault.strike"] = 274.8, ["fault.dip"] = 8.8, ["fault.rake"] = 105.6, ["fault.slip"] = 0.37,
    };

    private static readonly Lazy<SyntheticScenario> NoiseFree = new(() => Jiashi2020.Build());

    /// <summary>Noise-free synthetic data (built once).</summary>
    public static SyntheticScenario Clean => NoiseFree.Value;

    /// <summary>The geometry problem for a scenario.</summary>
    public static GeometryProblem Problem(SyntheticScenario scenario, NuisanceModel nuisance = NuisanceModel.None)
    {
        var layout = new SourceLayout([new SourceTemplate("fault", SourceKind.Rectangle)]);
        return new GeometryProblem(layout, layout.Space(Bounds), scenario.Datasets.Select(d => DatasetTerm.Prepare(d, nuisance)));
    }
}
