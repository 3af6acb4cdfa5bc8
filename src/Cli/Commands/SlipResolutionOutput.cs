using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Discretisation;

namespace SourceModel.Cli.Commands;

/// <summary>What <c>slip --resolution</c> asked for: the checker size (patches) and the patch resolution below which a
/// patch is marked poorly resolved.</summary>
internal sealed record ResolutionRequest(int CheckerSize, double Threshold);

/// <summary>The files of <c>slip --resolution</c>: resolution.csv (per patch) and data_resolution.csv (per datum).</summary>
internal static class SlipResolutionOutput
{
    /// <summary>Runs the study on the chosen solution and logs its summary.</summary>
    public static ResolutionStudy Study(SlipConfig c, SlipOutcome outcome, ResolutionRequest request, TextWriter log)
    {
        ResolutionStudy study;
        try { study = ResolutionStudy.Of(outcome.System, outcome.Chosen, request.CheckerSize, request.Threshold); }
        catch (ArgumentException e) { throw new UserError($"{c.Path}: resolution: {UserError.Reason(e)}"); }
        var spike = study.Spike;
        var peak = outcome.Fault.Patches[study.SpikePatch];
        double near = outcome.Fault.Patches.Where(p => p.Segment == peak.Segment && Math.Abs(p.AlongStrike - peak.AlongStrike) <= 1 && Math.Abs(p.DownDip - peak.DownDip) <= 1)
            .Sum(p => spike.Recovered[p.Index]);
        double total = spike.Recovered.Sum();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resolution: patch resolution {study.Resolution.Patches.Min():0.###}–{study.Resolution.Patches.Max():0.###}, {study.PoorlyResolved.Count} of {study.Resolution.Patches.Length} patches below {study.Threshold:0.###}; " +
            $"checkerboard ({study.CheckerSize} patches) correlation {study.Checkerboard.Correlation:0.###}; spike on patch ({peak.AlongStrike + 1}, {peak.DownDip + 1}): " +
            $"{(total > 0 ? 100 * near / total : 0):0}% of the recovered slip within one patch"));
        return study;
    }

    /// <summary>resolution.csv: one row per patch.</summary>
    public static void WritePatches(TextWriter w, ResolutionStudy study, DiscretisedFault fault) => CsvTable.Write(w,
        ["segment", "along_strike", "down_dip", "east_m", "north_m", "depth_m", "resolution", "resolution_a", "resolution_b", "well_resolved",
            "checker_input_m", "checker_recovered_m", "spike_input_m", "spike_recovered_m"],
        fault.Patches.Select(p =>
        {
            var (e, n, d) = p.Centre;
            var r = study.Resolution;
            return (IEnumerable<string>)[I(p.Segment + 1), I(p.AlongStrike + 1), I(p.DownDip + 1), R(e), R(n), R(d), R(r.Patches[p.Index]),
                R(r.Coefficients[2 * p.Index]), R(r.Coefficients[2 * p.Index + 1]), r.Patches[p.Index] >= study.Threshold ? "true" : "false",
                R(study.Checkerboard.Input[p.Index]), R(study.Checkerboard.Recovered[p.Index]), R(study.Spike.Input[p.Index]), R(study.Spike.Recovered[p.Index])];
        }));

    /// <summary>data_resolution.csv: one row per datum, the diagonal of the data resolution matrix.</summary>
    public static void WriteData(TextWriter w, ResolutionStudy study, SlipSystem system)
    {
        var rows = new List<IEnumerable<string>>();
        int row = 0;
        foreach (var t in system.Data)
            for (int i = 0; i < t.Count; i++, row++)
                rows.Add([t.Name, R(t.Data.East[i]), R(t.Data.North[i]), R(study.Resolution.Data![row])]);
        CsvTable.Write(w, ["dataset", "east_m", "north_m", "resolution"], rows);
    }

    private static string R(double v) => NumberFormat.RoundTrip(v);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
