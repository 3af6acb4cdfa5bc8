using System.Runtime.CompilerServices;
using SourceModel.Sampling.Conventions;

namespace SourceModel.Sampling.Import;

/// <summary>One observation per row (LOS, azimuth offset, or a single GNSS component): declared units, sign and
/// vector direction or angle convention applied, with the checks that expose a declaration the file contradicts.</summary>
internal static class LosRows
{
    /// <summary>Tolerance on the norm of a stored unit vector before it is renormalised (files round to 3-6 digits).</summary>
    public const double NormTolerance = 0.02;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Observations Build(DatasetDeclaration d, RawTable t, DatasetKind kind, LengthUnit unit, List<string> notes)
    {
        var value = t.Get(ColumnRole.Value) ?? throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': no 'value' column is mapped.");
        bool los = kind == DatasetKind.Los;
        double signFactor = 1;
        if (los)
        {
            var sign = d.Sign ?? throw new DataFormatException(t.File, 0, 0,
                $"dataset '{d.Name}': declare 'sign' (toward_satellite or away_from_satellite): LOS files differ and a silent guess flips the slip.");
            signFactor = sign == LosSign.AwayFromSatellite ? -1 : 1;
            notes.Add(sign == LosSign.AwayFromSatellite ? "file LOS positive away from satellite (negated)" : "file LOS positive toward satellite");
        }
        else if (d.Sign is not null)
        {
            throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': 'sign' applies to LOS data only; a {kind} observation is u·(unit vector).");
        }
        var vectors = VectorSource.Resolve(d, t, los, notes);
        var sigma = SigmaOf(d, t, ColumnRole.Sigma, unit, notes);
        var weight = t.Get(ColumnRole.Weight);
        double scale = unit.ToMetres() * signFactor;
        var obs = new Observations(t.Rows, isGnss: false) { HasSigma = sigma is not null, HasWeight = weight is not null, HasLabel = t.Names is not null };
        for (int i = 0; i < t.Rows; i++)
        {
            var (e, n, u) = vectors(i);
            double s = double.NaN;
            if (sigma is not null)
            {
                s = sigma(i);
                if (!(s > 0)) throw t.Error(i, ColumnRole.Sigma, $"sigma must be positive, got {s:G6} m.");
            }
            double w = double.NaN;
            if (weight is not null)
            {
                w = weight[i];
                if (!(w > 0)) throw t.Error(i, ColumnRole.Weight, $"weight must be positive, got {w:G6}.");
            }
            obs.Add(i, value[i] * scale, e, n, u, s, w, t.Names?[i]);
        }
        return obs;
    }

    /// <summary>Sigma of row i in metres from a column or a constant, or null when neither is given.</summary>
    public static Func<int, double>? SigmaOf(DatasetDeclaration d, RawTable t, ColumnRole role, LengthUnit valueUnit, List<string> notes)
    {
        var sigmaUnit = d.SigmaUnits ?? valueUnit;
        double s = sigmaUnit.ToMetres();
        if (t.Get(role) is { } col)
        {
            if (d.ConstantSigma is not null)
                throw new DataFormatException(t.File, 0, t.FieldOf[role], $"dataset '{d.Name}': the file has a sigma column and a constant 'sigma' is declared; give one.");
            notes.Add($"sigmas in {sigmaUnit.Symbol()}");
            return i => col[i] * s;
        }
        if (d.ConstantSigma is { } c)
        {
            notes.Add($"constant sigma {c} {sigmaUnit.Symbol()}");
            return _ => c * s;
        }
        return null;
    }
}
