using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Problem;

namespace SourceModel.Cli.Commands;

/// <summary>How one dataset enters the misfit (the <c>fit</c> mapping, keyed by dataset name).</summary>
internal sealed record DatasetFitSettings(NuisanceModel Nuisance, WhiteningMode Whitening);

/// <summary>The <c>fit</c> mapping that steps 1 and 2 share (per dataset: <c>nuisance</c> none|offset|linear|quadratic,
/// <c>whitening</c> auto|covariance|sigma|none), and the one-of-several-words key reader every configuration uses.</summary>
internal static class FitKeys
{
    private static readonly Dictionary<string, NuisanceModel> Nuisances = new()
    {
        ["none"] = NuisanceModel.None, ["offset"] = NuisanceModel.Offset, ["linear"] = NuisanceModel.Linear, ["quadratic"] = NuisanceModel.Quadratic,
    };

    private static readonly Dictionary<string, WhiteningMode> Whitenings = new()
    {
        ["auto"] = WhiteningMode.Auto, ["covariance"] = WhiteningMode.Covariance, ["sigma"] = WhiteningMode.Sigma, ["none"] = WhiteningMode.None,
    };

    /// <summary>Settings for every declared dataset (defaults: no nuisance, automatic whitening).</summary>
    public static Dictionary<string, DatasetFitSettings> Parse(YamlMap root, DatasetConfig data)
    {
        var names = data.Datasets.Select(d => d.Name).Concat(data.Grids.Select(g => g.Grid.Name)).ToHashSet();
        var fit = new Dictionary<string, DatasetFitSettings>();
        var f = root.MapOrEmpty("fit");
        foreach (string name in f.Keys())
            if (!names.Contains(name)) throw f.ErrorAt(name, $"no dataset is named '{name}'; datasets: {string.Join(", ", names)}.");
        foreach (string name in names)
        {
            // Absent entries stand for the defaults, which are recorded for the resolved configuration.
            var m = f.MapOrEmpty(name);
            fit[name] = new DatasetFitSettings(Pick(m, "nuisance", Nuisances, NuisanceModel.None), Pick(m, "whitening", Whitenings, WhiteningMode.Auto));
            m.RejectUnknownKeys();
        }
        return fit;
    }

    /// <summary>The value of a key that must be one of <paramref name="choices"/>' words (absent: <paramref name="fallback"/>).</summary>
    public static T Pick<T>(YamlMap m, string key, Dictionary<string, T> choices, T fallback) where T : struct
    {
        if (m.Choice(key, choices.Select(kv => (kv.Key, kv.Value))) is { } chosen) return chosen;
        m.RecordDefault(key, choices.First(kv => kv.Value.Equals(fallback)).Key);
        return fallback;
    }

    /// <summary>Datasets prepared for a misfit with their fit settings; a refusal names the configuration.</summary>
    public static List<DatasetTerm> Prepare(string path, IEnumerable<Sampling.GeodeticDataset> data, IReadOnlyDictionary<string, DatasetFitSettings> fit)
    {
        var terms = new List<DatasetTerm>();
        foreach (var d in data)
        {
            var f = fit[d.Name];
            try { terms.Add(DatasetTerm.Prepare(d, f.Nuisance, f.Whitening)); }
            catch (ArgumentException e) { throw new UserError($"{path}: {UserError.Reason(e)}"); }
        }
        return terms;
    }
}
