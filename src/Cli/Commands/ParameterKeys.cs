using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Parameters;

namespace SourceModel.Cli.Commands;

/// <summary>One parameter's bounds as configs write them: one number holds it fixed, [min, max] frees it.</summary>
internal static class ParameterKeys
{
    /// <summary>The spec of <paramref name="key"/> in <paramref name="map"/>, named <paramref name="name"/>, checked.</summary>
    public static ParameterSpec Read(YamlMap map, string key, string name)
    {
        var values = map.Numbers(key)!;
        var spec = values.Length switch
        {
            1 => ParameterSpec.FixedAt(name, values[0]),
            2 => new ParameterSpec(name, values[0], values[1]),
            _ => throw map.ErrorAt(key, "expected a fixed value or bounds [min, max]."),
        };
        try { return spec.Validated(); }
        catch (ArgumentException e) { throw map.ErrorAt(key, UserError.Reason(e)); }
    }
}
