using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Okada;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;

namespace SourceModel.Cli.Commands;

/// <summary>
/// `sourcemodel forward`: surface east/north/up displacement (and LOS) of the sources of a <see cref="ForwardModel"/>
/// at observation points, written as CSV (metres).
/// </summary>
internal static class ForwardCalculation
{
    /// <summary>
    /// The built-in example: an Mw 6.7 thrust (μ = 30 GPa), 30 km × 15 km, striking 300°, dipping 35°, top at 2 km, 1 m of
    /// slip at rake 90°, on a 100 km grid at 2 km spacing seen by an ascending Sentinel-1-like track.
    /// </summary>
    public static ForwardModel Example => new(Okada.Mechanics.ElasticMedium.Default,
        [new RectangularFault(0, 0, 2000, 30e3, 15e3, 300, 35, FaultSlip.FromRake(90, 1.0))], []);

    public const string ExampleGrid = "-50000,50000,-50000,50000,2000";

    public static void Run(ForwardModel model, ObservationPoints points, LosVector? globalLos, string? output, TextWriter log,
        string? html = null, string? png = null, IReadOnlyList<string>? command = null)
    {
        var field = SurfaceDisplacement.Compute(model.Faults, model.PointSources, model.Medium, points.East, points.North);
        bool anyLos = globalLos is not null || points.Los.Any(l => l is not null);
        if (anyLos && points.Los.Any(l => l is null) && globalLos is null)
            throw new UserError("Some points have a LOS vector and some do not; give one for every point, or --los / --incidence and --heading for all.");
        var header = new List<string> { "east_m", "north_m" };
        header.AddRange(points.ExtraHeader);
        header.AddRange(["ue_m", "un_m", "uu_m"]);
        if (anyLos) header.Add("los_m");
        header.Add("status");
        IEnumerable<string> Row(int i)
        {
            var row = new List<string> { NumberFormat.RoundTrip(points.East[i]), NumberFormat.RoundTrip(points.North[i]) };
            row.AddRange(points.Extra[i]);
            row.AddRange([NumberFormat.RoundTrip(field.East[i]), NumberFormat.RoundTrip(field.North[i]), NumberFormat.RoundTrip(field.Up[i])]);
            if (anyLos) row.Add(NumberFormat.RoundTrip(field.Los(i, points.Los[i] ?? globalLos!.Value)));
            // Never "ok" for a value that is not a number: the status says so.
            bool finite = double.IsFinite(field.East[i]) && double.IsFinite(field.North[i]) && double.IsFinite(field.Up[i]);
            row.Add(!finite ? "non-finite" : field.Status[i] == OkadaStatus.Normal ? "ok" : "singular");
            return row;
        }
        if (output is not null) AtomicFile.Write(output, w => CsvTable.Write(w, header, Enumerable.Range(0, field.Count).Select(Row)));
        Summarise(model, field, points, log, output);
        if (html is not null) ForwardReport.Write(model, points, field, globalLos, html, png, command ?? [], log);
    }

    private static void Summarise(ForwardModel model, SurfaceField field, ObservationPoints points, TextWriter log, string? output)
    {
        double moment = model.Faults.Sum(f => f.Moment(model.Medium))
            + model.PointSources.Sum(p => model.Medium.ShearModulus * Math.Sqrt(p.StrikePotency * p.StrikePotency + p.DipPotency * p.DipPotency));
        string mw = moment > 0 ? (2.0 / 3.0 * (Math.Log10(moment) - 9.1)).ToString("F2", CultureInfo.InvariantCulture) : "n/a";
        int best = Enumerable.Range(0, field.Count).OrderByDescending(i => Math.Abs(field.Up[i])).FirstOrDefault();
        log.WriteLine(FormattableString.Invariant(
            $"{model.Faults.Count} fault(s), {model.PointSources.Count} point source(s); M0 = {moment:E3} N·m, Mw = {mw}."));
        if (field.Count > 0)
        {
            log.WriteLine(FormattableString.Invariant(
                $"Largest |uz| = {field.Up[best] * 100:F2} cm at east {points.East[best] / 1000:F1} km, north {points.North[best] / 1000:F1} km; max |uh| = {Enumerable.Range(0, field.Count).Max(i => Math.Sqrt(field.East[i] * field.East[i] + field.North[i] * field.North[i])) * 100:F2} cm."));
        }
        int singular = field.Status.Count(s => s != OkadaStatus.Normal);
        if (singular > 0) log.WriteLine($"{singular} point(s) lie on a surface-breaking fault trace (singular): their displacement is written as 0 with status 'singular'.");
        if (output is not null) log.WriteLine($"{field.Count} point(s) written to {output}.");
    }
}
