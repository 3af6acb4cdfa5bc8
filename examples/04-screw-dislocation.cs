// 04 — Interseismic loading: the screw dislocation of Savage & Burford (1973)
//
// Question: how do the slip rate and the locking depth of a strike-slip fault shape the velocity profile across it?
// Physics:  between earthquakes the fault is locked from the surface to depth D while it slips steadily at rate s
//           below. In an elastic half-space the fault-parallel surface velocity at distance x is
//               v(x) = (s/π) · atan(x/D)
//           (Savage & Burford 1973, JGR 78, 832–845): it tends to ±s/2 far away, passes through 0 at the trace with
//           slope s/(πD), and reaches s/4 at x = D. Half the velocity change happens within ±D of the fault, so the
//           width of the "arctangent" measures D, its amplitude s. The same profile is Okada's rectangle made very
//           long and very deep with its top at D — checked below.
// Try:      change D (5, 15, 30 km) at fixed s, or add shallow creep (CreepRate, CreepDepth) and see the step at x = 0.
// Run:      dotnet run examples/04-screw-dislocation.cs    (writes examples-output/04-screw-dislocation.html)
#:property PublishAot=false
#:project ../src/Okada/SourceModel.Okada.csproj
#:project ../src/Reports/SourceModel.Reports.csproj
using System.Globalization;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const double s = 0.020;   // 20 mm/yr, left-lateral
var x = Enumerable.Range(0, 801).Select(i => -200_000.0 + 500 * i + 0.5).ToArray();
double[] depths = [5_000, 15_000, 30_000];
var report = new Report("04 — The screw dislocation (Savage & Burford 1973)")
    .Metadata("model", "v(x) = (s/π)·atan(x/D), s = 20 mm/yr (left-lateral), x positive to the right of strike");
var curves = new List<(string, IReadOnlyList<double>, IReadOnlyList<double>)>();
foreach (double d in depths)
{
    var screw = new ScrewDislocation(s, d).Validated();
    var v = x.Select(screw.FaultParallelVelocity).ToArray();
    string key = $"D_{d / 1000:0}km";
    Console.WriteLine($"{key}.v_at_200km_over_half_rate = {screw.FaultParallelVelocity(200_000) / (s / 2):G6}");
    Console.WriteLine($"{key}.v_at_1000km_over_half_rate = {screw.FaultParallelVelocity(1_000_000) / (s / 2):G6}");
    Console.WriteLine($"{key}.v_at_D_over_rate = {screw.FaultParallelVelocity(d) / s:G6}");
    Console.WriteLine($"{key}.slope_at_trace_times_pi_D_over_rate = {(screw.FaultParallelVelocity(1) - screw.FaultParallelVelocity(-1)) / 2 * Math.PI * d / s:G6}");
    curves.Add(($"D = {d / 1000:0} km", Km(x), v.Select(u => u * 1000).ToArray()));
}
report.Section("Locking depth").Paragraph("Same slip rate, three locking depths: the far field is ±s/2 = ±10 mm/yr for all; a deeper lock spreads the gradient.")
    .Add(StandardFigures.Lines("depths", "fault-parallel velocity across the fault", ("distance from the trace", "km"), ("velocity", "mm/yr"), [.. curves]));

// Okada: a vertical fault from D down to 10¹¹ m, 2·10¹² m long, striking north, slipping s; its north velocity at the
// surface on an east–west line through its middle equals the screw dislocation (Okada is exact for any rectangle;
// this one only has to be long and deep enough for its ends and bottom to be out of sight: a bottom at B subtracts
// (s/π)·atan(x/B), here below 10⁻⁶ s within 200 km).
var deep = new RectangularFault(0, 0, 15_000, 2e12, 1e11, 0, 90, FaultSlip.FromRake(0, s));
var okada = SurfaceDisplacement.Compute([deep], [], ElasticMedium.Default, x, new double[x.Length]);
var model = new ScrewDislocation(s, 15_000);
double worst = 0;
for (int i = 0; i < x.Length; i++) worst = Math.Max(worst, Math.Abs(okada.North[i] - model.FaultParallelVelocity(x[i])));
Console.WriteLine($"okada_vs_screw.max_difference_over_rate = {worst / s:G3}");
var creep = new ScrewDislocation(s, 15_000, CreepRate: 0.005, CreepDepth: 3_000).Validated();
Console.WriteLine($"creep.step_at_trace_mm_per_yr = {(creep.FaultParallelVelocity(0.5) - creep.FaultParallelVelocity(-0.5)) * 1000:G5}");
report.Section("Okada's long, deep rectangle = the screw dislocation (D = 15 km), and shallow creep")
    .Add(StandardFigures.Lines("okada", "screw dislocation, Okada rectangle and 5 mm/yr of creep above 3 km", ("distance from the trace", "km"), ("velocity", "mm/yr"),
        ("screw dislocation", Km(x), x.Select(e => model.FaultParallelVelocity(e) * 1000).ToArray()),
        ("Okada rectangle, top at 15 km", Km(x), okada.North.Select(u => u * 1000).ToArray()),
        ("with shallow creep", Km(x), x.Select(e => creep.FaultParallelVelocity(e) * 1000).ToArray())));
Directory.CreateDirectory("examples-output");
report.Save(Path.Combine("examples-output", "04-screw-dislocation.html"));
Console.WriteLine("report = examples-output/04-screw-dislocation.html");

static double[] Km(double[] metres) => metres.Select(v => v / 1000).ToArray();
