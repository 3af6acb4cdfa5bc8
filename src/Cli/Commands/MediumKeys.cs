using SourceModel.Cli.Infrastructure;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Cli.Commands;

/// <summary>The <c>medium</c> mapping every configuration shares: <c>shear_modulus</c> (Pa) or <c>young</c> (Pa), and
/// <c>poisson_ratio</c> (also accepted as <c>poisson</c>, Coulomb 3's name). Missing values take μ = 30 GPa, ν = 0.25.</summary>
internal static class MediumKeys
{
    public static ElasticMedium Parse(YamlMap m)
    {
        if (m.Has("poisson") && m.Has("poisson_ratio")) throw m.ErrorAt("poisson", "give poisson_ratio or poisson, not both.");
        double nu = m.Has("poisson") ? m.Number("poisson") : m.Number("poisson_ratio", 0.25);
        if (m.Has("young") && m.Has("shear_modulus")) throw m.ErrorAt("young", "give shear_modulus or young, not both.");
        var medium = m.Has("young") ? ElasticMedium.FromYoung(m.Number("young"), nu) : new ElasticMedium(m.Number("shear_modulus", 30e9), nu);
        m.RejectUnknownKeys();
        try { return medium.Validated(); }
        catch (ArgumentException e) { throw m.ErrorHere(UserError.Reason(e)); }
    }
}
