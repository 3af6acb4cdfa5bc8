using System.Globalization;
using SourceModel.Coulomb.Inp;
using SourceModel.Coulomb.Resolution;
using SourceModel.Coulomb.Stress;
using SourceModel.Okada;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb;

/// <summary>One row of Coulomb 3.4's element output: the stress change at an element's centre resolved on the element.</summary>
/// <param name="Number">1-based element number.</param>
/// <param name="CentreEast">km.</param>
/// <param name="CentreNorth">km.</param>
/// <param name="CentreDepth">km, positive down.</param>
/// <param name="Length">km.</param>
/// <param name="Strike">degrees.</param>
/// <param name="Dip">degrees.</param>
/// <param name="RightLateral">right-lateral slip, m.</param>
/// <param name="Reverse">reverse slip, m.</param>
/// <param name="Stress">Resolved stress (Pa) with the specified rake.</param>
/// <param name="ElementRake">The element's own slip rake (the specified rake for a receiver), degrees.</param>
/// <param name="Status">Normal, or singular when the centre lies on another element's edge (stresses NaN).</param>
public sealed record ElementResult(int Number, double CentreEast, double CentreNorth, double CentreDepth, double Length,
    double Strike, double Dip, double RightLateral, double Reverse, ResolvedStress Stress, double ElementRake, OkadaStatus Status);

/// <summary>
/// Coulomb 3.4's element calculation: every element with slip is a source; the stress change of all sources is
/// evaluated at every element's centre (sources included) and resolved on that element's plane.
/// </summary>
public static class ElementStress
{
    /// <summary>Pascals per bar.</summary>
    public const double PascalPerBar = 1e5;

    /// <summary>The medium an .inp describes (E1 in bar, PR1).</summary>
    public static ElasticMedium MediumOf(CoulombInput input) => ElasticMedium.FromYoung(input.Young * PascalPerBar, input.Poisson);

    /// <summary>One result per element, in file order, with shear resolved in <paramref name="specifiedRake"/> (degrees).</summary>
    public static IReadOnlyList<ElementResult> Compute(CoulombInput input, double specifiedRake)
    {
        if (!double.IsFinite(specifiedRake) || Math.Abs(specifiedRake) > 360)
            throw new ArgumentException($"specified rake {specifiedRake} must be within -360..360 degrees.");
        CoulombStress.CheckFriction(input.Friction);
        var faults = input.Elements.Select(e => e.ToFault(input.Columns)).ToArray();
        var sources = faults.Where((_, i) => !input.Elements[i].IsReceiver(input.Columns)).ToArray();
        var centres = faults.Select(f => f.Centroid).ToArray();
        var field = HalfSpaceStress.Compute(sources, MediumOf(input),
            centres.Select(c => c.East).ToArray(), centres.Select(c => c.North).ToArray(), centres.Select(c => c.Depth).ToArray());
        var results = new ElementResult[faults.Length];
        for (int i = 0; i < faults.Length; i++)
        {
            var f = faults[i];
            var r = CoulombStress.Resolve(field[i], new ReceiverPlane(f.Strike, f.Dip, specifiedRake), input.Friction);
            bool receiver = input.Elements[i].IsReceiver(input.Columns);
            results[i] = new ElementResult(i + 1, centres[i].East / 1000, centres[i].North / 1000, centres[i].Depth / 1000, f.Length / 1000,
                f.Strike, f.Dip, -f.Slip.StrikeSlip, f.Slip.DipSlip, r, receiver ? specifiedRake : f.Slip.Rake, field.Status[i]);
        }
        return results;
    }

    /// <summary>Column names of Coulomb 3.4's element output (plus our <c>status</c>).</summary>
    public static readonly string[] Header =
    [
        "Fault", "X-center", "Y-center", "Z-center", "length", "strike", "dip", "lat-slip", "dip-slip", "sig-right", "sig_reverse",
        "normal", "coul-right", "coul-reverse", "opt-rake", "opt-coul", "spec-rake", "spec-coul", "element-rake", "el-rake-coul", "status",
    ];

    /// <summary>The units row, as Coulomb 3.4 writes it (its "(km)" under strike is kept for compatibility).</summary>
    public static readonly string[] Units =
    [
        "#", "(km)", "(km)", "(km)", "(km)", "(km)", "(deg)", "(m)", "(m)", "(bar)", "(bar)", "(bar)", "(bar)", "(bar)", "(deg)", "(bar)",
        "(deg)", "(bar)", "(deg)", "(bar)", "",
    ];

    /// <summary>Writes the results as CSV: Coulomb 3.4's columns and units (stresses in bar, opt-rake from its 0.1°
    /// grid search), numbers in full precision, <c>nan</c> and status <c>singular</c> where a centre sits on a source edge.</summary>
    public static void WriteCsv(IReadOnlyList<ElementResult> results, TextWriter w)
    {
        static string F(double v) => double.IsNaN(v) ? "nan" : v.ToString("R", CultureInfo.InvariantCulture);
        w.WriteLine(string.Join(',', Header));
        w.WriteLine(string.Join(',', Units));
        foreach (var r in results)
        {
            var s = r.Stress;
            var (optRake, optCoul) = r.Status == OkadaStatus.Normal ? s.OptimalOnGrid() : (double.NaN, double.NaN);
            double bar = PascalPerBar;
            w.WriteLine(string.Join(',',
                r.Number.ToString(CultureInfo.InvariantCulture), F(r.CentreEast), F(r.CentreNorth), F(r.CentreDepth), F(r.Length),
                F(r.Strike), F(r.Dip), F(r.RightLateral), F(r.Reverse),
                F(s.ShearRightLateral / bar), F(s.ShearDip / bar), F(s.Normal / bar),
                F(s.CoulombAt(180) / bar), F(s.CoulombAt(90) / bar),
                F(optRake), F(optCoul / bar), F(s.Rake), F(s.Coulomb / bar), F(r.ElementRake), F(s.CoulombAt(r.ElementRake) / bar),
                r.Status == OkadaStatus.Normal ? "normal" : "singular"));
        }
    }
}
