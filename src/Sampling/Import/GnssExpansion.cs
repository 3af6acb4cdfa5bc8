using SourceModel.Sampling.Conventions;

namespace SourceModel.Sampling.Import;

/// <summary>GNSS tables: each station row becomes one observation per component present (east, north, up, in that
/// order) with the axis as its unit vector, its component sigma and a label <c>NAME.E</c>/<c>.N</c>/<c>.U</c>.</summary>
internal static class GnssExpansion
{
    private static readonly (ColumnRole Value, ColumnRole Sigma, string Suffix, double E, double N, double U)[] Components =
    [
        (ColumnRole.GnssEast, ColumnRole.SigmaEast, "E", 1, 0, 0),
        (ColumnRole.GnssNorth, ColumnRole.SigmaNorth, "N", 0, 1, 0),
        (ColumnRole.GnssUp, ColumnRole.SigmaUp, "U", 0, 0, 1),
    ];

    public static Observations Expand(DatasetDeclaration d, RawTable t, LengthUnit unit, List<string> notes)
    {
        if (d.Sign is not null || d.Vector is not null || d.Angles is not null || d.ConstantVector is not null || d.ConstantAngles is not null)
            throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': GNSS components are east/north/up by definition; 'sign', 'vector' and 'angles' do not apply.");
        if (t.Get(ColumnRole.Value) is not null)
            throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': map either a LOS 'value' or GNSS components, not both.");
        var present = Components.Where(c => t.Get(c.Value) is not null).ToArray();
        notes.Add($"GNSS components {string.Join("", present.Select(c => c.Suffix))}, positive east/north/up");
        var sigmas = present.Select(c => LosRows.SigmaOf(d, t, c.Sigma, unit, notes)).ToArray();
        var weight = t.Get(ColumnRole.Weight);
        double s = unit.ToMetres();
        var obs = new Observations(t.Rows * present.Length, isGnss: true)
        {
            HasSigma = sigmas.All(x => x is not null), HasWeight = weight is not null, HasLabel = true,
        };
        if (sigmas.Any(x => x is not null) && !obs.HasSigma)
            throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': give a sigma for every GNSS component or for none.");
        for (int i = 0; i < t.Rows; i++)
        {
            string station = t.Names?[i] ?? $"row{t.Lines[i]}";
            for (int k = 0; k < present.Length; k++)
            {
                var c = present[k];
                double sigma = double.NaN;
                if (sigmas[k] is { } sf)
                {
                    sigma = sf(i);
                    if (!(sigma > 0)) throw t.Error(i, c.Sigma, $"sigma must be positive, got {sigma:G6} m.");
                }
                double w = weight?[i] ?? double.NaN;
                if (weight is not null && !(w > 0)) throw t.Error(i, ColumnRole.Weight, $"weight must be positive, got {w:G6}.");
                obs.Add(i, t.Get(c.Value)![i] * s, c.E, c.N, c.U, sigma, w, $"{station}.{c.Suffix}");
            }
        }
        return obs;
    }
}
