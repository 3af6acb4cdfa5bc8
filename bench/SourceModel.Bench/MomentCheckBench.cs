using System.Globalization;
using SourceModel.Inversion.Scenarios;
using SourceModel.Inversion.Slip;

namespace SourceModel.Bench;

/// <summary>
/// Issue 22's moment check: step 2 on synthetic uniform-slip events (<see cref="MomentCheck"/>: strike-slip, thrust,
/// normal and oblique in turn, Mw 5.5–7.0, correlated noise, ramps, quadtree) with the corner, ABIC and GCV rules;
/// prints a row per event and, per rule, the share of events whose M0 is within 15 % of the truth.
/// <c>-- moments [--events N] [--first K] [--extend 0.5]</c>.
/// </summary>
public static class MomentCheckBench
{
    private static readonly SmoothingChoice[] Rules = [SmoothingChoice.Corner, SmoothingChoice.Abic, SmoothingChoice.Gcv];

    public static int Run(string[] args)
    {
        int events = BenchArguments.Integer(args, "--events", 24), first = BenchArguments.Integer(args, "--first", 0);
        double extension = double.Parse(BenchArguments.Text(args, "--extend") ?? "0.5", CultureInfo.InvariantCulture);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"# Step-2 moment check, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {GeometryReliability.CpuFlags()}");
        Console.WriteLine($"# events {first}..{first + events - 1}, plane extended by {extension} × length at each end and × width up and down dip; M0 error = M0 / true M0 − 1 at each rule's weight");
        Console.WriteLine();
        Console.WriteLine("| event | leaves | patches | corner | ABIC | GCV | ABIC on the active set | α corner / ABIC / GCV | wall s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var cases = new List<MomentCheckCase>();
        for (int i = first; i < first + events; i++)
        {
            var c = MomentCheck.Run(i, extension: extension);
            cases.Add(c);
            string E(SmoothingChoice r) => double.IsNaN(c.Error(r)) ? "no corner" : c.Error(r).ToString("+0.0 %;−0.0 %", inv);
            Console.WriteLine(string.Create(inv, $"| {c.Event.Describe()} | {c.Event.Datasets.Sum(d => d.Count)} | {c.Patches} | {E(SmoothingChoice.Corner)} | {E(SmoothingChoice.Abic)} | {E(SmoothingChoice.Gcv)} | {c.ActiveSetAbicMoment / c.TrueMoment - 1:+0.0 %;−0.0 %} | " +
                $"{c.Alpha[SmoothingChoice.Corner]:G3} / {c.Alpha[SmoothingChoice.Abic]:G3} / {c.Alpha[SmoothingChoice.Gcv]:G3} | {c.Seconds:0.0} |"));
        }
        Console.WriteLine();
        Console.WriteLine("| rule | style | within 15 % | median error | worst error |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var rule in Rules)
            foreach (var group in cases.GroupBy(c => c.Event.Style.ToString()).Append(cases.GroupBy(_ => "all").Single()))
            {
                var errors = group.Select(c => c.Error(rule)).ToArray();
                int within = errors.Count(e => Math.Abs(e) <= 0.15);
                var finite = errors.Where(double.IsFinite).Order().ToArray();
                string median = finite.Length == 0 ? "–" : finite[finite.Length / 2].ToString("+0.0 %;−0.0 %", inv);
                string worst = finite.Length == 0 ? "–" : finite.MaxBy(Math.Abs).ToString("+0.0 %;−0.0 %", inv);
                Console.WriteLine(string.Create(inv, $"| {rule} | {group.Key} | {within}/{errors.Length} ({100.0 * within / errors.Length:0} %) | {median} | {worst} |"));
            }
        var active = cases.Select(c => c.ActiveSetAbicMoment / c.TrueMoment - 1).Order().ToArray();
        Console.WriteLine(string.Create(inv, $"| ABIC on the active set | all | {active.Count(e => Math.Abs(e) <= 0.15)}/{active.Length} | {active[active.Length / 2]:+0.0 %;−0.0 %} | {active.MaxBy(Math.Abs):+0.0 %;−0.0 %} |"));
        return 0;
    }
}
